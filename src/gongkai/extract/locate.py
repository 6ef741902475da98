"""Tables located by their labels, never by position: which items hold the cells of which row.

`find_rows` walks a section's items; where joined label text ends with a row label (or, for a
long label, all but a typo of it) and cells follow, it records a `Hit` with those cells. Cells run
to the end of a markdown or tab-separated line, or else to the next label, or to the first empty
line after them (unless cells are written one per paragraph).

The appeals table (section 四) prints its three blocks side by side under a two-level header, so it
is found by its header and its one row of 15 cells (`find_appeals`); when its blocks are printed as
labelled rows instead, `find_rows` finds them.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from itertools import islice

from gongkai.extract import detached
from gongkai.extract.labels import Label, LabelIndex, is_table_text
from gongkai.extract.stream import Item, ItemKind
from gongkai.report.grid import Edition, Section

_CHUNK = 240  # labels are shorter; older label text cannot matter
_APPEALS_HEADER = ("行政复议", "行政诉讼", "结果维持", "尚未审结", "复议后起诉")
BOTH = frozenset({Edition.E2019, Edition.E2021})


@dataclass(frozen=True, slots=True)
class Hit:
    section: Section
    row: str  # the row key; "" for the appeals row (all three blocks)
    label: str  # the label as printed
    line: int
    pieces: tuple[Item, ...]
    at_end: bool  # the cells run to the end of the document: the row may be cut short
    editions: frozenset[Edition] = BOTH  # the editions that have a row with this label
    misspelt: bool = False  # the label was found despite a typo
    unread: str = ""  # why the row's cells cannot be told (in Chinese): read as ambiguous


def item_span(lines: list[int], first_line: int, last_line: int) -> tuple[int, int]:
    """The items on lines [first_line, last_line], as a [start, stop) range; `lines` holds each
    item's line number."""
    return bisect.bisect_left(lines, first_line), bisect.bisect_right(lines, last_line)


def find_rows(items: list[Item], start: int, stop: int, index: LabelIndex) -> list[Hit]:
    """Every row of `index`'s table found among items [start, stop), in document order."""
    hits: list[Hit] = []
    chunk = ""
    texts: list[str] = []
    resume = start
    for i in range(start, stop):
        if i < resume:
            continue
        item = items[i]
        if item.kind is ItemKind.BREAK:
            continue
        if item.kind is not ItemKind.TEXT:
            chunk, texts = "", []
            continue
        chunk = (chunk + item.key)[-_CHUNK:]
        texts = [*texts[-2:], item.text]
        following = _next(items, i + 1, stop)
        if following is not None and items[following].kind is ItemKind.TEXT and not item.row:
            continue  # the label may go on in the next piece of text
        if following is not None and not item.row:
            block = detached.rows(items, i, following, stop, index)
            if block is not None:
                hits.extend(
                    Hit(
                        index.section,
                        r.label.row,
                        r.printed,
                        r.line,
                        r.pieces,
                        False,
                        r.label.editions,
                        unread=r.unread,
                    )
                    for r in block.rows
                )
                resume, chunk, texts = block.resume, "", []
                continue
        label = index.match(chunk, item.key)
        near = label is None
        if near and following is not None and items[following].is_value and not item.row:
            wrapped = _wrapped(items, following, stop, chunk, index)
            if wrapped is not None:
                label, last, pieces = wrapped
                printed = "".join([*texts[-1:], *(items[t].text for t in last)])
                hits.append(Hit(index.section, label.row, printed, item.line, pieces, False))
                resume, chunk, texts = last[-1] + 1, "", []
                continue
        if near and following is not None and items[following].is_value:
            label = index.near(chunk, item.key)
        if label is None:
            continue
        pieces, end = _cells(items, i, stop)
        if any(p.is_value for p in pieces):
            printed = _printed(texts, label.core)
            hit = Hit(
                index.section, label.row, printed, item.line, pieces, end, label.editions, near
            )
            if item.row and hits and hits[-1].line == item.line:
                hits[-1] = hit  # a later label on the same table row is the row's own
            else:
                hits.append(hit)
    return hits


_WRAP = 3  # a label's lines after its cells, at most


def _wrapped(
    items: list[Item], first: int, stop: int, chunk: str, index: LabelIndex
) -> tuple[Label, list[int], tuple[Item, ...]] | None:
    """A label whose cells stand on one of its middle lines (a PDF centres them in a tall table
    row): the text before the cells (`chunk`) is no label, but with the next lines of text it
    ends with one, and those lines have no cells of their own. The label, the items of its later
    lines and the cells."""
    pieces, _ = _collect(items, first, stop)
    j = first + len(pieces)
    last: list[int] = []
    joined = chunk
    while len(last) < _WRAP:
        j = _next(items, j, stop) or stop
        if j >= stop or items[j].kind is not ItemKind.TEXT or items[j].row:
            return None
        last.append(j)
        joined += items[j].key
        label = index.match(joined, items[j].key)
        if label is not None:
            after = _next(items, j + 1, stop)
            if after is not None and items[after].is_value:
                return None  # the later lines carry cells of their own: whose are these?
            alone = "".join(items[t].key for t in last)
            if index.match(alone, items[j].key) is not None:
                return None  # the later lines are a whole label by themselves
            return label, last, tuple(pieces)
        j += 1
    return None


def find_appeals(items: list[Item], start: int, stop: int) -> Hit | None:
    """The one data row of the appeals table: the first numbers after its header."""
    header = next(
        (
            i
            for i in range(start, stop)
            if items[i].kind is ItemKind.TEXT and any(w in items[i].key for w in _APPEALS_HEADER)
        ),
        None,
    )
    if header is None:
        return None
    for first in range(header + 1, stop):
        item = items[first]
        if item.kind is ItemKind.TEXT and not is_table_text(item.key, fragments=True):
            return None  # prose before any number: the table holds no data row
        if item.is_number:
            break
    else:
        return None
    words = "".join(it.key for it in items[header:first] if it.kind is ItemKind.TEXT)
    unread = REVERSED_BLOCKS if blocks_reversed(words) else ""
    if items[first].row:
        line = items[first].line
        begin = first
        while begin > header + 1 and items[begin - 1].line == line:
            begin -= 1
        pieces = [it for it in items[begin:stop] if it.line == line]
        end = _at_end(items, begin + len(pieces))
    else:
        begin = first
        while begin > header + 1 and items[begin - 1].kind is ItemKind.BLANK:
            begin -= 1
        pieces, end = _collect(items, begin, stop)
    return Hit(Section.APPEALS, "", "数据行", items[first].line, tuple(pieces), end, unread=unread)


REVERSED_BLOCKS = "表头中“复议后起诉”印在“未经复议直接起诉”之前，与全国统一格式的顺序不同，无法确定各组数字属于哪一类"


def blocks_reversed(header: str) -> bool:
    """Whether a header (key form) names 复议后起诉 before 未经复议直接起诉: the national row of 15
    is read in the national order of its blocks, which such a header contradicts."""
    after, direct = header.find("复议后起诉"), header.find("直接起诉")
    return 0 <= after < direct


def _next(items: list[Item], i: int, stop: int) -> int | None:
    while i < stop and items[i].kind is ItemKind.BREAK:
        i += 1
    return i if i < stop else None


def _cells(items: list[Item], label: int, stop: int) -> tuple[tuple[Item, ...], bool]:
    """The items holding the cells of the row whose label ends at item `label`."""
    line = items[label].line
    if items[label].row:
        j = label + 1
        while j < stop and items[j].line == line:
            j += 1
        same_line = items[label + 1 : j]
        if any(p.is_value for p in same_line):
            return tuple(same_line), _at_end(items, j)
        pieces, end = _collect(items, j, stop)
        return tuple(pieces), end
    pieces, end = _collect(items, label + 1, stop)
    return tuple(pieces), end


def _collect(items: list[Item], j: int, stop: int) -> tuple[list[Item], bool]:
    pieces: list[Item] = []
    while j < stop:
        item = items[j]
        if item.kind in (ItemKind.TEXT, ItemKind.GAP):
            break
        if item.kind is ItemKind.BREAK:
            if pieces and not _paragraphs(items, j, stop, pieces[-1]):
                break
            j += 1
            continue
        if pieces and (item.row or pieces[-1].row) and item.line != pieces[-1].line:
            break
        pieces.append(item)
        j += 1
    return pieces, _at_end(items, j)


def _paragraphs(items: list[Item], j: int, stop: int, last: Item) -> bool:
    """Whether the empty line at j only separates cells written one per paragraph: plain values
    before and after it. (In one-cell-per-tab-line tables an empty line ends the row.)"""
    following = _next(items, j, stop)
    if following is None or not last.plain:
        return False
    return items[following].plain and items[following].is_value


def _at_end(items: list[Item], j: int) -> bool:
    """Whether only empty lines follow item j (looked at without copying the rest)."""
    return all(item.kind is ItemKind.BREAK for item in islice(items, j, None))


def _printed(texts: list[str], core: str) -> str:
    """The label as the document prints it: the last pieces of label text, as few as hold it."""
    for n in range(1, len(texts) + 1):
        joined = "".join(texts[-n:])
        if len(joined.replace(" ", "")) >= len(core):
            return joined
    return "".join(texts)
