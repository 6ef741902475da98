"""One cell's text → a value: numbers, units, blanks.

A cell is blank when it holds nothing or a blank mark ("—", "/", "无"); blank is `None`, never 0.
Units are stripped: counts may say "22个", money "113万元" or "251000元" and is kept in 万元.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

from gongkai.report.document import Value
from gongkai.report.grid import Column, Kind

BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "–", "―", "/", "\\", "无", "空"})
MONEY_UNITS = {"万元": Decimal(1), "元": Decimal("0.0001"), "亿元": Decimal(10000)}
COUNT_UNITS = frozenset({"个", "件", "条", "项", "次", "人", "家", "份", "篇", "场", "宗", "起"})
UNITS = "万元|亿元|元|" + "|".join(sorted(COUNT_UNITS))
_NUMBER = re.compile(rf"^([+-]?)(\d{{1,3}}(?:,\d{{3}})+|\d+)(?:\.(\d+))?({UNITS})?$")
_SPACES = re.compile(r"\s+")
#: More digits than any count or amount in a report has, before or after the decimal point: such a
#: number is a doubt, never a value (and Python converts no string of over 4,300 digits to an int).
MAX_DIGITS = 15
#: Marks a cell OCR could not read for certain, written as "⁇37⁇0.62" (what it read, then its
#: confidence): such a cell becomes a doubt, never a value.
OCR_DOUBT = "\u2047"
_OCR_CELL = re.compile(rf"^{OCR_DOUBT}([^{OCR_DOUBT}]*){OCR_DOUBT}(\d\.\d\d)$")


@dataclass(frozen=True, slots=True)
class Number:
    """A number as printed: its value, the unit after it (or ""), whether it carried a sign."""

    value: int | Decimal
    unit: str = ""
    signed: bool = False


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A cell that holds something, but not a number gongkai can read."""

    text: str
    why: str
    confidence: float | None = None  # OCR read it, with this confidence: flagged, not trusted


#: The plain numbers most cells print, made once: a report reads thousands of them.
_COMMON = tuple(Number(n) for n in range(1000))


def whole_number(value: int) -> Number:
    """`Number(value)`: a number printed without sign or unit."""
    return _COMMON[value] if 0 <= value < len(_COMMON) else Number(value)


def ocr_doubt(text: str) -> Unreadable | None:
    """The doubt an OCR-marked cell holds, or None when the cell is not one."""
    found = _OCR_CELL.match(text.strip())
    if found is None:
        return None
    confidence, read = float(found.group(2)), found.group(1)
    return Unreadable("" if read == "?" else read, f"OCR 识别置信度 {confidence:.2f}", confidence)


CellValue = Value | Unreadable


def fold(text: str, *, normalized: bool = False) -> str:
    """NFKC (unless `normalized` already), no whitespace, unicode minus signs as "-"."""
    folded = text if normalized else unicodedata.normalize("NFKC", text)
    return _SPACES.sub("", folded.replace("−", "-").replace("－", "-"))


def is_blank(text: str) -> bool:
    return fold(text) in BLANK_MARKS


def parse_number(text: str) -> Number | None:
    """The number a cell prints, or None when the cell is not one number."""
    return parse_folded(fold(text))


def parse_folded(folded: str) -> Number | None:
    """`parse_number` of text already `fold`ed; None too for an `overlong` number."""
    found = _NUMBER.match(folded)
    if found is None:
        return None
    sign, whole, fraction, unit = found.groups()
    whole = whole.replace(",", "")
    if overlong(whole) or (fraction and overlong(fraction)):
        return None
    if not (sign or fraction or unit):
        return whole_number(int(whole))
    value: int | Decimal = Decimal(f"{whole}.{fraction}") if fraction else int(whole)
    return Number(-value if sign == "-" else value, unit or "", bool(sign))


def overlong(digits: str) -> bool:
    """More digits than any number in a report has (`MAX_DIGITS`)."""
    return len(digits) > MAX_DIGITS


def to_value(number: Number, column: Column) -> CellValue:
    """The value of `number` in `column`: money in 万元, counts as integers where they are."""
    value = number.value
    if column.kind is Kind.MONEY:
        if number.unit in COUNT_UNITS:
            return Unreadable(f"{number.value}{number.unit}", "金额一栏写的是个数单位")
        if number.unit and number.unit != "万元":
            return exact(Decimal(value) * MONEY_UNITS[number.unit])
    elif number.unit in MONEY_UNITS:
        return Unreadable(f"{number.value}{number.unit}", "数量一栏写的是金额单位")
    return value if isinstance(value, int) else exact(value)


def exact(value: Decimal) -> int | Decimal:
    """Integral values as int; others as a Decimal without trailing zeros."""
    if value == value.to_integral_value():
        return int(value)
    return value.normalize()
