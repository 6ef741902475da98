"""Section 二 (主动公开政府信息情况) of a year, entered by the agency's staff cell by cell."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from gongkai.errors import GongkaiError
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.models import Agency, ProactiveCount
from gongkai.ledger.writes import action
from gongkai.report.document import check_value
from gongkai.report.editions import table
from gongkai.report.grid import Column, Edition, Kind, Section, Table

#: A cell's value: an int, a Decimal (万元), or None to clear a cell never meant to be entered.
Value = int | Decimal | None
Cell = tuple[str, str]  # (row key, column key)

_PLACES = 4  # ProactiveCount.value keeps 4 decimal places
_LIMIT = Decimal(10) ** 10  # and at most 10 digits before the point


class ProactiveInvalid(GongkaiError):
    """Values that cannot stand in their cells; `errors` maps "row.column" to a Chinese message."""

    code = "proactive_invalid"

    def __init__(self, errors: Mapping[str, str]) -> None:
        super().__init__("；".join(errors.values()), errors=dict(errors))
        self.errors = dict(errors)


def proactive_table(year: int) -> Table:
    """The section 二 grid of the edition a report on `year` must use (R14)."""
    edition = Edition.for_year(year)
    if edition is Edition.LEGACY:
        raise GongkaiError(f"{year} 年度适用 2019 年以前的地方格式，没有全国统一的第二部分表格")
    return table(edition, Section.PROACTIVE)


def value_problem(column: Column, value: Value) -> str | None:
    """Why `value` cannot be stored in `column`: rule R9 (check_value), then what the row holds."""
    if problem := check_value(column, value):
        return problem
    if value is None:
        return None
    if abs(Decimal(value)) >= _LIMIT:
        return f"数值过大：{value}"
    if column.kind is Kind.MONEY and isinstance(value, Decimal):
        exponent = value.normalize().as_tuple().exponent
        if isinstance(exponent, int) and exponent < -_PLACES:
            return f"金额（万元）最多保留 {_PLACES} 位小数，实际为 {value}"
    return None


@action
def proactive_counts_set(
    *,
    actor: Actor,
    agency: Agency,
    year: int,
    values: Mapping[Cell, Value],
    correction_reason: str = "",
) -> list[Cell]:
    """Store the given cells of `year` (None clears a cell); the others are left as they are.
    Returns the cells that changed. A change to a locked year needs a correction reason."""
    require_role(actor, agency, *STAFF_ROLES)
    grid = proactive_table(year)
    errors: dict[str, str] = {}
    for (row_key, col_key), value in values.items():
        if not grid.has_row(row_key) or col_key not in grid.row(row_key).column_keys:
            errors[f"{row_key}.{col_key}"] = f"{grid.edition.label}没有“{row_key}.{col_key}”这一格"
        elif problem := value_problem(grid.row(row_key).column(col_key), value):
            errors[f"{row_key}.{col_key}"] = f"{grid.cell_label(row_key, col_key)}：{problem}"
    if errors:
        raise ProactiveInvalid(errors)
    # Lock the agency row: simultaneous entries of the same year queue instead of both inserting.
    Agency.objects.select_for_update().only("pk").get(pk=agency.pk)
    rows = ProactiveCount.objects.select_for_update().filter(
        agency=agency, year=year, edition=grid.edition.value
    )
    stored = {(r.row, r.column): r for r in rows}
    changed = [
        cell
        for cell, value in values.items()
        if (stored[cell].value if cell in stored else None) != value
    ]
    if not changed:
        return []
    guard_locked_years(
        actor=actor,
        agency=agency,
        dates=[date(year, 12, 31)],
        reason=correction_reason,
        what="proactive_counts_set",
    )
    for cell in changed:
        value = values[cell]
        if value is None:
            stored[cell].delete()
        elif cell in stored:
            stored[cell].value = Decimal(value)
            stored[cell].save(update_fields=["value"])
        else:
            ProactiveCount.objects.create(
                agency=agency,
                year=year,
                edition=grid.edition.value,
                row=cell[0],
                column=cell[1],
                value=Decimal(value),
            )
    audit(
        actor=actor,
        agency=agency,
        action="proactive_counts_set",
        obj=agency,
        year=year,
        edition=grid.edition.value,
        changed={
            f"{r}.{c}": None if values[(r, c)] is None else str(values[(r, c)]) for r, c in changed
        },
    )
    return changed
