"""A table whose numbers are printed in a block apart from its labels: text taken from a PDF
column by column gives every row label first, one a line, then every row's numbers, one row a
line.

The labels say which rows there are and in what order; the block's lines are the rows' numbers in
the same order. Only where the two agree — as many lines of numbers as labels, no text of a row
no label names among the labels, each line with as many numbers as its row has cells (or its
digits run together, for `cells` to split by the sums), and in section 三 each line's numbers
adding up to its total (R2) — is each line given to its row. Otherwise no line can be told
to belong to a row by anything but its position, so every row of the block is in doubt, with the
reason; nothing is assigned by position alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from gongkai.extract.labels import Label, LabelIndex, follows_table_text
from gongkai.extract.normalize import NUMBERING_AT_END
from gongkai.extract.stream import Item, ItemKind
from gongkai.report.editions import APPLICANT_KEYS, TABLES
from gongkai.report.grid import Section

_LEAST = 2  # fewer labels or lines of numbers than this are an ordinary row
_BACK = 400  # items of text looked back over for the block's labels (a table has fewer)
_CHUNK = 240  # labels are shorter; older label text cannot matter


@dataclass(frozen=True, slots=True)
class Row:
    label: Label
    printed: str  # the label as printed
    line: int  # the label's line
    pieces: tuple[Item, ...]  # the row's line of numbers; empty when in doubt
    unread: str = ""  # why the row's numbers cannot be told, in Chinese


@dataclass(frozen=True, slots=True)
class Block:
    rows: list[Row]
    resume: int  # the first item after the block


def rows(items: list[Item], last: int, first: int, stop: int, index: LabelIndex) -> Block | None:
    """The block whose labels end at item `last` and whose numbers start at item `first`; None
    when the items there are an ordinary table (a label, then its cells)."""
    if not items[first].is_value:
        return None
    lines = _lines(items, first, stop)  # the cheaper of the two: most rows stop here
    if len(lines) < _LEAST:
        return None
    labels = _labels(items, last, index)
    if len(labels) < _LEAST:
        return None
    if _count(lines[0]) == 1 and len(lines) == _width(labels[-1][0], index):
        return None  # one cell a line: the last label's cells (see `locate._paragraphs`)
    resume = first + sum(len(line) for line in lines)
    resume = _skip_breaks(items, resume, stop)
    widths = [_width(label, index) for label, _, _ in labels]
    if (
        len(lines) == len(labels)
        and all(_fits(width, line) for width, line in zip(widths, lines, strict=True))
        and all(_adds_up(line, index) for line in lines)
    ):
        out = [
            Row(label, printed, number, tuple(line))
            for (label, printed, number), line in zip(labels, lines, strict=True)
        ]
        return Block(out, resume)
    if len(lines) == len(labels):
        why = "该表的数字与行名分开排列，有的数字行与其行的单元格个数不符或各栏之和与总计不符"
    else:
        why = f"该表的数字与行名分开排列，{len(labels)} 个行名却有 {len(lines)} 行数字"
    why += "，无法确定各行数字属于哪一行"
    return Block(
        [Row(label, printed, number, (), why) for label, printed, number in labels], resume
    )


def _labels(items: list[Item], last: int, index: LabelIndex) -> list[tuple[Label, str, int]]:
    """The labels printed one after another, back from item `last` to the previous cells: each
    line of text joined with the lines before it until it ends with a label."""
    start = last
    while start > max(0, last - _BACK) and items[start - 1].kind in (ItemKind.TEXT, ItemKind.BREAK):
        start -= 1
    found: list[tuple[Label, str, int]] = []
    chunk, printed = "", ""
    for item in items[start : last + 1]:
        if item.kind is not ItemKind.TEXT or item.row:
            continue
        chunk = (chunk + item.key)[-_CHUNK:]
        printed += item.text
        label = index.match(chunk, item.key)
        if label is not None:
            before = chunk[: len(chunk) - len(label.core)]
            mark = NUMBERING_AT_END.search(before)
            if not follows_table_text(before[: mark.start()] if mark else before):
                return []  # the text of a row no label names ("其中：网上申请"): its line is unknown
            found.append((label, printed, item.line))
            chunk, printed = "", ""
    if chunk:  # text after the last label: the block's labels do not end where its numbers start
        return []
    return _one_edition(found)


def _one_edition(found: list[tuple[Label, str, int]]) -> list[tuple[Label, str, int]]:
    """The labels of the edition the block's own labels point at: 「（六）其他处理」 is a row of
    the 2019 table but the heading of three rows in 2021's, with no numbers of its own there."""
    votes = Counter(next(iter(f[0].editions)) for f in found if len(f[0].editions) == 1)
    ranked = votes.most_common()
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return found
    edition = ranked[0][0]
    return [f for f in found if edition in f[0].editions]


def _lines(items: list[Item], first: int, stop: int) -> list[list[Item]]:
    """The lines of numbers from item `first` on, each its items, up to the next text."""
    lines: list[list[Item]] = []
    for item in items[first:stop]:
        if item.kind is ItemKind.BREAK:
            continue
        if not item.is_value or not item.plain:
            break  # a tab-indented or table-row cell: its line is no line of numbers
        if lines and lines[-1][-1].line == item.line:
            lines[-1].append(item)
        else:
            lines.append([item])
    return lines


def _skip_breaks(items: list[Item], j: int, stop: int) -> int:
    while j < stop and items[j].kind is ItemKind.BREAK:
        j += 1
    return j


def _fits(width: int | None, line: list[Item]) -> bool:
    """Whether a line of numbers can be its row's: as many numbers as the row has cells, or
    digits run together (split later by the row's sums, or left in doubt)."""
    if width is None or _count(line) == width:
        return True
    return len(line) == 1 and line[0].kind is ItemKind.RUN and " " not in line[0].text.strip()


def _adds_up(line: list[Item], index: LabelIndex) -> bool:
    """Whether a line of section 三 whose seven numbers are all printed apart adds up (R2): the
    order of the lines is confirmed by the rows' sums, where they can be checked."""
    if index.section is not Section.REQUESTS:
        return True
    numbers = [int(n) for item in line for n in item.text.split() if n.isdigit()]
    if len(numbers) != _count(line) or len(numbers) != len(APPLICANT_KEYS) + 1:
        return True  # blanks or run-together digits: `cells` holds them to the sums
    return sum(numbers[:-1]) == numbers[-1]


def _count(line: list[Item]) -> int:
    """How many cells a line of numbers shows: each number, blank mark or digit group."""
    return sum(len(item.text.split()) if item.kind is ItemKind.RUN else 1 for item in line)


def _width(label: Label, index: LabelIndex) -> int | None:
    """How many cells the label's row has; None when its editions disagree."""
    widths = {
        len(TABLES[edition][index.section].row(label.row).columns) for edition in label.editions
    }
    return widths.pop() if len(widths) == 1 else None
