"""The annual report as one typed object: what extraction emits, the ledger generates, the checker
and the renderers take. Its JSON form is in `gongkai.report.interchange`.

A cell holds a number, or `None` when it is in the document but blank; a cell that is not in the
document is simply absent from its row's dict. Blank, 0 and absent stay distinct.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from gongkai.report.editions import table
from gongkai.report.grid import Column, Edition, Kind, Row, Section, Table

Value = int | Decimal | None
Rows = dict[str, dict[str, Value]]


@dataclass
class Report:
    agency: str | None = None
    year: int | None = None
    edition: Edition = Edition.E2021
    proactive: Rows = field(default_factory=dict)
    requests: Rows = field(default_factory=dict)
    appeals: Rows = field(default_factory=dict)
    #: Per-section editions, only when the document mixes them (「混用格式」).
    editions: dict[Section, Edition] = field(default_factory=dict)
    #: Dotted paths of cells derived by a rule rather than read.
    inferred: list[str] = field(default_factory=list)
    #: Dotted paths of rows or cells that could not be read unambiguously (and were left out).
    ambiguous: list[str] = field(default_factory=list)
    #: Which of the six sections the document holds; None when unknown (e.g. a generated report).
    sections: frozenset[int] | None = None
    #: Prose of sections 一, 五 and 六, by section number, when known.
    prose: dict[int, str] = field(default_factory=dict)
    #: Page metadata (发布时间, 索引号, 信息来源 …) and any other top-level keys, kept as they came.
    extra: dict[str, Any] = field(default_factory=dict)

    # --- the grid ---------------------------------------------------------------------------

    def rows(self, section: Section) -> Rows:
        rows: Rows = getattr(self, section.value)
        return rows

    def edition_of(self, section: Section) -> Edition:
        return self.editions.get(section, self.edition)

    def table(self, section: Section) -> Table | None:
        """The grid definition this report's `section` follows; None for a legacy report."""
        edition = self.edition_of(section)
        return None if edition is Edition.LEGACY else table(edition, section)

    @property
    def is_mixed(self) -> bool:
        return any(ed is not self.edition for ed in self.editions.values())

    def value(self, path: str) -> Value:
        """The value at `section.row.column`; KeyError when the cell is absent."""
        section, row, col = path.split(".")
        return self.rows(Section(section))[row][col]

    def has(self, path: str) -> bool:
        section, row, col = path.split(".")
        return col in self.rows(Section(section)).get(row, {})

    def set(self, path: str, value: Value) -> None:
        section, row, col = path.split(".")
        self.rows(Section(section)).setdefault(row, {})[col] = value

    def cells(self) -> Iterator[tuple[str, Value]]:
        """Every cell present, as (`section.row.column`, value)."""
        for section in Section:
            for row_key, cols in self.rows(section).items():
                for col_key, value in cols.items():
                    yield f"{section.value}.{row_key}.{col_key}", value

    def is_doubtful(self, section: Section, row: str, col: str | None = None) -> bool:
        """True when the cell (or row) is listed as ambiguous or inferred."""
        row_path = f"{section.value}.{row}"
        if row_path in self.ambiguous:
            return True
        return col is not None and f"{row_path}.{col}" in self.ambiguous

    def label(self, path: str) -> str:
        """The Chinese name of a cell, e.g. 「第三部分 （七）总计 › 自然人」."""
        section_key, row, col = path.split(".")
        section = Section(section_key)
        grid = self.table(section)
        if grid is None or not grid.has_row(row):
            return path
        return grid.cell_label(row, col)


def check_value(column: Column, value: object) -> str | None:
    """Why `value` cannot stand in `column` (rule R9), in Chinese; None when it can.

    JSON gives integers as int and decimals as Decimal (never float: money must stay exact).
    """
    if value is None or (type(value) is int and value >= 0):
        return None  # the common case, first
    if isinstance(value, bool) or not isinstance(value, int | Decimal | float):
        return f"应为数字，实际为{_describe(value)}"
    if isinstance(value, float | Decimal) and not _finite(value):
        return f"应为有限的数字，实际为 {value}"
    if column.kind is Kind.MONEY:
        if value < 0:
            return f"金额不能为负数，实际为 {value}"
        return None
    if value != int(value):
        return f"应为整数，实际为 {value}"
    if column.kind is Kind.COUNT and value < 0:
        return f"应为非负整数，实际为 {value}"
    return None


def _finite(value: float | Decimal) -> bool:
    return (
        value.is_finite()
        if isinstance(value, Decimal)
        else value == value and abs(value) != float("inf")
    )


def _describe(value: object) -> str:
    if isinstance(value, bool):
        return f"布尔值 {str(value).lower()}"
    if isinstance(value, str):
        return f"字符串 “{value[:20]}”"
    if isinstance(value, list):
        return "列表"
    if isinstance(value, dict):
        return "对象"
    return type(value).__name__


def row_and_column(grid: Table, row_key: str, col_key: str) -> tuple[Row, Column] | None:
    if not grid.has_row(row_key):
        return None
    row = grid.row(row_key)
    for col in row.columns:
        if col.key == col_key:
            return row, col
    return None
