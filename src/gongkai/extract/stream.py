"""Lines → one stream of items: label text, numbers, blank cells, runs of digits, paragraph breaks.

Every layout becomes the same stream, so tables are found the same way in all of them:

- `TEXT`: label or prose text (its `key` is the matching form);
- `NUM`: one cell holding one number, perhaps with a unit ("22个", "113万元"), or a value cell
  holding none for certain (an OCR doubt, a number of absurdly many digits);
- `BLANK`: one cell present but blank ("", "—", "/");
- `RUN`: digits whose cell boundaries are lost ("0000000", "000 0  "): split later;
- `BREAK`: an empty line (in one-cell-per-line tables, the end of a row);
- `GAP`: content left out of the stream here (prose sections hold no tables).

`row` is True for items of a markdown or tab-separated line: that line is one table row.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import NamedTuple

from gongkai.extract.lines import Line, LineKind
from gongkai.extract.normalize import key
from gongkai.extract.values import (
    BLANK_MARKS,
    UNITS,
    Number,
    fold,
    ocr_doubt,
    overlong,
    parse_folded,
    whole_number,
)


class ItemKind(enum.Enum):
    TEXT = "text"
    NUM = "num"
    BLANK = "blank"
    RUN = "run"
    BREAK = "break"
    GAP = "gap"


class Item(NamedTuple):
    kind: ItemKind
    text: str
    line: int  # the line number
    row: bool = False  # the item's line is a whole table row (markdown, tab-separated)
    key: str = ""  # TEXT only: the matching form
    number: Number | None = None  # NUM only: the number it prints
    plain: bool = False  # the item comes from a plain line (no tab, no pipe)

    @property
    def is_value(self) -> bool:
        return self.kind in (ItemKind.NUM, ItemKind.BLANK, ItemKind.RUN)

    @property
    def is_number(self) -> bool:
        return self.kind in (ItemKind.NUM, ItemKind.RUN)


_DIGITS = re.compile(r"^[\d\s]*\d[\d\s]*$")
_ANY_DIGIT = re.compile(r"\d")
_NUMBER = rf"[+\-]?\d+(?:\.\d+)?(?:\s*(?:{UNITS}))?"
#: Numbers inside text whose separators were lost: "规章000", "1.属于国家秘密000 0  ".
_NUMBERS = re.compile(rf"{_NUMBER}(?:\s*{_NUMBER})*\s*")
_ITEM_MARK = ".、"
#: What follows the number of a date: no table cell holds a date, so "2025年" is text.
_DATE_MARKS = "年月日"


def build(lines: list[Line], spans: Sequence[tuple[int, int]] = ()) -> list[Item]:
    """The items of `lines`; only of the lines within `spans` ([first, last] line numbers) if any
    are given: prose sections need no items."""
    wanted = [not spans] * (len(lines) + 2)
    for first, last in spans:
        first, last = max(first, 1), min(last, len(lines))
        if first <= last:
            wanted[first : last + 1] = [True] * (last - first + 1)
    items: list[Item] = []
    for line in lines:
        if not wanted[line.number]:
            if line.kind.is_content and (not items or items[-1].kind is not ItemKind.GAP):
                items.append(Item(ItemKind.GAP, "", line.number))
            continue
        if line.kind is LineKind.BLANK:
            items.append(Item(ItemKind.BREAK, "", line.number))
        elif line.kind.is_content:
            soft = line.kind is LineKind.PLAIN
            row = line.kind.is_row
            for cell in line.cells:
                items.extend(cell_items(cell, line.number, soft=soft, row=row))
    return items


def cell_items(cell: str, number: int, *, soft: bool, row: bool = False) -> list[Item]:
    """The items of one cell on line `number`; `soft` when the cell's own boundaries are not
    certain (plain text)."""
    parts = _parts(cell, soft) if len(cell) <= _REMEMBERED else _parts.__wrapped__(cell, soft)
    return [Item(kind, text, number, row, k, value, soft) for kind, text, k, value in parts]


#: What one cell holds: (kind, text, matching form, number) per item.
Parts = tuple[tuple[ItemKind, str, str, Number | None], ...]
_REMEMBERED = 200  # cells this short are remembered: labels and numbers recur in every report


@lru_cache(maxsize=16384)
def _parts(cell: str, soft: bool) -> Parts:
    bare = cell.strip()
    if bare.isascii() and bare.isdigit():  # the common case: "0", "52", "0000000"
        if soft or (len(bare) > 1 and bare[0] == "0"):
            return ((ItemKind.RUN, bare, "", None),)
        if overlong(bare):  # a value cell, but no number (see `cells`)
            return ((ItemKind.NUM, bare, "", None),)
        return ((ItemKind.NUM, bare, "", whole_number(int(bare))),)
    if not bare:
        return ((ItemKind.BLANK, "", "", None),)
    if ocr_doubt(bare):  # a cell OCR was unsure of: a value cell, but no number (see `cells`)
        return ((ItemKind.NUM, bare, "", None),)
    text = unicodedata.normalize("NFKC", cell)
    bare = text.strip()
    if bare in BLANK_MARKS:
        return ((ItemKind.BLANK, bare, "", None),)
    if not _ANY_DIGIT.search(bare):  # label or prose: no number in it
        return tuple((kind, part.strip(), k, None) for kind, part, k in _words(text))
    folded = fold(bare, normalized=True)
    if folded in BLANK_MARKS:
        return ((ItemKind.BLANK, bare, "", None),)
    if _DIGITS.match(bare):
        lost = soft or " " in bare or (len(folded) > 1 and folded.startswith("0"))
        if lost:
            return ((ItemKind.RUN, text.lstrip(), "", None),)
        if overlong(folded):
            return ((ItemKind.NUM, bare, "", None),)
        return ((ItemKind.NUM, bare, "", whole_number(int(folded))),)
    parsed = parse_folded(folded)
    if parsed is not None:
        return ((ItemKind.NUM, bare, "", parsed),)
    return tuple(
        (kind, part if kind is ItemKind.RUN else part.strip(), k, None)
        for kind, part, k in _segments(text)
    )


def _segments(text: str) -> list[tuple[ItemKind, str, str]]:
    """Text cut into label text and runs of numbers. A digit before "." or "、" and a label
    ("2.其他法律行政法规禁止公开") numbers that label and stays with it; digits before 年, 月 or
    日 are a date (a running header's 「2025年…年度报告」) and stay with the text."""
    out: list[tuple[ItemKind, str, str]] = []
    pos = 0
    for found in _NUMBERS.finditer(text):
        start, end = found.span()
        if end < len(text) and text[end] in _ITEM_MARK and text[end - 1].isdigit():
            end -= 1  # the item number of the label that follows
        if start >= end or start < pos:
            continue
        if text[end : end + 1] in _DATE_MARKS and end < len(text):
            continue  # "2025年", "12月31日": a date in a running header or prose, no cell
        _text(out, text[pos:start])
        out.append((ItemKind.RUN, text[start:end], ""))
        pos = end
    _text(out, text[pos:])
    return out


def _words(text: str) -> list[tuple[ItemKind, str, str]]:
    out: list[tuple[ItemKind, str, str]] = []
    _text(out, text)
    return out


def _text(out: list[tuple[ItemKind, str, str]], part: str) -> None:
    words = part.split()
    if words and all(word in BLANK_MARKS for word in words):
        out.extend((ItemKind.BLANK, word, "") for word in words)  # "5  —  2": blank cells
    elif part.strip():
        out.append((ItemKind.TEXT, part, key(part)))
