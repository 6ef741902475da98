"""Grids → the rows of the national tables, by their header and row labels, never by position.

Each grid row lies in a section (by its text line). Rows without a number are header rows: the
texts covering each column, top to bottom, are the column's header path (a header row after data
rows starts a new header, as section 二 of the 2019 edition prints one per 第二十条 item). A data
row's label is its leading text cells (a group label merged over rows from above included),
matched like any label (`labels.LabelIndex`; a label whose parts are printed in another order is
found too, with a doubt as for a typo); its values are the cells after the label that start
in this row — a position covered by a merged cell is no value — except in columns whose header
says they hold none (序号, 备注). So a header cell spanning two columns, a Word cell spanning grid
columns or an Excel merged range never shifts a number into the next column. Where the header
names the column of every cell that holds something, each goes to that column (an empty spacer
column under no name is left out); else the cells are read as printed, and `cells` reads them
(too many, too few, run together) as it reads any row.

A block of numbers printed apart from its labels (a grid of labels only, then one of values only)
is paired row by row only where both have as many rows, each row is as wide as its row and every
sum among them holds (R1–R4): labels, order and sums together, never order alone.

Section 四 comes in more shapes: one row per block (行政复议 / 未经复议直接起诉 / 复议后起诉), the
national two-level header over one row of 15 (each value's block read from its header path), or
three small tables of one row of 5 whose block is named by the heading printed just before each
(a heading that is the block's name, not a sentence that mentions it). A row whose
block cannot be told so is not read here; the text pipeline then reads what it can, and says what
it cannot.

A cell holding a number with a note (「22（其中修订16件）」) reads as its number when the note is
in brackets and begins with 其中/含/包括; any other text in a value cell is unreadable (a doubt).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from gongkai.extract.constraints import balanced, column_equations, column_sums, row_rules_confirm
from gongkai.extract.grids import Grid, GridCell
from gongkai.extract.labels import Label, label_index
from gongkai.extract.lines import Line, LineKind
from gongkai.extract.locate import REVERSED_BLOCKS, Hit, blocks_reversed
from gongkai.extract.normalize import NUMBERING, key
from gongkai.extract.order import OUT_OF_ORDER, requests_out_of_order
from gongkai.extract.sections import Sections
from gongkai.extract.stream import Item, ItemKind, cell_items
from gongkai.extract.values import BLANK_MARKS, CellValue, fold, to_value
from gongkai.report.editions import APPEAL_COLUMNS, TABLES
from gongkai.report.grid import Row, Section, Table

#: Header words of columns that hold no values of the national tables.
_NOT_VALUES = ("序号", "备注", "说明", "编号", "占比", "比例", "百分比")
_ANNOTATED = re.compile(r"^([+-]?\d[\d,]*(?:\.\d+)?)\s*\((?:其中|含|包括)[^()]*\)$")
_VALUE_START = re.compile(r"^[+-]?\d")
_NUMBERING = re.compile(r"^\d+[.、]\D")
#: Section 四's blocks by the words that name them, in the order they are tried.
_BLOCKS = (
    ("litigation_after_reconsideration", ("复议后起诉",)),
    ("litigation_direct", ("未经复议直接起诉", "直接起诉")),
    ("reconsideration", ("行政复议",)),
)
_APPEAL_WIDTH = len(APPEAL_COLUMNS)
_MAY_BE_CUT = frozenset({"html", "markdown"})  # text that may stop mid-row; a Word file cannot
_NO_SPANS = frozenset({"markdown"})  # files whose merged cells print as empty cells
_REMEMBERED = 200  # labels longer than this (no row's is) are matched afresh each time
_UNPAIRED = "行数、各行宽度或各栏之和对不上，无法逐行对应"
_CAPTIONS = frozenset({"行政复议", "未经复议直接起诉", "直接起诉", "复议后起诉"})
_DISPLACED = "本行与表头各栏错位（表头另有备注或序号栏），无法确定各数字所在的栏"


#: A row label found: its section, the label, and whether only despite a typo.
Found = tuple[Section, Label, bool]


@dataclass
class GridMapping:
    """How one grid was read, for `--debug`."""

    grid: Grid
    notes: list[str] = field(default_factory=list)


def map_grids(
    grids: Sequence[Grid], sections: Sections, lines: Sequence[Line]
) -> tuple[dict[Section, list[Hit]], list[GridMapping]]:
    """The national rows every grid holds, by section, and how each grid was mapped."""
    spans = {s: sections.span(s.number) for s in Section}
    hits: dict[Section, list[Hit]] = {s: [] for s in Section}
    mappings = []
    previous_end = 0
    last = next((line.number for line in reversed(lines) if line.kind.is_content), 0)
    cut = {n: grid.kind in _MAY_BE_CUT for grid in grids for n in grid.lines}
    labels: list[tuple[Section, str, str, int]] = []  # a grid of labels only, just before
    for grid in grids:
        mapping = GridMapping(grid)
        detached = _map(grid, spans, lines, previous_end, hits, mapping)
        if labels and detached.unlabelled:
            found = _pair(labels, detached)
            mapping.notes.append(f"rows without labels, by the labels of the grid before: {found}")
            if isinstance(found, list):
                hits[labels[0][0]] += found
            else:  # the labelled rows are named: their numbers are there, but cannot be placed
                why = f"数字与行标签分开印刷（{len(detached.unlabelled)} 行数字），{_UNPAIRED}"
                hits[labels[0][0]] += [
                    Hit(section, row, label, line, (), False, unread=why)
                    for section, row, label, line in labels
                ]
        labels = [] if detached.data else detached.labels
        mappings.append(mapping)
        previous_end = max(grid.lines, default=previous_end)
    for section, found in hits.items():  # a text may end inside its last row (not a file)
        hits[section] = sorted(
            (replace(h, at_end=True) if h.line == last and cut[h.line] else h for h in found),
            key=lambda hit: hit.line,
        )
    return hits, mappings


@dataclass
class _Detached:
    """What a grid holds for pairing detached blocks: its rows that are a label only (when it
    holds no values), its rows of values without a label, how many rows of values it holds."""

    labels: list[tuple[Section, str, str, int]] = field(default_factory=list)
    unlabelled: list[tuple[Section, tuple[Item, ...], int]] = field(default_factory=list)
    data: int = 0  # rows of values


def _pair(labels: list[tuple[Section, str, str, int]], detached: _Detached) -> list[Hit] | str:
    """A block of numbers printed apart from its labels (a grid of labels only, then a grid of
    values only): paired row by row in order — but only where the blocks are one section's, as
    many rows each, every row exactly as wide as its row, and every sum among them (R1–R4)
    holds; else nothing is paired, and why is returned."""
    section = labels[0][0]
    rows = detached.unlabelled
    if any(s is not section for s, *_ in labels) or any(s is not section for s, *_ in rows):
        return "not one section's"
    if len(rows) != len(labels) or len(rows) != detached.data:
        return f"{len(labels)} labels, {len(rows)} rows of values: not paired"
    for tables in TABLES.values():
        table = tables[section]
        if not all(table.has_row(key) for _, key, _, _ in labels):
            continue
        values: dict[str, dict[str, CellValue]] = {}
        for (_, key_, _, _), (_, items, _) in zip(labels, rows, strict=True):
            row = table.row(key_)
            read = _values(items, row)
            cells = tuple((row, c) for c in row.columns)
            if read is None or (
                section is not Section.PROACTIVE and not row_rules_confirm(section, cells, read)
            ):
                break
            values[key_] = {c.key: v for c, v in zip(row.columns, read, strict=True)}
        else:
            if _columns_hold(table, values):
                return [
                    Hit(section, key_, label, line, items, False)
                    for (_, key_, label, _), (_, items, line) in zip(labels, rows, strict=True)
                ]
    return "widths or sums do not hold: not paired"


def _values(items: tuple[Item, ...], row: Row) -> tuple[CellValue, ...] | None:
    """The values of certain cells, or None when one is not a number or a blank, or the row
    is of another width."""
    if len(items) != len(row.columns):
        return None
    out: list[CellValue] = []
    for item, column in zip(items, row.columns, strict=True):
        if item.kind is ItemKind.BLANK:
            out.append(None)
        elif item.kind is ItemKind.NUM and item.number is not None:
            out.append(to_value(item.number, column))
        else:
            return None
    return tuple(out)


def _columns_hold(table: Table, rows: dict[str, dict[str, CellValue]]) -> bool:
    """R1 and R3 hold wherever every row of the equation was read."""
    for left, right in column_equations(table):
        if all(k in rows for k in (*left, *right)):
            columns = [c.key for c in table.rows[0].columns]
            sides = [column_sums([rows[k] for k in side], columns) for side in (left, right)]
            if not balanced(*sides):
                return False
    return True


def _sections(line: int, spans: dict[Section, tuple[int, int]]) -> list[Section]:
    """The sections whose lines hold `line` (several where a heading is lost: its section then
    spans the gap between its neighbours' headings)."""
    return [s for s, (first, last) in spans.items() if line and first <= line <= last]


def _map(
    grid: Grid,
    spans: dict[Section, tuple[int, int]],
    lines: Sequence[Line],
    previous_end: int,
    hits: dict[Section, list[Hit]],
    mapping: GridMapping,
) -> _Detached:
    detached = _Detached()
    header: list[list[str]] = [[] for _ in range(grid.width)]  # per column, top to bottom
    skipped: set[int] = set()  # the columns whose header says they hold no values
    unordered: bool | None = None  # the header names the columns out of order (None: not asked)
    after_data = False
    line = 0
    first_line = next((n for n in grid.lines if n), 0)
    for r in range(grid.height):
        line = grid.lines[r] if r < len(grid.lines) and grid.lines[r] else line
        candidates = _sections(line, spans)
        cells = grid.row_cells(r)
        own = [c for c in cells if c.row == r]
        label_cells = _label_cells([c for c in cells if c.col not in skipped])
        label = " ".join(c.text for c in label_cells if c.text.strip())
        found = _find_label(tuple(candidates), label, label_cells[-1].text) if label else None
        if not _is_data(own, label_cells, found):
            if found and not found[2] and all(c in label_cells or not c.text.strip() for c in own):
                detached.labels.append((found[0], found[1].row, label, line))
            if after_data:
                header, skipped, after_data = [[] for _ in range(grid.width)], set(), False
            _add_header(header, skipped, own, continued=grid.kind in _NO_SPANS)
            unordered = None
            continue
        if not after_data and any(header):
            paths = (
                f"{c + 1}={'›'.join(t[:16] for t in p[-2:])}" for c, p in enumerate(header) if p
            )
            mapping.notes.append(f"header before row {r + 1}: {'; '.join(paths)}")
        after_data, detached.data = True, detached.data + 1
        section = found[0] if found else candidates[0] if len(candidates) == 1 else None
        if section is None:
            continue
        if grid.kind == "markdown" and not lines[line - 1].text.rstrip().endswith("|"):
            mapping.notes.append(f"row {r + 1}: the line is not closed by “|”, left to the text")
            continue
        rest = cells[cells.index(label_cells[-1]) + 1 :] if label_cells else cells
        if (
            skipped
            and found is not None
            and found[0] is section
            and _displaced(section, label_cells, [c for c in rest if c.row == r], header, skipped)
        ):
            mapping.notes.append(f"row {r + 1}: out of line with its header's columns")
            _, row, near = found
            hits[section].append(
                Hit(section, row.row, label, line, (), False, row.editions, near, _DISPLACED)
            )
            continue
        values = [c for c in rest if c.row == r and c.col not in skipped]
        covered = [c for c in rest if c.row != r]
        if covered:
            mapping.notes.append(f"row {r + 1}: {len(covered)} position(s) covered from above")
        items = tuple(_item(c.text, line) for c in values)
        if not label:
            detached.unlabelled.append((section, items, line))
        if section is Section.APPEALS:
            context = _context(lines, max(previous_end, spans[section][0] - 1), first_line)
            hits[section] += _appeal_hits(
                label, found, values, items, header, context, line, mapping, r
            )
        else:
            if found is not None and found[0] is section:
                ordered = _in_column_order(section, found[1].row, values, items, header)
                if ordered is not None and ordered != items:
                    mapping.notes.append(
                        f"row {r + 1}: cells put in the columns their header names"
                    )
                    items = ordered
                if ordered is None and section is Section.REQUESTS and unordered is None:
                    unordered = _header_out_of_order(header)
                if ordered is None and section is Section.REQUESTS and unordered:
                    mapping.notes.append(f"row {r + 1}: a header out of the national order")
                    _, row, near = found
                    hits[section].append(
                        Hit(
                            section,
                            row.row,
                            label,
                            line,
                            (),
                            False,
                            row.editions,
                            near,
                            OUT_OF_ORDER,
                        )
                    )
                    continue
            hits[section] += _row_hit(section, label, found, items, line, mapping, r)
    return detached


def _header_out_of_order(header: list[list[str]]) -> bool:
    """Whether the header, column by column, names the applicant columns out of national order."""
    return bool(requests_out_of_order([key(t) for path in header for t in path]))


def _displaced(
    section: Section,
    label_cells: list[GridCell],
    own: list[GridCell],
    header: list[list[str]],
    skipped: set[int],
) -> bool:
    """Whether a row whose header names a column of no values (备注, 序号) among its cells is out
    of line with that header: its label covers a column of values, or a cell holding something
    lies under no column's name. A merged cell above it reaching too far down, or a label wider
    than the header's corner, shifts the row: then which of its cells is the remark is not
    known, and dropping the one under 备注 would move every number after it."""
    if not any(c.col in skipped for c in own):
        return False
    for cell in label_cells:
        for col in range(cell.col, min(cell.col + cell.colspan, len(header))):
            if _column_of(section, header[col]) is not None:
                return True
    return any(
        c.col not in skipped and c.text.strip() and _column_of(section, header[c.col]) is None
        for c in own
    )


def _row_hit(
    section: Section,
    label: str,
    found: Found | None,
    items: tuple[Item, ...],
    line: int,
    mapping: GridMapping,
    r: int,
) -> list[Hit]:
    if not label:
        mapping.notes.append(f"row {r + 1}: no label, left to the text")
        return []
    if found is None or found[0] is not section:
        mapping.notes.append(f"row {r + 1}: «{label}» is no row of {section.value}")
        return []
    _, row, near = found
    shown = " ".join(i.text or "□" for i in items)
    mapping.notes.append(f"row {r + 1}: «{label}» → {section.value}.{row.row}: {shown}")
    return [Hit(section, row.row, label, line, items, False, row.editions, near)]


def _in_column_order(
    section: Section,
    row_key: str,
    values: list[GridCell],
    items: tuple[Item, ...],
    header: list[list[str]],
) -> tuple[Item, ...] | None:
    """The row's cells in its columns' order, where the header names the column of every cell
    that holds something (an empty cell under no column name is a spacer, left out) and names
    each of the row's columns once; None where it does not (the cells are read as printed)."""
    named = [_column_of(section, header[c.col]) for c in values]
    kept = [
        (name, item)
        for name, item in zip(named, items, strict=True)
        if name is not None or item.kind is not ItemKind.BLANK or item.text
    ]
    names = [name for name, _ in kept]
    if None in names or len(set(names)) != len(names):
        return None
    for tables in TABLES.values():
        table = tables[section]
        if table.has_row(row_key):
            order = [column.key for column in table.row(row_key).columns]
            if sorted(order) == sorted(n for n in names if n is not None):
                by_name = dict(kept)
                return tuple(by_name[k] for k in order)
    return None


@cache
def _column_names(section: Section) -> dict[str, str]:
    """Every printed name of a column of `section`'s table (key form) → the column's key."""
    names = {}
    for tables in TABLES.values():
        for row in tables[section].rows:
            for column in row.columns:
                for text in (column.label, *column.variants):
                    names[key(text)] = column.key
    return names


def _column_of(section: Section, path: list[str]) -> str | None:
    """The column a header path names: its lowest text that is a column's name."""
    names = _column_names(section)
    return next((names[key(t)] for t in reversed(path) if key(t) in names), None)


def _appeal_hits(
    label: str,
    found: Found | None,
    values: list[GridCell],
    items: tuple[Item, ...],
    header: list[list[str]],
    context: list[str],
    line: int,
    mapping: GridMapping,
    r: int,
) -> list[Hit]:
    """Section 四's rows in a grid row: by its label, by each value's header path, by the heading
    just before a small table of one block, or as the national row of 15 under its header."""
    section = Section.APPEALS
    if label and found is not None and found[0] is section:
        return _row_hit(section, label, found, items, line, mapping, r)
    # no label of a block (none, or a word such as 「件数」): the header or a caption names it
    blocks = [_block(" ".join(header[c.col])) for c in values]
    if values and all(blocks):
        by_header: list[Hit] = []
        for block, _ in _BLOCKS:
            mine = tuple(i for i, b in zip(items, blocks, strict=True) if b == block)
            if mine:
                by_header.append(Hit(section, block, block, line, mine, False))
        names = ", ".join(h.row for h in by_header)
        mapping.notes.append(f"row {r + 1}: blocks by header: {names}")
        return by_header
    caption = context[-1] if context else ""
    named = _caption(caption)
    if named and len(items) == _APPEAL_WIDTH:
        mapping.notes.append(f"row {r + 1}: block {named}, by the heading before the table")
        return [Hit(section, named, caption, line, items, False)]
    if len(items) == 3 * _APPEAL_WIDTH and _names_blocks(" ".join(context), header):
        if _blocks_reversed(header, context):
            mapping.notes.append(f"row {r + 1}: a row of 15 under blocks in another order")
            return [
                Hit(section, block, block, line, (), False, unread=REVERSED_BLOCKS)
                for block, _ in _BLOCKS
            ]
        mapping.notes.append(f"row {r + 1}: the national row of 15 under its header")
        return [
            Hit(
                section,
                block,
                block,
                line,
                items[i * _APPEAL_WIDTH : (i + 1) * _APPEAL_WIDTH],
                False,
            )
            for i, block in enumerate(b for b, _ in reversed(_BLOCKS))
        ]
    mapping.notes.append(f"row {r + 1}: no block named, left to the text")
    return []


def _block(text: str) -> str | None:
    """The one block of section 四 that `text` names, or None (none, or several). In
    「行政诉讼（复议后起诉）」 only 复议后起诉 is named."""
    words = key(text)
    found = {name for name, names in _BLOCKS[:2] if any(w in words for w in names)}
    rest = words.replace("复议后起诉", "").replace("未经复议直接起诉", "")
    if "行政复议" in rest:
        found.add("reconsideration")
    return next(iter(found)) if len(found) == 1 else None


def _caption(text: str) -> str | None:
    """The block a heading printed just before a small table names: the heading must be the
    block's name and nothing else (「### 行政诉讼（复议后起诉）」, 「（一）行政复议」), never a
    sentence that mentions it."""
    words = NUMBERING.sub("", key(text).strip("#*:"))
    for noise in ("行政诉讼", "(", ")", "情况", "-"):
        words = words.replace(noise, "")
    return _block(words) if words in _CAPTIONS else None


def _blocks_reversed(header: list[list[str]], context: list[str]) -> bool:
    """Whether the header over a row of 15 (by the first column naming each block), or else the
    text just before it, prints 复议后起诉 before 未经复议直接起诉."""
    first: dict[str, int] = {}
    for col, path in enumerate(header):
        words = key("".join(path))
        for name in ("复议后起诉", "直接起诉"):
            if name in words:
                first.setdefault(name, col)
    if len(first) == 2:
        return first["复议后起诉"] < first["直接起诉"]
    return blocks_reversed(key("".join(context)))


def _names_blocks(context: str, header: list[list[str]]) -> bool:
    """Whether the header over a row of 15, or the text just before it, names section 四's
    blocks (as the national header does, even when a converter scrambled it)."""
    words = key(context + "".join(t for path in header for t in path))
    return "行政复议" in words and "行政诉讼" in words


def _context(lines: Sequence[Line], after: int, before: int) -> list[str]:
    """The lines of text between the previous table (or the section's start) and this grid."""
    return [
        line.text
        for line in lines[max(after, 0) : max(before - 1, 0)]
        if line.kind in (LineKind.PLAIN, LineKind.TABCELL)
    ]


def _label_cells(cells: list[GridCell]) -> list[GridCell]:
    """The row's leading cells that hold label text (no number, no blank mark); empty cells
    before the label (a merged group label printed once, above) are passed over."""
    out: list[GridCell] = []
    for cell in cells:
        text = cell.text.strip()
        if not text and not out:
            continue
        if not text or len(text) <= 2 or not _wide(text[0]):  # else plainly label text
            text = _fold(text)
            if text in BLANK_MARKS or (_VALUE_START.match(text) and not _NUMBERING.match(text)):
                break
        out.append(cell)
    return out


def _wide(char: str) -> bool:
    """A Chinese character (no digit, sign or blank mark starts so)."""
    return "\u4e00" <= char <= "\u9fff"


def _is_data(own: list[GridCell], label_cells: list[GridCell], found: Found | None) -> bool:
    """A row of values: it holds a number, or its label is a row's (exactly, no typo) and only
    blank cells (at least one) follow it."""
    if any(_is_number(c.text) for c in own):
        return True
    rest = [c for c in own if c not in label_cells]
    if found is None or found[2] or not rest:
        return False
    return all(_fold(c.text) in BLANK_MARKS for c in rest)


def _find_label(sections: tuple[Section, ...], label: str, last: str) -> Found | None:
    """`_label_of` the label and its last cell, remembered for labels of a usual length."""
    chunk, tail = key(label), key(last)
    if len(chunk) > _REMEMBERED:
        return _label_of.__wrapped__(sections, chunk, tail)
    return _label_of(sections, chunk, tail)


@lru_cache(maxsize=4096)
def _label_of(sections: tuple[Section, ...], chunk: str, last: str) -> Found | None:
    """The row whose label `chunk` (key form; `last`: its last cell) ends with, in the first of
    `sections` that has one; a label with a typo only where none matches exactly."""
    for section in sections:
        label = label_index(section).match(chunk, last)
        if label is not None:
            return section, label, False
    for section in sections:
        label = label_index(section).near(chunk, last)
        if label is not None:
            return section, label, True
    return None


def _add_header(
    header: list[list[str]], skipped: set[int], own: list[GridCell], *, continued: bool
) -> None:
    """Add a header row's texts to the columns they cover, and to `skipped` the columns a header
    says hold no values (序号, 备注); where the file has no merged cells (`continued`:
    Markdown), an empty cell after a text continues it, as converters print a merged cell."""
    previous = ""
    for cell in own:
        text = cell.text.strip() or (previous if continued else "")
        if text:
            columns = range(cell.col, cell.col + cell.colspan)
            for col in columns:
                header[col].append(text)
            if any(w in text for w in _NOT_VALUES):
                skipped.update(columns)
        previous = text


def _is_number(text: str) -> bool:
    bare = text.lstrip()
    if not bare or _wide(bare[0]):
        return False
    folded = _fold(bare)
    return bool(folded) and bool(_VALUE_START.match(folded)) and not _NUMBERING.match(folded)


def _fold(text: str) -> str:
    """`values.fold`, quick for the common cell of ASCII digits."""
    return "".join(text.split()) if text.isascii() else fold(text)


def _item(text: str, line: int) -> Item:
    """One value cell as an item: a number, a blank, or text that is no number."""
    if "(" in text or "（" in text:
        annotated = _ANNOTATED.match(fold(text))
        if annotated:
            text = annotated.group(1)
    found = cell_items(text, line, soft=False, row=True)
    if len(found) == 1 and found[0].kind in (ItemKind.NUM, ItemKind.BLANK):
        return found[0]
    if len(found) == 1 and found[0].kind is ItemKind.RUN and text.strip().isdigit():
        return found[0]  # "007": digits whose value is not certain
    return Item(ItemKind.NUM, text.strip(), line, True)
