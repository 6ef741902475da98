"""The pieces a row's cells come in: `Fixed` cells and `Run`s of digits whose boundaries were lost.

A fixed piece is one cell for certain (a markdown or tab-separated cell, a cell on its own line):
a number, a blank, or text that is no number. A run is digits with their separators lost
("0000000", "000 0  ", "22个113万元"): its tokens are the numbers between spaces and after units,
each holding one or more cells (see `digits`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from gongkai.extract.values import UNITS, CellValue, Number, Unreadable, to_value
from gongkai.report.grid import Column

_TOKEN = re.compile(rf"([+\-]?)(\d+(?:\.\d+)*)\s*({UNITS})?")


class Fixed(NamedTuple):
    """One cell whose boundaries are certain: a number, a blank (None) or unreadable text."""

    value: Number | Unreadable | None
    text: str


class Token(NamedTuple):
    sign: str
    body: str  # digits, perhaps with decimal points
    unit: str


@dataclass(frozen=True, slots=True)
class Run:
    """Digits whose cell boundaries were lost."""

    text: str
    tokens: tuple[Token, ...]

    @property
    def spaced(self) -> bool:
        """Spaces inside the run: blank cells may have stood there."""
        return bool(re.search(r"\S\s+\S", self.text))

    @property
    def digits(self) -> int:
        return sum(sum(ch.isdigit() for ch in t.body) for t in self.tokens)


Piece = Fixed | Run


def parse_run(text: str) -> Run | None:
    """The run's tokens (numbers between spaces or after units); None when it holds other text."""
    tokens, pos = [], 0
    for found in _TOKEN.finditer(text):
        if text[pos : found.start()].strip():
            return None
        sign, body, unit = found.groups()
        tokens.append(Token(sign, body, unit or ""))
        pos = found.end()
    if text[pos:].strip() or not tokens:
        return None
    return Run(text, tuple(tokens))


def fixed_value(piece: Fixed, column: Column) -> CellValue:
    """The value a fixed piece gives `column`."""
    if piece.value is None or isinstance(piece.value, Unreadable):
        return piece.value
    return to_value(piece.value, column)
