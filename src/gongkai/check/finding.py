"""A finding: one thing wrong or doubtful in a report, said in plain Chinese.

Rule findings come from the checker (R1–R14); extraction doubts (a row that could not be read, a
truncated table) use the same type with `source="extraction"`, so both are shown side by side.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any


class Level(enum.StrEnum):
    ERROR = "error"
    WARNING = "warning"

    @property
    def label(self) -> str:
        return {"error": "错误", "warning": "提醒"}[self.value]


class Blanks(enum.StrEnum):
    """How blank cells were treated when a rule was evaluated."""

    NONE = "none"  # no blank cell was involved: the finding is certain
    AS_ZERO = "as_zero"  # fails when blanks are read as 0; with blanks as missing it is undecidable


@dataclass(frozen=True, slots=True)
class CellRef:
    path: str  # `section.row.column`, or `section.row` for a whole row
    label: str  # the Chinese name, e.g. 「第三部分 （七）总计 › 自然人」


Number = int | Decimal


@dataclass(frozen=True)
class Finding:
    rule: str  # "R1" … "R14" for rules; a short code such as "ambiguous" for extraction doubts
    level: Level
    message: str  # one sentence a clerk understands
    cells: tuple[CellRef, ...] = ()
    expected: Number | None = None
    actual: Number | None = None
    blanks: Blanks = Blanks.NONE
    source: str = "rule"  # "rule" or "extraction"
    data: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "rule": self.rule,
            "level": self.level.value,
            "source": self.source,
            "message": self.message,
            "cells": [{"path": c.path, "label": c.label} for c in self.cells],
        }
        if self.expected is not None:
            out["expected"] = _num(self.expected)
        if self.actual is not None:
            out["actual"] = _num(self.actual)
        if self.blanks is not Blanks.NONE:
            out["blanks"] = self.blanks.value
        if self.data:
            out["data"] = self.data
        return out


def _num(value: Number) -> int | float:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
