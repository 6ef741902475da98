"""Every way the pieces of a row can fill its cells: run-together digits split, bounded.

A row's pieces (`pieces`) are `Fixed` cells, whose boundaries are certain, and `Run`s of digits
whose boundaries were lost ("0000000", "000 0  "). A run holds one or more cells; a
number never starts with 0 unless it is 0; a cell never spans a space. Where blank cells may
stand among a run's cells is the caller's call (`Blanks`): nowhere in a dense run, at the spaces
of a spaced one ("000 0  "), anywhere when the document drops empty cells without a trace.
`split` lists every filling of the row's cells, within a budget: more than that is `TooMany`, and
the row is then ambiguous. Each search step costs the same however long the run (each token is
measured once), and a run holding more digits than its cells can take is no reading at once.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from decimal import Decimal
from typing import NamedTuple

from gongkai.extract.pieces import Fixed, Piece, Run, Token, fixed_value
from gongkai.extract.values import CellValue, Number, Unreadable, to_value
from gongkai.report.grid import Column, Kind

_STEPS = 60_000  # search steps before a row is declared too ambiguous to enumerate
_CANDIDATES = 5_000
_DIGITS = 9  # no count or amount in a report needs more digits before its decimal point
_FRACTION = 9  # nor more after it: a longer fraction is split no further (the row is a doubt)


class Blanks(enum.Enum):
    """Where blank cells may stand among the cells of a run."""

    NONE = "none"  # a dense run: every cell holds digits
    SPACES = "spaces"  # at the run's spaces and ends ("000 0  ")
    ANYWHERE = "anywhere"  # between any two cells: empty cells vanished without a trace


class TooMany(Exception):
    """The row can be read in more ways than are worth listing."""


class Budget:
    """Search steps one document may spend on all its rows, so no document takes long."""

    def __init__(self, steps: int = 400_000) -> None:
        self.steps = steps


#: A sum rule over a row's cells: the cells at `parts` add up to the cell at `total` (R2, R4).
SumRule = tuple[tuple[int, ...], int]


def split(
    pieces: Sequence[Piece],
    columns: Sequence[Column],
    blanks: Blanks = Blanks.NONE,
    sums: Sequence[SumRule] = (),
    budget: Budget | None = None,
) -> list[tuple[CellValue, ...]]:
    """Every filling of `columns` by `pieces`, in reading order, that keeps the `sums` (blanks as
    0); `TooMany` past the row's budget or the document's."""
    search = _Search(pieces, columns, blanks, sums)
    start = search.steps = min(_STEPS, budget.steps) if budget else _STEPS
    try:
        return search.run()
    finally:
        if budget is not None:
            budget.steps -= start - search.steps


Suffixes = tuple[tuple[CellValue, ...], ...]
#: The search state: piece, token, character, cell, and the running sum of the open sum rule.
_State = tuple[int, int, int, int, "int | Decimal | None"]


class _Search:
    """Depth-first over (piece, token, character, cell, running sum), memoised: the same rest of a
    row is worked out once however its beginning was split."""

    def __init__(
        self,
        pieces: Sequence[Piece],
        columns: Sequence[Column],
        blanks: Blanks,
        sums: Sequence[SumRule],
    ) -> None:
        self.pieces = pieces
        self.columns = columns
        self.blanks = blanks
        self.n = len(columns)
        self.steps = _STEPS
        self.memo: dict[_State, Suffixes] = {}
        # Each run's tokens measured once; for token t of run p, the digits in the run's later
        # tokens and the fewest cells those need.
        self.bodies: dict[tuple[int, int], _Body] = {}
        self.later: dict[tuple[int, int], tuple[int, int]] = {}
        for p, piece in enumerate(pieces):
            if isinstance(piece, Fixed):
                continue
            digits = fewest = 0
            for t in range(len(piece.tokens) - 1, -1, -1):
                self.later[p, t] = (digits, fewest)
                body = self.bodies[p, t] = _Body(piece.tokens[t].body)
                digits += body.digits_from[0]
                fewest += body.cells_from(0)
        # The sum rule each cell belongs to; rules are runs of parts closed by their total.
        self.rule: list[SumRule | None] = [None] * self.n
        for rule in sums:
            for k in (*rule[0], rule[1]):
                if k < self.n:
                    self.rule[k] = rule
        # Whether blank cells may stand in piece p (a run), worked out once: not at each step.
        self.blank = [isinstance(piece, Run) and self._may_blank(piece) for piece in pieces]
        # For pruning, from piece p on: the fewest cells the pieces fill, the most (when no blank
        # may stand among them), whether blanks may, and the digits they hold (None: not all runs).
        count = len(pieces)
        self.need = [0] * (count + 1)
        self.most = [0] * (count + 1)
        self.open = [False] * (count + 1)
        self.digits: list[int | None] = [0] * (count + 1)
        for p in range(count - 1, -1, -1):
            piece = pieces[p]
            after = self.digits[p + 1]
            if isinstance(piece, Fixed):
                self.need[p], self.most[p] = self.need[p + 1] + 1, self.most[p + 1] + 1
                self.open[p] = self.open[p + 1]
                self.digits[p] = None
                continue
            self.need[p] = self.need[p + 1] + sum(
                self.bodies[p, t].cells_from(0) for t in range(len(piece.tokens))
            )
            self.most[p] = self.most[p + 1] + piece.digits
            self.open[p] = self.open[p + 1] or self.blank[p]
            self.digits[p] = None if after is None else after + piece.digits

    def run(self) -> list[tuple[CellValue, ...]]:
        return list(self._solve(0, 0, 0, 0, 0))

    def _may_blank(self, run: Run) -> bool:
        return self.blanks is Blanks.ANYWHERE or (self.blanks is Blanks.SPACES and run.spaced)

    def _solve(self, p: int, t: int, c: int, k: int, partial: int | Decimal | None) -> Suffixes:
        if p == len(self.pieces):
            return ((),) if k == self.n else ()
        state = (p, t, c, k, partial)
        known = self.memo.get(state)
        if known is not None:
            return known
        self.steps -= 1
        if self.steps < 0:
            raise TooMany
        out: list[tuple[CellValue, ...]] = []
        for move in self._moves(p, t, c, k):
            p2, t2, c2 = move.after
            if not move.fills:
                out.extend(self._solve(p2, t2, c2, k, partial))
                continue
            keeps, running = self._keep(k, move.value, partial, move.rest)
            if keeps:
                tails = self._solve(p2, t2, c2, k + 1, running)
                out.extend((move.value, *tail) for tail in tails)
            if len(out) > _CANDIDATES:
                raise TooMany
        self.memo[state] = tuple(out)
        return self.memo[state]

    def _moves(self, p: int, t: int, c: int, k: int) -> list[_Move]:
        """What may come next from state (p, t, c) with k cells filled."""
        piece = self.pieces[p]
        if isinstance(piece, Fixed) or t == len(piece.tokens):
            need = self.need[p] if isinstance(piece, Fixed) else self.need[p + 1]
        else:
            need = self.bodies[p, t].cells_from(c) + self.later[p, t][1] + self.need[p + 1]
        if k + need > self.n or (not self.open[p] and k + self.most[p] < self.n):
            return []
        if isinstance(piece, Fixed):
            return [_Move(fixed_value(piece, self.columns[k]), None, (p + 1, 0, 0))]
        moves: list[_Move] = []
        last = p + 1 == len(self.pieces) or isinstance(self.pieces[p + 1], Fixed)
        here = self.blanks is Blanks.ANYWHERE or c == 0
        if t == len(piece.tokens):
            if self.blank[p] and here and k < self.n and last:
                moves.append(_Move(None, self.digits[p + 1], (p, t, c)))  # a blank cell lost
            moves.append(_Move(None, None, (p + 1, 0, 0), fills=False))
            return moves
        body = self.bodies[p, t]
        later = self.digits[p + 1]
        left = None if later is None else later + self.later[p, t][0]
        if self.blank[p] and here and k < self.n:
            now = None if left is None else left + body.digits_from[c]
            moves.append(_Move(None, now, (p, t, c)))  # a blank cell the run lost
        if k == self.n:
            return moves
        token = piece.tokens[t]
        column = self.columns[k]
        for end in body.ends(c, column.kind):
            rest = None if left is None else left + body.digits_from[end]
            after = (p, t + 1, 0) if end == len(token.body) else (p, t, end)
            moves.append(_Move(_value(token, c, end, column), rest, after))
        return moves

    def _keep(
        self, k: int, value: CellValue, partial: int | Decimal | None, rest: int | None
    ) -> tuple[bool, int | Decimal | None]:
        """Whether `value` in cell k keeps its sum rule, and the running sum after it. Blanks
        count as 0 here, the total's too: a split that needs a blank total beside non-zero parts
        is no reading."""
        rule = self.rule[k]
        if rule is None:
            return True, 0
        total = rule[1]
        if partial is None or isinstance(value, Unreadable):
            return True, (0 if k == total else None)
        number = value or 0
        if k == total:
            return partial == number, 0
        partial += number
        if rest is None or self.columns[total].kind is Kind.MONEY:
            return True, partial
        # The total is still to come, from the digits left (after one for each other cell when
        # no cell may be blank): it cannot exceed the largest number they spell.
        room = min(rest - (0 if self.open[0] else self.n - k - 2), _DIGITS)
        if room <= 0:
            return self.open[0] and partial == 0, partial
        return partial < 10**room, partial


class _Move(NamedTuple):
    """One step of the search: the next cell's value, the digits left after it (None: unknown),
    the state after it; a step that `fills` no cell leaves a finished run."""

    value: CellValue
    rest: int | None
    after: tuple[int, int, int]
    fills: bool = True


def _value(token: Token, c: int, end: int, column: Column) -> CellValue:
    text = token.body[c:end]
    whole = end == len(token.body)
    negative = token.sign == "-" and c == 0
    if column.kind is not Kind.MONEY and "." not in text and (not whole or not token.unit):
        return -int(text) if negative else int(text)
    number = Number(
        -Decimal(text) if negative else Decimal(text),
        token.unit if whole else "",
        bool(token.sign) and c == 0,
    )
    return to_value(number, column)


class _Body:
    """A token's body (digits and decimal points), measured once: where the digits from each
    character stop, and how many digits stand from each character on."""

    __slots__ = ("digits_from", "stop", "text", "width")

    def __init__(self, text: str) -> None:
        size = len(text)
        self.text = text
        self.stop = [size] * (size + 1)
        self.digits_from = [0] * (size + 1)
        for i in range(size - 1, -1, -1):
            digit = text[i].isdigit()
            self.stop[i] = self.stop[i + 1] if digit else i
            self.digits_from[i] = self.digits_from[i + 1] + digit
        # The most characters one cell takes: digits, or digits, a point and a fraction.
        self.width = _DIGITS + 1 + _FRACTION if "." in text else _DIGITS

    def cells_from(self, c: int) -> int:
        """The fewest cells the body from character c on can fill."""
        return -(-(len(self.text) - c) // self.width)

    def ends(self, c: int, kind: Kind) -> list[int]:
        """Where a number starting at character c may end."""
        text = self.text
        if c >= len(text) or not text[c].isdigit():
            return []
        stop = self.stop[c]
        ends = [c + 1] if text[c] == "0" else list(range(c + 1, min(stop, c + _DIGITS) + 1))
        if kind is Kind.MONEY and stop < len(text) and text[stop] == "." and stop in ends:
            after = self.stop[stop + 1]
            ends.extend(range(stop + 2, min(after, stop + 1 + _FRACTION) + 1))
        return ends
