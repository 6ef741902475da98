"""A located row's items → its readings: every way its cells can be filled, narrowed by arithmetic.

- Cells exactly as many as the row has columns: one reading.
- More cells than columns (a spurious 16th cell, a leftover label column, a trailing tab): the
  extra ones are dropped at the row's ends, blanks first; if dropping different cells gives
  different values, arithmetic chooses, or the row is ambiguous.
- Fewer cells: at the very end of the document the row was cut short, and the cells read are kept
  (the lost ones are left out, not zeroed); anywhere else no one can tell which cells were lost.
- Run-together digits: every split the digits allow (`digits.split`), narrowed by R2/R4.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from gongkai.extract.constraints import row_rules_hold
from gongkai.extract.digits import Fixed, Piece, Run, TooMany, parse_run, split
from gongkai.extract.locate import Hit
from gongkai.extract.stream import Item, ItemKind
from gongkai.extract.values import CellValue, Unreadable, is_blank, parse_number
from gongkai.report.grid import Column, Row

Cells = tuple[tuple[Row, Column], ...]
Values = tuple[CellValue, ...]


@dataclass
class Reading:
    hit: Hit
    rows: tuple[Row, ...]
    columns: Cells  # the cells read, in order (fewer than the rows have when cut short)
    candidates: list[Values]
    why: str = ""  # why the row has no single reading, in Chinese
    dropped: tuple[str, ...] = ()  # cells dropped as spurious (not blank)
    cut_short: bool = False  # the document ends inside this row
    notes: list[str] = field(default_factory=list)  # for --debug

    @property
    def value(self) -> Values | None:
        return self.candidates[0] if len(self.candidates) == 1 else None

    @property
    def reason(self) -> str:
        """Why the row has no single reading, in Chinese."""
        return self.why or _several(self)

    @property
    def run_text(self) -> str:
        return " ".join(p.text.strip() for p in self.hit.pieces if p.kind is ItemKind.RUN)


def read(hit: Hit, rows: tuple[Row, ...]) -> Reading:
    columns: Cells = tuple((row, col) for row in rows for col in row.columns)
    pieces = [_piece(item) for item in hit.pieces]
    reading = Reading(hit, rows, columns, [])
    n, m = len(columns), len(pieces)
    if all(isinstance(p, Fixed) for p in pieces) and m != n:
        if m > n:
            _extra(reading, pieces)
        elif hit.at_end:
            reading.columns = columns[:m]
            reading.cut_short = True
            reading.candidates = split(pieces, _kinds(reading.columns))
        else:
            reading.why = f"只有 {m} 个单元格，应有 {n} 个，无法确定缺的是哪几个"
        return _narrow(reading)
    try:
        reading.candidates = _unique(split(pieces, _kinds(columns)))
    except TooMany:
        reading.why = f"数字连写（“{reading.run_text}”），可能的拆法太多"
        return reading
    if not reading.candidates:
        reading.why = f"数字连写（“{reading.run_text}”），无法拆成 {n} 个单元格"
    reading.notes.append(f"{len(reading.candidates)} reading(s) before arithmetic")
    return _narrow(reading)


def _piece(item: Item) -> Piece:
    if item.kind is ItemKind.BLANK:
        return Fixed(None, item.text)
    if item.kind is ItemKind.NUM:
        number = parse_number(item.text)
        if number is not None:
            return Fixed(number, item.text)
    if item.kind is ItemKind.RUN:
        run = parse_run(item.text)
        if run is not None:
            return run
    if is_blank(item.text):
        return Fixed(None, item.text)
    return Fixed(Unreadable(item.text, "不是数字"), item.text)


def _extra(reading: Reading, pieces: list[Piece]) -> None:
    """Drop the extra cells at the ends of the row, preferring blank ones."""
    n = len(reading.columns)
    k = len(pieces) - n
    options: list[tuple[Values, tuple[str, ...]]] = []
    for left in range(k + 1):
        kept = pieces[left : left + n]
        dropped = [p for p in (*pieces[:left], *pieces[left + n :]) if isinstance(p, Fixed)]
        lost = tuple(p.text for p in dropped if p.value is not None)
        options.extend((values, lost) for values in split(kept, _kinds(reading.columns)))
    if any(not lost for _, lost in options):
        options = [(values, lost) for values, lost in options if not lost]
    readings = _unique(values for values, _ in options)
    if len(readings) > 1:
        section = reading.hit.section
        readings = [v for v in readings if row_rules_hold(section, reading.columns, v)] or readings
    reading.candidates = readings
    if len(readings) == 1:
        reading.dropped = next(lost for values, lost in options if values == readings[0])
    else:
        reading.why = f"有 {len(pieces)} 个单元格，比应有的 {n} 个多 {k} 个，无法确定多出的是哪几个"


def _narrow(reading: Reading) -> Reading:
    """Keep the readings R2/R4 admit, when there are several and at least one is admitted."""
    if len(reading.candidates) > 1:
        section = reading.hit.section
        fitting = [c for c in reading.candidates if row_rules_hold(section, reading.columns, c)]
        if fitting:
            reading.notes.append(f"{len(fitting)} of them satisfy the row total")
            reading.candidates = fitting
    return reading


def _several(reading: Reading) -> str:
    count = len(reading.candidates)
    if reading.run_text:
        digits = sum(p.digits for p in map(_piece, reading.hit.pieces) if isinstance(p, Run))
        if digits < len(reading.columns):
            return (
                f"数字连写（“{reading.run_text}”），{digits} 个数字填不满 {len(reading.columns)} 个"
                f"单元格，空白格的位置无法确定（{count} 种读法）"
            )
        return f"数字连写（“{reading.run_text}”），有 {count} 种拆法都说得通"
    return f"有 {count} 种读法都说得通"


def _kinds(cells: Cells) -> list[Column]:
    return [column for _, column in cells]


def _unique(candidates: Iterable[Values]) -> list[Values]:
    return list(dict.fromkeys(candidates))
