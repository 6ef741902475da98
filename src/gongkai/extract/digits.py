"""Every way the pieces of a row can fill its cells: run-together digits split, bounded.

A row's pieces are `Fixed` cells (their boundaries are certain: one number, one blank) and `Run`s
of digits whose boundaries were lost ("0000000", "000 0  "). A run holds one or more cells; a
number never starts with 0 unless it is 0; a cell never spans a space; where a run has inner
spaces, blank cells may stand at its spaces (and at its ends). `split` lists every filling of the
row's cells, within a budget: more than that is `TooMany`, and the row is then ambiguous.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from gongkai.extract.values import UNITS, CellValue, Number, Unreadable, to_value
from gongkai.report.grid import Column, Kind

_STEPS = 200_000  # search steps before a row is declared too ambiguous to enumerate
_CANDIDATES = 5_000
_DIGITS = 9  # no count or amount in a report needs more digits before its decimal point
_TOKEN = re.compile(rf"([+\-]?)(\d+(?:\.\d+)*)\s*({UNITS})?")


class TooMany(Exception):
    """The row can be read in more ways than are worth listing."""


@dataclass(frozen=True, slots=True)
class Fixed:
    """One cell whose boundaries are certain: a number, a blank (None) or unreadable text."""

    value: Number | Unreadable | None
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    sign: str
    body: str  # digits, perhaps with decimal points
    unit: str


@dataclass(frozen=True, slots=True)
class Run:
    """Digits whose cell boundaries were lost."""

    text: str
    tokens: tuple[Token, ...]
    spaced: bool  # inner spaces: blank cells may stand there

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
    return Run(text, tuple(tokens), bool(re.search(r"\S\s+\S", text.strip())))


def split(pieces: Sequence[Piece], columns: Sequence[Column]) -> list[tuple[CellValue, ...]]:
    """Every filling of `columns` by `pieces`, in reading order; `TooMany` past the budget."""
    return _Search(pieces, columns).run()


class _Search:
    def __init__(self, pieces: Sequence[Piece], columns: Sequence[Column]) -> None:
        self.pieces = pieces
        self.columns = columns
        self.n = len(columns)
        self.steps = _STEPS
        self.out: list[tuple[CellValue, ...]] = []
        self.acc: list[CellValue] = []
        # For pruning: cells the pieces from p on need at least, digits they hold, and whether
        # any of them may hold blank cells (then there is no upper bound).
        count = len(pieces)
        self.need = [0] * (count + 1)
        self.most = [0] * (count + 1)
        self.open = [False] * (count + 1)
        for p in range(count - 1, -1, -1):
            piece = pieces[p]
            if isinstance(piece, Fixed):
                need, most, spaced = 1, 1, False
            else:
                need, most, spaced = len(piece.tokens), piece.digits, piece.spaced
            self.need[p] = self.need[p + 1] + need
            self.most[p] = self.most[p + 1] + most
            self.open[p] = self.open[p + 1] or spaced

    def run(self) -> list[tuple[CellValue, ...]]:
        self._walk(0, 0, 0)
        return self.out

    def _walk(self, p: int, t: int, c: int) -> None:
        self.steps -= 1
        if self.steps < 0:
            raise TooMany
        k = len(self.acc)
        if p == len(self.pieces):
            if k == self.n:
                self.out.append(tuple(self.acc))
                if len(self.out) > _CANDIDATES:
                    raise TooMany
            return
        piece = self.pieces[p]
        if isinstance(piece, Fixed):
            need = self.need[p]
        else:
            need = len(piece.tokens) - t + self.need[p + 1]
        if k + need > self.n or (not self.open[p] and k + self.most[p] < self.n):
            return
        if isinstance(piece, Fixed):
            if k < self.n:
                self.acc.append(_fixed(piece, self.columns[k]))
                self._walk(p + 1, 0, 0)
                self.acc.pop()
            return
        if c == 0 and piece.spaced and k < self.n:
            self.acc.append(None)  # a blank cell where the spaces are
            self._walk(p, t, 0)
            self.acc.pop()
        if t == len(piece.tokens):
            self._walk(p + 1, 0, 0)
            return
        if k == self.n:
            return
        token = piece.tokens[t]
        column = self.columns[k]
        for end in _ends(token.body, c, column.kind):
            text = token.body[c:end]
            last = end == len(token.body)
            number = Number(
                -Decimal(text) if token.sign == "-" and c == 0 else Decimal(text),
                token.unit if last else "",
                bool(token.sign) and c == 0,
            )
            self.acc.append(to_value(number, column))
            self._walk(p, t + 1, 0) if last else self._walk(p, t, end)
            self.acc.pop()


def _fixed(piece: Fixed, column: Column) -> CellValue:
    if piece.value is None or isinstance(piece.value, Unreadable):
        return piece.value
    return to_value(piece.value, column)


def _ends(body: str, c: int, kind: Kind) -> list[int]:
    """Where a number starting at body[c] may end."""
    if c >= len(body) or not body[c].isdigit():
        return []
    stop = c + 1
    while stop < len(body) and body[stop].isdigit():
        stop += 1
    ends = [c + 1] if body[c] == "0" else list(range(c + 1, min(stop, c + _DIGITS) + 1))
    if kind is Kind.MONEY and stop < len(body) and body[stop] == ".":
        after = stop + 1
        while after < len(body) and body[after].isdigit():
            after += 1
        if stop in ends:
            ends.extend(range(stop + 2, after + 1))
    return ends
