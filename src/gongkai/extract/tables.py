"""The three tables: located in their sections, their editions decided, their rows read.

Section 二's and 三's rows are found by label (`locate.find_rows`), section 四's row by its header
(`locate.find_appeals`). Each table is read in its own edition; rows of the other edition, rows found
twice with different numbers, and rows not found at all are reported, never filled in.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from gongkai.extract import edition as editions
from gongkai.extract.cells import Reading, read
from gongkai.extract.constraints import balanced, column_equations, column_sums, plus
from gongkai.extract.digits import Budget
from gongkai.extract.labels import label_index
from gongkai.extract.locate import Hit, find_appeals, find_rows, item_span
from gongkai.extract.order import (
    NAMES,
    OUT_OF_ORDER,
    proactive_out_of_order,
    requests_out_of_order,
)
from gongkai.extract.sections import Sections
from gongkai.extract.stream import Item, ItemKind
from gongkai.extract.values import CellValue
from gongkai.report.editions import APPLICANT_KEYS, TABLES
from gongkai.report.grid import Edition, Row, Section, Table


@dataclass
class LocatedTable:
    section: Section
    edition: Edition
    evidence: str  # how the edition was decided, for --debug
    lines: tuple[int, int]  # the lines searched
    hits: list[Hit]
    readings: list[Reading] = field(default_factory=list)
    missing: list[Row] = field(default_factory=list)  # rows not found
    duplicates: list[Row] = field(default_factory=list)  # rows found twice, numbers differing
    foreign: list[Hit] = field(default_factory=list)  # rows only the other edition has

    @property
    def grid(self) -> Table:
        return TABLES[self.edition][self.section]


def locate_tables(
    items: list[Item],
    sections: Sections,
    year: int | None,
    ending: Ending | None = None,
    from_grids: Mapping[Section, list[Hit]] | None = None,
) -> dict[Section, LocatedTable]:
    """Every table found, each read in its own edition; `ending`: where the text may end inside
    a table row; `from_grids`: the rows read from the document's grids (`mapper`), which stand
    in for the rows the text gives with the same label."""
    spans = {s: sections.span(s.number) for s in Section}
    numbers = [item.line for item in items]
    ranges = {s: item_span(numbers, *spans[s]) for s in Section}
    hits: dict[Section, list[Hit]] = {}
    for s in Section:
        structured = (from_grids or {}).get(s, [])
        rows = {hit.row for hit in structured}
        if _whole(s, rows):  # the grids hold the whole table: the text can add nothing
            hits[s] = structured
            continue
        if s is Section.APPEALS:
            hits[s] = _appeals(items, *ranges[s])
        else:
            hits[s] = find_rows(items, *ranges[s], label_index(s))
            if hits[s]:
                hits[s] = _against_headers(items, numbers, ranges[s][0], hits[s], _ORDER[s])
        if structured:
            rest = [hit for hit in hits[s] if hit.row and hit.row not in rows]
            hits[s] = sorted([*structured, *rest], key=lambda hit: hit.line)

    found: dict[Section, Edition | None] = {}
    votes: dict[Section, Counter[Edition]] = {}
    for s in (Section.PROACTIVE, Section.REQUESTS):
        text = "".join(it.key for it in items[slice(*ranges[s])] if it.kind is ItemKind.TEXT)
        votes[s] = editions.evidence(s, hits[s], text)
        found[s] = editions.decide(votes[s])
    chosen = {
        Section.PROACTIVE: found[Section.PROACTIVE]
        or editions.fallback(found[Section.REQUESTS], year),
        Section.REQUESTS: found[Section.REQUESTS]
        or editions.fallback(found[Section.PROACTIVE], year),
    }
    chosen[Section.APPEALS] = chosen[Section.REQUESTS]

    tables: dict[Section, LocatedTable] = {}
    budget = Budget()
    for s in Section:
        if not hits[s]:
            continue
        how = _evidence(votes.get(s), found.get(s), s)
        tables[s] = LocatedTable(s, chosen[s], how, spans[s], hits[s])
        _read(tables[s], vanishing=False, budget=budget, ending=ending)
    if any(r.forced for t in tables.values() for r in t.readings):
        # Some row lost its empty cells without a trace: any dense run may have lost some too.
        for table in tables.values():
            _read(table, vanishing=True, budget=budget, ending=ending)
    return tables


_ORDER = {Section.PROACTIVE: proactive_out_of_order, Section.REQUESTS: requests_out_of_order}


def _against_headers(
    items: list[Item],
    lines: list[int],
    start: int,
    hits: list[Hit],
    check: Callable[[list[str]], bool | None],
) -> list[Hit]:
    """The rows found in the text, each left unread where the last header printed before it
    names the columns out of the national order (the text places no cell by its header);
    `lines`: each item's line number."""
    window = items[start : bisect.bisect_left(lines, max(hit.line for hit in hits), lo=start)]
    prose, numbers = ItemKind.TEXT, (ItemKind.NUM, ItemKind.RUN)
    named = [  # the texts naming a column (a header holds no sentence), with their lines
        (it.line, it.key)
        for it in window
        if it.kind is prose and NAMES.search(it.key) and "。" not in it.key
    ]
    numbered = {  # lines holding a number: rows, not headers
        line
        for line in {line for line, _ in named}
        if any(
            it.kind in numbers
            for it in items[bisect.bisect_left(lines, line) : bisect.bisect_right(lines, line)]
        )
    }
    out, wrong, taken = [], False, 0
    for hit in sorted(hits, key=lambda h: h.line):
        words = []
        while taken < len(named) and named[taken][0] < hit.line:
            line, text = named[taken]
            taken += 1
            if line not in numbered:
                words.append(text)
        verdict = check(words) if words else None
        wrong = wrong if verdict is None else verdict
        out.append(replace(hit, pieces=(), unread=OUT_OF_ORDER) if wrong else hit)
    return out


def _whole(section: Section, rows: set[str]) -> bool:
    """Whether `rows` are every row of `section`'s table in one edition or the other."""
    return any(rows >= {row.key for row in tables[section].rows} for tables in TABLES.values())


def _appeals(items: list[Item], start: int, stop: int) -> list[Hit]:
    """Section 四's rows: one per block when the blocks are printed as labelled rows ("行政复议
    0 0 0 0 0"), else the one data row under the national format's two-level header."""
    rows = [
        hit
        for hit in find_rows(items, start, stop, label_index(Section.APPEALS))
        if any(piece.is_number for piece in hit.pieces)
    ]
    if rows:
        return rows
    row = find_appeals(items, start, stop)
    return [row] if row else []


def _evidence(votes: Counter[Edition] | None, decided: Edition | None, section: Section) -> str:
    """How the edition was decided, for --debug."""
    if section is Section.APPEALS or votes is None:
        return "same as section 三"
    counted = ", ".join(f"{e.value}: {votes[e]}" for e in (Edition.E2019, Edition.E2021))
    return f"evidence {counted}" + ("" if decided else "; none decisive, fallback")


@dataclass(frozen=True)
class Ending:
    """Where the document's text may end inside a table row: its last line with content (unless a
    markdown row closed by "|"), and whether the text stops on that line, with no line break."""

    line: int
    open: bool


def _ends_here(hit: Hit, ending: Ending | None) -> bool:
    return ending is not None and hit.at_end and hit.pieces[-1].line == ending.line


def _read(
    table: LocatedTable, *, vanishing: bool, budget: Budget, ending: Ending | None = None
) -> None:
    grid = table.grid
    table.foreign, table.duplicates = [], []
    if table.section is Section.APPEALS and not table.hits[0].row:
        hit = table.hits[0]
        here, cut = _ends_here(hit, ending), bool(ending and ending.open)
        table.readings = [
            read(hit, grid.rows, vanishing=vanishing, budget=budget, ends_here=here, cut=cut)
        ]
        return
    first: dict[str, Hit] = {}
    for hit in table.hits:
        if not grid.has_row(hit.row):
            table.foreign.append(hit)
        elif hit.row not in first:
            first[hit.row] = hit
        elif _texts(hit) != _texts(first[hit.row]) and grid.row(hit.row) not in table.duplicates:
            table.duplicates.append(grid.row(hit.row))
    table.missing = [row for row in grid.rows if row.key not in first]
    cut = bool(ending and (ending.open or table.missing))
    table.readings = [
        read(
            first[row.key],
            (row,),
            vanishing=vanishing,
            budget=budget,
            ends_here=_ends_here(first[row.key], ending),
            cut=cut,
        )
        for row in grid.rows
        if row.key in first and row not in table.duplicates
    ]
    if table.section is Section.REQUESTS:
        narrow_by_columns(table.readings, grid)


def _texts(hit: Hit) -> tuple[str, ...]:
    return tuple(p.text.strip() for p in hit.pieces)


def narrow_by_columns(readings: list[Reading], grid: Table) -> None:
    """R1 and R3: where every other row of an equation is read for certain, keep only the
    readings of the one doubtful row that make the columns add up."""
    by_row = {r.rows[0].key: r for r in readings if not r.cut_short and r.candidates}
    changed = True
    while changed:
        changed = False
        for left, right in column_equations(grid):
            keys = (*left, *right)
            if any(k not in by_row for k in keys):
                continue
            doubtful = [k for k in keys if len(by_row[k].candidates) > 1]
            if len(doubtful) != 1:
                continue
            target = by_row[doubtful[0]]
            sums = [
                column_sums(
                    [_cells(by_row[k], by_row[k].candidates[0]) for k in side if k != doubtful[0]],
                    _ALL,
                )
                for side in (left, right)
            ]
            on_left = doubtful[0] in left
            keep = []
            for values in target.candidates:
                cells = _cells(target, values)
                if (on_left and balanced(plus(sums[0], cells), sums[1])) or (
                    not on_left and balanced(sums[0], plus(sums[1], cells))
                ):
                    keep.append(values)
            if keep and len(keep) < len(target.candidates):
                target.notes.append(f"{len(keep)} reading(s) make the columns add up (R1/R3)")
                target.candidates = keep
                if len(keep) == 1:
                    target.why = ""
                changed = True


_ALL = (*APPLICANT_KEYS, "total")


def _cells(reading: Reading, values: tuple[CellValue, ...]) -> dict[str, CellValue]:
    return {col.key: v for (_, col), v in zip(reading.columns, values, strict=True)}
