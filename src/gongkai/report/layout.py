"""The report's tables laid out for display: each table section with its title, its grid, and
per row the (column label, value) pairs — a value is a number, None for a blank cell, or "" for
a cell not in the report. Shared by every page and writer that shows the tables."""

from __future__ import annotations

from dataclasses import dataclass

from gongkai.report.document import Report, Value
from gongkai.report.editions import SECTION_NAMES
from gongkai.report.grid import Row, Section, Table


@dataclass(frozen=True)
class TableLayout:
    title: str  # 「第三部分 收到和处理政府信息公开申请情况」
    grid: Table
    rows: list[tuple[Row, list[tuple[str, Value | str]]]]


def layout(report: Report) -> list[TableLayout]:
    out = []
    for section in Section:
        grid = report.table(section)
        if grid is None:
            continue
        values = report.rows(section)
        rows = [
            (row, [(c.label, values.get(row.key, {}).get(c.key, "")) for c in row.columns])
            for row in grid.rows
        ]
        out.append(TableLayout(f"{section.label} {SECTION_NAMES[section.number]}", grid, rows))
    return out
