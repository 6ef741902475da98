"""The table model every structured reader hands over: a grid of cells with their spans.

A `Grid` is a table as its file lays it out (HTML markup, a Word table's grid columns, an Excel
sheet's merged ranges, a PDF's ruled cell boxes, a Markdown pipe table): each `GridCell` starts at
a row and column of the grid and covers `rowspan` × `colspan` positions. Readers still write each
table row as one tab-separated line (prose, sections and the text fallback read those lines); the
pipeline places every grid on its lines (`place`), so each grid row knows its line and hence its
section, and `mapper` reads the national tables from the grids by their header and row labels.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import NamedTuple

from gongkai.extract.lines import Line, LineKind
from gongkai.extract.normalize import key

#: Bounds on what one cell may cover and on a grid's positions, so a hostile file cannot blow up
#: memory: a report's table has some hundreds of positions; a grid past the bound is not read as
#: one (its table is read from the text alone).
MAX_SPAN = 1000
MAX_POSITIONS = 200_000


class GridCell(NamedTuple):
    """One cell: its text, the row and column it starts at, the positions it covers."""

    text: str
    row: int
    col: int
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Grid:
    """One table: its cells, the reader it came from, and (once placed) each row's text line."""

    cells: list[GridCell]
    kind: str  # "html", "markdown", "docx", "xlsx", "pdf"
    lines: list[int] = field(default_factory=list)  # per grid row; 0: not printed
    _rows: list[list[GridCell]] | None = field(default=None, repr=False, compare=False)

    @cached_property
    def height(self) -> int:
        return max((c.row + c.rowspan for c in self.cells), default=0)

    @cached_property
    def width(self) -> int:
        return max((c.col + c.colspan for c in self.cells), default=0)

    def at(self, row: int, col: int) -> GridCell | None:
        """The cell covering position (row, col), or None."""
        return next((c for c in self.row_cells(row) if c.col <= col < c.col + c.colspan), None)

    def row_cells(self, row: int) -> list[GridCell]:
        """The distinct cells covering row `row`, left to right (a cell spanning rows from above
        included); where two cells claim a position, the first placed keeps it."""
        if self._rows is None:
            self._rows = [[] for _ in range(self.height)]
            for cell in self.cells:
                for r in range(cell.row, cell.row + cell.rowspan):
                    self._rows[r].append(cell)
            for cells in self._rows:
                cells.sort(key=lambda c: c.col)  # stable: the first placed first
        out: list[GridCell] = []
        end = 0
        for cell in self._rows[row]:
            if cell.col >= end:
                out.append(cell)
                end = cell.col + cell.colspan
        return out

    def signature(self, row: int) -> tuple[str, ...]:
        """What every reader prints of the row, in matching form: its own cells' texts that are
        not empty, left to right."""
        return tuple(key(c.text) for c in self.row_cells(row) if c.row == row and c.text.strip())

    def render(self) -> list[str]:
        """The grid for `--debug`: one line per row, each cell with its span."""
        out = []
        for r in range(self.height):
            parts = []
            for cell in self.row_cells(r):
                if cell.row != r:
                    parts.append("↑")
                    continue
                span = (
                    "" if cell.rowspan == cell.colspan == 1 else f"⟨{cell.rowspan}×{cell.colspan}⟩"
                )
                parts.append(f"{cell.text or '□'}{span}")
            line = self.lines[r] if r < len(self.lines) else 0
            out.append(f"{line:5} │ " + " │ ".join(parts))
        return out


def from_rows(rows: Sequence[Sequence[str]], kind: str) -> Grid:
    """A grid without merged cells: each row its cells' texts."""
    return Grid(
        [GridCell(text, r, c) for r, row in enumerate(rows) for c, text in enumerate(row)], kind
    )


def markdown_grids(lines: Sequence[Line]) -> list[Grid]:
    """The pipe tables of the text: each run of markdown rows (separator rows left out) one grid,
    its rows placed on their lines (none past `MAX_POSITIONS`)."""
    grids: list[Grid] = []
    rows: list[Line] = []
    for line in (*lines, None):
        if line is not None and line.kind in (LineKind.MARKDOWN, LineKind.SEPARATOR):
            if line.kind is LineKind.MARKDOWN:
                rows.append(line)
            continue
        if rows:
            grid = from_rows([r.cells for r in rows], "markdown")
            grid.lines = [r.number for r in rows]
            if grid.height * grid.width <= MAX_POSITIONS:
                grids.append(grid)
            rows = []
    return grids


def place(grids: Sequence[Grid], lines: Sequence[Line]) -> list[Grid]:
    """The grids found on the text's table lines, in order, each row given its line: every
    printed row of a grid must be found on consecutive table lines with the same cells. A grid not
    found so is left out (its table is then read from the text alone)."""
    if not grids:
        return []
    rows = [line for line in lines if line.kind.is_content]  # a row of one cell prints plain
    signatures = [tuple(key(c) for c in line.cells if c.strip()) for line in rows]
    placed: list[Grid] = []
    start = 0
    for grid in grids:
        if grid.height * grid.width > MAX_POSITIONS:
            continue
        printed = [r for r in range(grid.height) if grid.signature(r)]
        if not printed:
            continue
        wanted = [grid.signature(r) for r in printed]
        for i in range(start, len(rows) - len(wanted) + 1):
            if signatures[i : i + len(wanted)] == wanted:
                grid.lines = [0] * grid.height
                for offset, r in enumerate(printed):
                    grid.lines[r] = rows[i + offset].number
                placed.append(grid)
                start = i + len(wanted)
                break
    return placed
