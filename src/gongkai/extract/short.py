"""A row short of cells once the empty continuation of its label is set aside.

A label printed across merged cells leaves empty cells after it in a tab-separated or markdown row
("一、本年新收…\t\t\t204\t16\t…"). Those empties are no values: when the row, without them, has
fewer cells than columns, a cell border was lost (two numbers printed as one: "20416") or cells
were never printed, and reading the empties as blank values would shift every number by a column.
Of the two ways to read such a row — the empties as blank values, or its numbers split to fill
every cell (`digits.split`) — the row is read only if exactly one makes its totals add up (over
actual numbers: a blank total vouches for nothing); otherwise it is ambiguous. When its numbers
hold too few digits to fill the cells, no border was lost: its empties are read as blanks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from gongkai.extract.constraints import row_rules_confirm, sum_rules
from gongkai.extract.digits import Blanks, Budget, TooMany, split
from gongkai.extract.pieces import Fixed, Piece, Run, parse_run
from gongkai.extract.values import CellValue, Number
from gongkai.report.grid import Column, Row, Section

Cells = Sequence[tuple[Row, Column]]


@dataclass
class Recovered:
    candidates: list[tuple[CellValue, ...]]
    why: str = ""  # why the row has no reading, in Chinese
    possible: bool = True  # the numbers hold digits enough to be split into every cell
    notes: list[str] = field(default_factory=list)  # for --debug


def continuation(cells: Sequence[Piece]) -> int:
    """How many cells at the start of the row are empty (not a blank mark such as "—")."""
    count = 0
    for cell in cells:
        if not isinstance(cell, Fixed) or cell.value is not None or cell.text.strip():
            break
        count += 1
    return count


def recover(
    section: Section, columns: Cells, cells: Sequence[Fixed], budget: Budget | None
) -> Recovered:
    """The one reading of `columns` that splitting the numbers of `cells` gives with its sums
    holding, or why there is none."""
    n, m = len(columns), len(cells)
    why = (
        f"合并的标签单元格之后只有 {m} 个单元格，应有 {n} 个，可能有数字连写或单元格缺失，"
        "无法确定各数属于哪一栏"
    )
    pieces: list[Piece] = [_splittable(cell) for cell in cells]
    digits = sum(p.digits if isinstance(p, Run) else 1 for p in pieces)
    if digits < n:  # no two numbers can have run together into these: cells are blank or lost
        return Recovered([], why, possible=False)
    sums = sum_rules(section, columns)
    if not sums:
        return Recovered([], why)
    try:
        found = split(pieces, [col for _, col in columns], Blanks.NONE, sums, budget)
    except TooMany:
        return Recovered([], why)
    fitting = list(dict.fromkeys(v for v in found if row_rules_confirm(section, columns, v)))
    notes = [f"short row: {len(found)} split(s), {len(fitting)} with sums over numbers"]
    if len(fitting) != 1:
        return Recovered([], why, notes=notes)
    return Recovered(fitting, "", notes=notes)


def _splittable(cell: Fixed) -> Piece:
    """A plain whole number may be two cells run together; anything else stays one cell."""
    text = cell.text.strip()
    if isinstance(cell.value, Number) and text.isascii() and text.isdigit():
        run = parse_run(text)
        if run is not None:
            return run
    return cell
