"""R1–R4: the arithmetic inside one report.

Blank cells are evaluated both ways. Read as missing, any rule that touches a blank cannot be
decided; read as 0, it can. A rule that holds with blanks as 0 gives no finding (many reports leave
legal-person columns blank to mean 0). A rule that fails with blanks as 0 gives an error marked
`Blanks.AS_ZERO`, and when exactly one cell is blank the finding says what it should hold.
Cells that are absent from the document, or listed as ambiguous, make a rule undecidable: it is
skipped here and R13 reports the hole.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from functools import cache

from gongkai.check.finding import Blanks, CellRef, Finding, Level, Number
from gongkai.report.document import Report, Rows, Value
from gongkai.report.editions import APPLICANT_KEYS, REQUESTS_NOT_OUTCOMES
from gongkai.report.grid import Column, Row, Section, Table

Cell = tuple[str, str]  # (row key, column key)


def check_arithmetic(report: Report) -> Iterator[Finding]:
    requests = report.table(Section.REQUESTS)
    if requests is not None and report.requests:
        yield from _r1(report, requests)
        yield from _r2(report, requests)
        yield from _r3(report, requests)
    appeals = report.table(Section.APPEALS)
    if appeals is not None and report.appeals:
        yield from _r4(report, appeals)


def _r1(report: Report, grid: Table) -> Iterator[Finding]:
    rows = report.rows(grid.section)
    for col, lhs, rhs in _r1_equations(grid):
        if _fails(rows, lhs, rhs):
            where = f"{grid.section.label} {col.label} 列"
            yield from _equation(report, grid, "R1", lhs, rhs, where)


def _r2(report: Report, grid: Table) -> Iterator[Finding]:
    rows = report.rows(grid.section)
    for row, parts, total in _row_equations(grid, APPLICANT_KEYS):
        if _fails(rows, parts, total):
            where = f"{grid.section.label}“{row.label}”行"
            yield from _equation(
                report, grid, "R2", parts, total, where, by_row=False, sum_name="六类申请人之和"
            )


def _r3(report: Report, grid: Table) -> Iterator[Finding]:
    rows = report.rows(grid.section)
    for col, parts, total in _r3_equations(grid):
        if _fails(rows, parts, total):
            where = f"{grid.section.label} {col.label} 列"
            yield from _equation(
                report, grid, "R3", parts, total, where, sum_name="各项办理结果之和"
            )


def _r4(report: Report, grid: Table) -> Iterator[Finding]:
    rows = report.rows(grid.section)
    for row, parts, total in _row_equations(grid, _APPEAL_PARTS):
        if _fails(rows, parts, total):
            where = f"{grid.section.label} {row.short}"
            yield from _equation(report, grid, "R4", parts, total, where, by_row=False)


# Each grid's equations, built once: (what the finding names, the parts, the total side).
_APPEAL_PARTS = ("upheld", "corrected", "other", "pending")
Equation = tuple[Cell, ...]


@cache
def _r1_equations(grid: Table) -> tuple[tuple[Column, Equation, Equation], ...]:
    return tuple(
        (
            col,
            (("new_received", col.key), ("carried_over_from_last_year", col.key)),
            (("total_processed", col.key), ("carried_over_to_next_year", col.key)),
        )
        for col in grid.rows[0].columns
    )


@cache
def _row_equations(
    grid: Table, keys: tuple[str, ...]
) -> tuple[tuple[Row, Equation, Equation], ...]:
    return tuple(
        (row, tuple((row.key, k) for k in keys), ((row.key, "total"),)) for row in grid.rows
    )


@cache
def _r3_equations(grid: Table) -> tuple[tuple[Column, Equation, Equation], ...]:
    outcomes = tuple(row.key for row in grid.rows if row.key not in REQUESTS_NOT_OUTCOMES)
    return tuple(
        (col, tuple((r, col.key) for r in outcomes), (("total_processed", col.key),))
        for col in grid.rows[0].columns
    )


def _equation(
    report: Report,
    grid: Table,
    rule: str,
    parts: Sequence[Cell],
    totals: Sequence[Cell],
    where: str,
    *,
    by_row: bool = True,
    sum_name: str = "",
) -> Iterator[Finding]:
    """Check sum(parts) == sum(totals); nothing when it holds or cannot be decided.

    `expected` is the sum of the parts, `actual` what the total side states. `by_row` names each
    term by its row (the equation runs down a column) or else by its column.
    """
    rows = report.rows(grid.section)
    expected = _sum(rows, parts)
    actual = _sum(rows, totals)
    if expected is None or actual is None or expected == actual:
        return  # holds, or a cell is absent (R13's business)
    left = [rows[r][c] for r, c in parts]
    right = [rows[r][c] for r, c in totals]
    if any(report.is_doubtful(grid.section, r, c) for r, c in (*parts, *totals)):
        return
    cells = (*parts, *totals)
    blank_cells = [cell for cell, v in zip(cells, (*left, *right), strict=True) if v is None]

    def name(cell: Cell) -> str:
        row = grid.row(cell[0])
        return row.short if by_row else row.column(cell[1]).label

    lhs_text = _sum_text(list(map(name, parts)), left, sum_name)
    rhs_text = _sum_text(list(map(name, totals)), right, "")
    message = f"{where}：{lhs_text} ≠ {rhs_text}"
    if blank_cells:
        message += "（空白按 0 计算时不相等；若空白表示未填写，则无法核对）"
        # When only one cell is blank, or the blank is the single total, say what it should hold.
        target = blank_cells[0] if len(blank_cells) == 1 else None
        if len(totals) == 1 and totals[0] in blank_cells:
            target = totals[0]
        if target is not None:
            should = actual - expected if target in parts else expected - actual
            if should >= 0:
                message += f"；若其余数字无误，{grid.cell_label(*target)} 应为 {should}"
    section = grid.section.value
    refs = tuple(
        CellRef(f"{section}.{r}.{c}", grid.cell_label(r, c))
        for r, c in cells
        if rows[r][c] != 0 or (r, c) in totals
    )
    blanks = Blanks.AS_ZERO if blank_cells else Blanks.NONE
    yield Finding(rule, Level.ERROR, message, refs, expected, actual, blanks)


def _fails(rows: Rows, parts: Sequence[Cell], totals: Sequence[Cell]) -> bool:
    """Whether sum(parts) ≠ sum(totals) with blanks as 0, all cells present. The hot path."""
    left = _sum(rows, parts)
    if left is None:
        return False
    right = _sum(rows, totals)
    return right is not None and left != right


def _sum(rows: Rows, cells: Sequence[Cell]) -> Number | None:
    """The sum with blanks as 0; None when a cell is absent. The hot path of the checker."""
    total: Number = 0
    for row, col in cells:
        cols = rows.get(row)
        if cols is None:
            return None
        value = cols.get(col, _ABSENT)
        if value is _ABSENT:
            return None
        if value is not None:
            total += value  # type: ignore[operator]
    return total


_ABSENT = object()


def _sum_text(names: Sequence[str], values: Sequence[Value], sum_name: str) -> str:
    """「本年新收 2 + 上年结转 0」 for short sums; long sums name only their non-zero terms."""
    if len(values) <= 4:
        return " + ".join(f"{n}{_show(v)}" for n, v in zip(names, values, strict=True))
    total = sum(v for v in values if v is not None)
    shown = [f"{n}{_show(v)}" for n, v in zip(names, values, strict=True) if v]
    blank = sum(v is None for v in values)
    detail = "、".join(shown[:6]) + ("等" if len(shown) > 6 else "")
    if blank:
        detail += f"{'；' if detail else ''}{'均' if blank == len(values) else '另有 ' + str(blank) + ' 项'}空白"
    return f"{sum_name or '各项之和'} {total}" + (f"（{detail}）" if detail else "")


def _show(value: Value) -> str:
    return "（空白）" if value is None else f" {value}"
