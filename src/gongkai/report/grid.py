"""The building blocks of the national grid: columns, rows, tables, editions.

A *cell* is addressed by a dotted path `section.row.column`, e.g. `requests.granted.total`. The
three table sections are `proactive` (第二部分), `requests` (第三部分) and `appeals` (第四部分).
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field


class Edition(enum.StrEnum):
    """Which national format a table follows."""

    E2019 = "2019"  # 国办公开办函〔2019〕60号, report years 2019–2020
    E2021 = "2021"  # 国办公开办函〔2021〕30号, report years 2021 and later
    LEGACY = "legacy"  # before 2019: local templates, no national grid

    @property
    def label(self) -> str:
        return {"2019": "2019年版格式", "2021": "2021年版格式", "legacy": "2019年以前的地方格式"}[
            self.value
        ]

    @classmethod
    def for_year(cls, year: int) -> Edition:
        """The edition a report on `year` must use (rule R14)."""
        if year >= 2021:
            return cls.E2021
        if year >= 2019:
            return cls.E2019
        return cls.LEGACY


class Kind(enum.Enum):
    """What a cell may hold (rule R9)."""

    COUNT = "count"  # a non-negative integer
    SIGNED = "signed"  # an integer, possibly negative (本年增/减)
    MONEY = "money"  # a non-negative decimal, in 万元


class Section(enum.StrEnum):
    """The three table sections of the report, by their JSON key."""

    PROACTIVE = "proactive"
    REQUESTS = "requests"
    APPEALS = "appeals"

    @property
    def number(self) -> int:
        return {"proactive": 2, "requests": 3, "appeals": 4}[self.value]

    @property
    def label(self) -> str:
        return {"proactive": "第二部分", "requests": "第三部分", "appeals": "第四部分"}[self.value]


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str  # the exact printed label
    kind: Kind = Kind.COUNT
    variants: tuple[str, ...] = ()  # other spellings seen in real reports


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str  # the exact printed label of the row's own cell
    short: str  # a short name for findings, e.g. 「本年新收」
    columns: tuple[Column, ...]
    group: str = ""  # the enclosing label, e.g. 「（三）不予公开」 or 「第二十条第（一）项」
    variants: tuple[str, ...] = ()  # other spellings and typos seen in real reports
    column_keys: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "column_keys", frozenset(c.key for c in self.columns))

    @property
    def full_label(self) -> str:
        return f"{self.group} › {self.label}" if self.group else self.label

    def column(self, key: str) -> Column:
        for col in self.columns:
            if col.key == key:
                return col
        raise KeyError(key)


@dataclass(frozen=True, eq=False)  # compared and hashed by identity: there is one per edition
class Table:
    """One table section of one edition."""

    section: Section
    edition: Edition
    rows: tuple[Row, ...]
    _by_key: dict[str, Row] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_key", {row.key: row for row in self.rows})

    def row(self, key: str) -> Row:
        return self._by_key[key]

    def has_row(self, key: str) -> bool:
        return key in self._by_key

    @property
    def cell_count(self) -> int:
        return sum(len(row.columns) for row in self.rows)

    def cells(self) -> Iterator[tuple[Row, Column]]:
        for row in self.rows:
            for col in row.columns:
                yield row, col

    def cell_label(self, row_key: str, col_key: str) -> str:
        """The Chinese name of a cell, e.g. 「第三部分 （七）总计 › 自然人」."""
        row = self.row(row_key)
        return f"{self.section.label} {row.label} › {row.column(col_key).label}"
