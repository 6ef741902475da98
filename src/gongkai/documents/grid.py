"""Where a table's merged header cells sit on the grid, checked once for every writer.

Header cells are placed left to right, skipping positions already covered by a cell from a row
above (HTML's rule for `rowspan`). Every header row and every body row must then cover exactly
the same number of columns.
"""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.documents.errors import DocumentError
from gongkai.documents.model import HeaderCell, Table


@dataclass(frozen=True)
class Placed:
    """A header cell at its top-left grid position."""

    cell: HeaderCell
    row: int
    col: int

    @property
    def last_row(self) -> int:
        return self.row + self.cell.rows - 1

    @property
    def last_col(self) -> int:
        return self.col + self.cell.cols - 1


@dataclass(frozen=True)
class Grid:
    columns: int
    header_rows: int
    placed: tuple[Placed, ...]


def layout(table: Table) -> Grid:
    """The header cells' positions and the number of columns, or a `DocumentError`."""
    taken: set[tuple[int, int]] = set()
    placed: list[Placed] = []
    widths: list[int] = []
    for r, row in enumerate(table.header):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            placed.append(Placed(cell, r, c))
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    taken.add((r + dr, c + dc))
            c += cell.cols
        widths.append(max((col for (row_, col) in taken if row_ == r), default=-1) + 1)
    depth = len(table.header)
    if any(row >= depth for row, _ in taken):
        raise DocumentError("表头单元格的跨行数超出了表头的行数", caption=table.caption)
    columns = widths[0] if widths else max((len(r) for r in table.rows), default=0)
    for r in range(depth):
        covered = sum(1 for row, _ in taken if row == r)
        if covered != columns or widths[r] != columns:
            raise DocumentError(
                f"表头第 {r + 1} 行占 {covered} 列，与第 1 行的 {columns} 列不一致",
                caption=table.caption,
            )
    for i, body in enumerate(table.rows, start=1):
        if len(body) != columns:
            raise DocumentError(
                f"表格第 {i} 行有 {len(body)} 个单元格，应为 {columns} 个", caption=table.caption
            )
    if table.widths and len(table.widths) != columns:
        raise DocumentError(
            f"列宽给了 {len(table.widths)} 个，表格有 {columns} 列", caption=table.caption
        )
    return Grid(columns, depth, tuple(placed))


def relative_widths(table: Table, columns: int) -> tuple[float, ...]:
    """Column widths as fractions that add up to 1."""
    raw = table.widths or (1.0,) * columns
    total = sum(raw)
    return tuple(w / total for w in raw)
