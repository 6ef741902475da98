"""A located row's items → its readings: every way its cells can be filled, narrowed by arithmetic.

- Cells exactly as many as the row has columns: one reading.
- More cells than columns (a spurious 16th cell, a leftover label column, a trailing tab): the
  extra ones are dropped at the row's ends, blanks first; if dropping different cells gives
  different values, arithmetic chooses, or the row is ambiguous.
- Fewer cells: at the very end of the document the row was cut short, and the cells read are kept
  (the lost ones are left out, not zeroed); anywhere else no one can tell which cells were lost.
- Empty cells right after the label may only continue a merged label cell: when the row has too few
  cells without them, it is short (two numbers printed as one, or cells lost), and is read only if
  splitting its numbers gives exactly one reading whose sums hold (`short`).
- Where the document ends inside a row, the cell at the cut may have lost digits ("144" cut to
  "14") or be the start of a cell never printed: it is left out, never read as a value.
- Run-together digits: every split the digits allow (`digits.split`), narrowed by R2/R4.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from gongkai.extract import short
from gongkai.extract.constraints import (
    row_rules_confirm,
    row_rules_hold,
    row_totals_hold,
    sum_rules,
)
from gongkai.extract.digits import Blanks, Budget, TooMany, split
from gongkai.extract.locate import Hit
from gongkai.extract.pieces import Fixed, Piece, Run, fixed_value, parse_run
from gongkai.extract.stream import Item, ItemKind
from gongkai.extract.values import (
    MAX_DIGITS,
    CellValue,
    Number,
    Unreadable,
    is_blank,
    ocr_doubt,
    whole_number,
)
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
    blanks: Blanks = Blanks.NONE  # where blank cells were allowed among run-together digits
    forced: bool = False  # fewer digits than cells, no spaces: empty cells vanish here
    notes: list[str] = field(default_factory=list)  # for --debug

    @property
    def reason(self) -> str:
        """Why the row has no single reading, in Chinese."""
        return self.why or _several(self)

    @property
    def run_text(self) -> str:
        return " ".join(p.text.strip() for p in self.hit.pieces if p.kind is ItemKind.RUN)


def read(
    hit: Hit,
    rows: tuple[Row, ...],
    *,
    vanishing: bool = False,
    budget: Budget | None = None,
    ends_here: bool = False,
    cut: bool = False,
) -> Reading:
    """Read a row; with `vanishing`, empty cells are known to vanish from this document's runs;
    splitting run-together digits spends the document's `budget`. `ends_here`: the document's
    text ends on the row's last line; `cut`: it surely ends inside the row (no line break after
    it, or the table's later rows are missing), else only if the row is short of cells."""
    columns: Cells = tuple((row, col) for row in rows for col in row.columns)
    pieces = [_piece(item) for item in hit.pieces]
    reading = Reading(hit, rows, columns, [])
    if hit.unread:  # the row was found, its cells were not (numbers printed apart)
        reading.why = hit.unread
        return reading
    fixed = [p for p in pieces if isinstance(p, Fixed)]
    if len(fixed) == len(pieces):
        _read_cells(reading, fixed, ends_here, cut, budget)
        return reading
    if ends_here and (cut or _digits(pieces) - short.continuation(pieces) < len(columns)):
        reading.why = f"文档在此行中间结束（“{reading.run_text}”），最后一个数字可能不完整"
        return reading
    n = len(columns)
    reading.blanks, reading.forced = _blanks(pieces, n, vanishing)
    dense = _one_digit_each(pieces, n) if reading.blanks is Blanks.NONE else None
    if dense is not None:  # "0000000" in seven cells: nothing to choose
        reading.candidates = [_values([Fixed(d, "") for d in dense], columns)]
        return _add_up(reading)
    try:
        sums = sum_rules(hit.section, columns)
        reading.candidates = _unique(split(pieces, _kinds(columns), reading.blanks, sums, budget))
    except TooMany:
        reading.why = f"数字连写（“{reading.run_text}”），可能的拆法太多"
        return reading
    if not reading.candidates:
        reading.why = f"数字连写（“{reading.run_text}”），无法拆成 {n} 个单元格"
    if len(reading.candidates) > 1 or reading.blanks is not Blanks.NONE:
        reading.notes.append(f"{len(reading.candidates)} split(s), blanks {reading.blanks.value}")
    return _add_up(reading)


def _read_cells(
    reading: Reading, cells: list[Fixed], ends_here: bool, cut: bool, budget: Budget | None
) -> None:
    """A row whose cells are all certain: as many as its columns, too many, or too few."""
    n = len(reading.columns)
    lead = short.continuation(cells)
    if ends_here and (cut or len(cells) - lead < n or not cells[-1].text.strip()):
        reading.cut_short = True
        if not _unsure(cells[-1]):  # the cell at the cut: digits lost, or the cell never printed
            cells = cells[:-1]
    m = len(cells)
    if lead and m - lead < n:  # the empty cells only continue the label: the row is short
        if reading.cut_short:
            reading.why = f"文档在此行中间结束，只读到 {m - lead} 个数字，无法确定各属哪一栏"
            return
        _short(reading, cells, lead, budget)
    elif m == n:
        reading.candidates = [_values(cells, reading.columns)]
        reading.cut_short = False
    elif m > n:
        _extra(reading, cells)
        reading.cut_short = False
    elif reading.hit.at_end:
        reading.columns = reading.columns[:m]
        reading.cut_short = True
        reading.candidates = [_values(cells, reading.columns)]
    else:
        reading.why = f"只有 {m} 个单元格，应有 {n} 个，无法确定缺的是哪几个"


def _unsure(cell: Fixed) -> bool:
    """The cell is already a doubt of its own: OCR could not read it for certain."""
    return isinstance(cell.value, Unreadable) and cell.value.confidence is not None


def _short(reading: Reading, cells: list[Fixed], lead: int, budget: Budget | None) -> None:
    """A row short of cells unless its leading empty cells are blank values: the one reading
    that either way makes its totals (numbers, not blanks) add up, or none."""
    section, columns = reading.hit.section, reading.columns
    found = short.recover(section, columns, cells[lead:], budget)
    reading.notes += found.notes
    if len(cells) == len(columns):
        reading.candidates = [_values(cells, columns)]
    elif len(cells) > len(columns):
        _extra(reading, cells)
    if not found.possible:  # too few digits for two numbers to have run together: as printed
        if not reading.candidates and not reading.why:
            reading.why = found.why
        return
    plain = [v for v in reading.candidates if row_totals_hold(section, columns, v)]
    candidates = _unique([*found.candidates, *plain])
    if len(candidates) == 1:
        reading.candidates, reading.why = candidates, ""
        if not plain:
            reading.dropped = ()
    else:
        reading.candidates, reading.dropped, reading.why = [], (), found.why


def _values(cells: list[Fixed], columns: Cells) -> Values:
    return tuple(fixed_value(p, col) for p, (_, col) in zip(cells, columns, strict=True))


def _one_digit_each(pieces: list[Piece], n: int) -> list[Number] | None:
    """The cells of a row that is one dense run of exactly one digit per cell, else None."""
    if len(pieces) != 1 or not isinstance(pieces[0], Run):
        return None
    tokens = pieces[0].tokens
    if len(tokens) != 1 or tokens[0].sign or tokens[0].unit or len(tokens[0].body) != n:
        return None
    body = tokens[0].body
    return [whole_number(int(d)) for d in body] if body.isdigit() else None


def _blanks(pieces: list[Piece], n: int, vanishing: bool) -> tuple[Blanks, bool]:
    """Where blank cells may stand among the row's runs, and whether the row shows that empty
    cells vanish without a trace in this document (fewer digits than cells, and no spaces)."""
    runs = [p for p in pieces if isinstance(p, Run)]
    digits = _digits(pieces)
    spaced = any(r.spaced for r in runs)
    forced = digits < n and not spaced
    if vanishing or digits < n or len(runs) > 1:
        return Blanks.ANYWHERE, forced
    return (Blanks.SPACES if spaced else Blanks.NONE), False


def _digits(pieces: list[Piece]) -> int:
    """The most cells the pieces can fill: a digit each in runs, one for each fixed cell."""
    return sum(p.digits if isinstance(p, Run) else 1 for p in pieces)


def _piece(item: Item) -> Piece:
    if item.kind is ItemKind.BLANK:
        return Fixed(None, item.text)
    if item.kind is ItemKind.NUM and item.number is not None:
        return Fixed(item.number, item.text)
    if item.kind is ItemKind.NUM and (doubt := ocr_doubt(item.text)):
        return Fixed(doubt, item.text)
    if item.kind is ItemKind.NUM:
        return Fixed(Unreadable(item.text, f"数字超过 {MAX_DIGITS} 位"), item.text)
    if item.kind is ItemKind.RUN:
        run = parse_run(item.text)
        if run is not None:
            return run
    if is_blank(item.text):
        return Fixed(None, item.text)
    return Fixed(Unreadable(item.text, "不是数字"), item.text)


def _extra(reading: Reading, pieces: list[Fixed]) -> None:
    """Drop the extra cells at the ends of the row, preferring ones that hold no number: a
    blank, or text that is no number (a share 「6.72%」 in a column the national table lacks) —
    keeping such text as a value while dropping a blank at the other end would shift the row."""
    n = len(reading.columns)
    k = len(pieces) - n
    options: list[tuple[Values, tuple[str, ...]]] = []
    for left in range(k + 1):
        dropped = (*pieces[:left], *pieces[left + n :])
        lost = tuple(
            p.text for p in dropped if p.value is not None and not isinstance(p.value, Unreadable)
        )
        options.append((_values(pieces[left : left + n], reading.columns), lost))
    if any(not lost for _, lost in options):
        options = [(values, lost) for values, lost in options if not lost]
    readings = _unique(values for values, _ in options)
    if len(readings) > 1:  # the sums choose only where they check numbers, not blank totals
        section = reading.hit.section
        readings = [
            v for v in readings if row_rules_confirm(section, reading.columns, v)
        ] or readings
    reading.candidates = readings
    if len(readings) == 1:
        reading.dropped = next(lost for values, lost in options if values == readings[0])
    else:
        reading.why = f"有 {len(pieces)} 个单元格，比应有的 {n} 个多 {k} 个，无法确定多出的是哪几个"


def _add_up(reading: Reading) -> Reading:
    """Keep the splits R2/R4 admit. Cells read as printed stand even if they do not add up (the
    checker says so); but a split of run-together digits that does not add up is no reading."""
    section = reading.hit.section
    fitting = [c for c in reading.candidates if row_rules_hold(section, reading.columns, c)]
    if reading.candidates and not fitting:
        reading.why = f"数字连写（“{reading.run_text}”），没有一种拆法能使各栏之和等于总计"
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
