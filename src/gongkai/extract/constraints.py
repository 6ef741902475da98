"""The arithmetic a table must satisfy, used to choose between readings of run-together digits.

Row rules: R2 (a requests row's 总计 is the sum of its six applicant columns) and R4 (an appeals
block's 总计 is 维持 + 纠正 + 其他 + 尚未审结). Column rules (requests only): R1 (新收 + 上年结转 =
办理结果总计 + 结转下年度) and R3 (办理结果总计 = the sum of every outcome row). Blank cells count as
0 here; a blank or unreadable total decides nothing. These rules only ever *choose among* readings
the digits allow; a row read without doubt is never changed to fit them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from functools import cache

from gongkai.extract.values import CellValue, Unreadable
from gongkai.report.editions import APPLICANT_KEYS, REQUESTS_NOT_OUTCOMES
from gongkai.report.grid import Column, Row, Section, Table

_APPEAL_PARTS = ("upheld", "corrected", "other", "pending")
Cells = Sequence[tuple[Row, Column]]


def row_rules_hold(section: Section, columns: Cells, values: Sequence[CellValue]) -> bool:
    """Whether one reading of a row (or of the appeals row) satisfies R2 or R4."""
    if section is Section.PROACTIVE:
        return True
    parts = APPLICANT_KEYS if section is Section.REQUESTS else _APPEAL_PARTS
    rows: dict[str, dict[str, CellValue]] = {}
    for (row, column), value in zip(columns, values, strict=True):
        rows.setdefault(row.key, {})[column.key] = value
    return all(
        _sum_holds([cols.get(p) for p in parts], cols.get("total")) for cols in rows.values()
    )


def row_rules_confirm(section: Section, columns: Cells, values: Sequence[CellValue]) -> bool:
    """Whether R2 or R4 vouches for one reading of a row: every total it holds is a number, every
    part beside it too, and each adds up. A blank total adds up to anything and vouches for nothing;
    a row with no total (section 二) has nothing to vouch with."""
    return _rules(section, columns, values, blank_parts=False)


def row_totals_hold(section: Section, columns: Cells, values: Sequence[CellValue]) -> bool:
    """Like `row_rules_confirm`, but blank parts count as 0: only the totals must be numbers."""
    return _rules(section, columns, values, blank_parts=True)


def _rules(
    section: Section, columns: Cells, values: Sequence[CellValue], *, blank_parts: bool
) -> bool:
    if section is Section.PROACTIVE:
        return False
    parts = APPLICANT_KEYS if section is Section.REQUESTS else _APPEAL_PARTS
    rows: dict[str, dict[str, CellValue]] = {}
    for (row, column), value in zip(columns, values, strict=True):
        rows.setdefault(row.key, {})[column.key] = value
    checked = [cols for cols in rows.values() if "total" in cols]
    return bool(checked) and all(_confirms(cols, parts, blank_parts) for cols in checked)


def _confirms(cols: Mapping[str, CellValue], parts: Sequence[str], blank_parts: bool) -> bool:
    total, values = cols["total"], [cols[p] for p in parts if p in cols]
    if total is None or isinstance(total, Unreadable):
        return False
    if not blank_parts and any(v is None for v in values):
        return False
    summed = _sum(values)
    return summed is not None and summed == total


def sum_rules(section: Section, columns: Cells) -> list[tuple[tuple[int, ...], int]]:
    """R2 or R4 over the positions of a row's cells: (the parts' positions, the total's)."""
    if section is Section.PROACTIVE:
        return []
    parts = APPLICANT_KEYS if section is Section.REQUESTS else _APPEAL_PARTS
    where: dict[str, dict[str, int]] = {}
    for i, (row, column) in enumerate(columns):
        where.setdefault(row.key, {})[column.key] = i
    return [
        (tuple(cols[p] for p in parts if p in cols), cols["total"])
        for cols in where.values()
        if "total" in cols
    ]


def _sum_holds(parts: Iterable[CellValue], total: CellValue) -> bool:
    if total is None or isinstance(total, Unreadable):
        return True
    summed = _sum(parts)
    return summed is None or summed == total


def _sum(values: Iterable[CellValue]) -> int | Decimal | None:
    """The sum with blanks as 0; None when a value is unreadable."""
    total: int | Decimal = 0
    for value in values:
        if isinstance(value, Unreadable):
            return None
        total += value or 0
    return total


@cache
def column_equations(grid: Table) -> tuple[tuple[tuple[str, ...], tuple[str, ...]], ...]:
    """R1 and R3 as (left rows, right rows): per column, the left sum equals the right sum."""
    outcomes = tuple(r.key for r in grid.rows if r.key not in REQUESTS_NOT_OUTCOMES)
    return (
        (
            ("new_received", "carried_over_from_last_year"),
            ("total_processed", "carried_over_to_next_year"),
        ),
        (outcomes, ("total_processed",)),
    )


Sums = dict[str, int | Decimal | None]


def column_sums(rows: Sequence[Mapping[str, CellValue]], columns: Iterable[str]) -> Sums:
    """Per column, the sum of `rows` with blanks as 0; None where a cell is unreadable."""
    return {column: _sum(row.get(column) for row in rows) for column in columns}


def plus(sums: Sums, row: Mapping[str, CellValue]) -> Sums:
    """`sums` with one more row added."""
    out: Sums = {}
    for column, total in sums.items():
        value = row.get(column)
        if total is None or isinstance(value, Unreadable):
            out[column] = None
        else:
            out[column] = total + (value or 0)
    return out


def balanced(left: Sums, right: Sums) -> bool:
    """Whether the two sides agree in every column both can tell."""
    return all(a is None or right[c] is None or a == right[c] for c, a in left.items())
