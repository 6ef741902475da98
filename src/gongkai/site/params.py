"""Reading numbers from what a browser sends: ASCII digits only, bounded.

`str.isdigit()` is true for 「²」 and 「١٢」, and `int()` accepts full-width and Arabic-Indic digits
or fails on superscripts; a number of twenty digits overflows a database key. Every page reads its
numeric parameters here, and a bad one is a `BadRequest` (a 400 page in Chinese, `site.errors`).
"""

from __future__ import annotations

import re

from django.core.exceptions import BadRequest

#: The largest value a 64-bit signed key holds.
MAX_KEY = 2**63 - 1
_DIGITS = re.compile(r"[0-9]{1,19}")


def number(text: str | None, *, label: str, maximum: int = MAX_KEY, minimum: int = 0) -> int | None:
    """The number written in `text` (None when empty); BadRequest in Chinese when it is not a
    whole number of ASCII digits between `minimum` and `maximum`."""
    text = (text or "").strip()
    if not text:
        return None
    if not _DIGITS.fullmatch(text) or not minimum <= int(text) <= maximum:
        raise BadRequest(f"{label}应为 {minimum} 到 {maximum} 之间的整数，实际为“{text[:20]}”")
    return int(text)
