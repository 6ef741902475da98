"""The matching form of text: what two spellings of one label have in common.

Real reports mix full- and half-width brackets and digits, put spaces inside labels ("结果 维持",
"（三） 不予公开"), quote 「三安全一稳定」 three different ways and number items "1."、"1、"、"1．".
`key` folds all of that away (and commas or semicolons between clauses into 「、」); labels are
compared only in this form.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile("[“”\"'‘’「」『』]")
#: Commas and semicolons between a label's clauses are one mark: 「逾期不补正、行政机关…」 is
#: printed with 「，」「,」「；」 too.
_CLAUSE_MARKS = str.maketrans({",": "、", "，": "、", ";": "、", "；": "、"})
_ITEM_NUMBER = re.compile(r"(\d)[、.]")
#: Characters a converter leaves in text that mean nothing: no-break and ideographic spaces become
#: plain spaces, zero-width characters and stray byte-order marks disappear.
_INVISIBLE = str.maketrans(
    {"\xa0": " ", "\u3000": " ", "\u2002": " ", "\u2003": " ", "\u200b": None, "\ufeff": None}
)
_ANY_INVISIBLE = re.compile("[\xa0\u3000\u2002\u2003\u200b\ufeff]")


def clean(text: str) -> str:
    """A raw line with converter debris removed; tabs and the layout they carry are kept."""
    return text.translate(_INVISIBLE) if _ANY_INVISIBLE.search(text) else text


def key(text: str) -> str:
    """The form in which labels are compared: NFKC, no whitespace, no quotes, items as "1.", commas
    and semicolons between clauses as 「、」 (labels print either: 「逾期不补正, 行政机关…」).
    Short texts (labels, cells) are remembered: the same ones come again and again."""
    return _key(text) if len(text) <= _REMEMBERED else _key.__wrapped__(text)


_REMEMBERED = 200


@lru_cache(maxsize=16384)
def _key(text: str) -> str:
    folded = _nfkc(text).translate(_CLAUSE_MARKS)
    folded = _QUOTES.sub("", _SPACE.sub("", folded))
    return _ITEM_NUMBER.sub(r"\1.", folded)


def compact(text: str) -> str:
    """`key` without its clause marks and item numbers: for searching a whole document for words
    of CJK characters only, where it finds what `key` would, at a fraction of the cost."""
    return _QUOTES.sub("", _SPACE.sub("", _nfkc(text)))


def _nfkc(text: str) -> str:
    # Most text is already NFKC; checking is far cheaper than normalising.
    return text if unicodedata.is_normalized("NFKC", text) else unicodedata.normalize("NFKC", text)


def squash(text: str) -> str:
    """Whitespace removed between Chinese characters, kept (as one space) between Latin words."""
    text = _SPACE.sub(" ", text.strip())
    return re.sub(r"(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])", "", text)


#: The numbering in front of a label, in `key` form: "一、", "(三)", "1.", or several of them.
NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+\.)+")
NUMBERING_AT_END = re.compile(r"(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+\.)$")
_NUMERAL = re.compile(r"[一二三四五六七八九十\d]+")


def numeral(numbering: str) -> str:
    """The numeral of a numbering token: "(三)" → "三", "1." → "1"."""
    found = _NUMERAL.search(numbering)
    return found.group() if found else ""


def distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between `a` and `b`, or limit + 1 once it is sure to exceed limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, start=1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
