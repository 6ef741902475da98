"""The letter's own number (发文字号), e.g. 「某政办告〔2025〕第12号」: a pattern per agency and kind
with {year} (the year of the letter's date) and {serial} (its number in the year, counted per
pattern: kinds that share a pattern share a sequence, so no two letters get one number).

GB/T 9704-2012 7.2.4: the year in 六角括号 〔〕, the serial without leading zeros and without
「第」 — many agencies write 「第」 all the same, so the pattern is theirs to set."""

from __future__ import annotations

from gongkai.letters.errors import LetterError

DEFAULT_NUMBER_PATTERN = "〔{year}〕第{serial}号"


def number_pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot number letters, in Chinese; None when it can."""
    try:
        one = pattern.format(year=2025, serial=1)
        two = pattern.format(year=2025, serial=2)
        other_year = pattern.format(year=2026, serial=1)
    except (KeyError, IndexError, ValueError, AttributeError):
        return "文号格式只能使用 {year}（年份）和 {serial}（序号）两个占位符，例如 某政告〔{year}〕第{serial}号"
    if one == two:
        return "文号格式必须包含 {serial}（序号），否则同一年度的文号会重复"
    if one == other_year:
        return "文号格式必须包含 {year}（年份）：序号每年从 1 起编"
    if len(one) > 60:
        return "文号过长（最多 60 个字）"
    return None


def letter_number(pattern: str, *, year: int, serial: int) -> str:
    if problem := number_pattern_problem(pattern):
        raise LetterError(problem, pattern=pattern)
    return pattern.format(year=year, serial=serial)
