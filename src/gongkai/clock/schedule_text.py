"""A year's holiday schedule from text as people type it, or as the State Council's notice prints it.

Accepted, freely mixed:
- ISO dates and lists: 「2027-01-01, 2027-01-02」;
- dates and ranges in words: 「1月1日至3日放假，1月4日上班」, 「2月15日（周日）至23日（周一）放假调休」;
- the notice's own lines: 「二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。」
  (the holiday's name is taken from 「春节：」 and kept for the explanations).

A clause that says 上班 gives 调休上班 days; one that says 放假 or 休 gives days off; a clause that
says neither continues the kind of the clause before it in the same sentence (「上班：1月4日，2月7日」),
and days off otherwise. Anything with digits that is not understood is refused, never skipped.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from enum import Enum

from gongkai.clock.errors import ScheduleInvalid
from gongkai.clock.schedule import YearSchedule


class _Kind(Enum):
    OFF = "off"
    WORK = "work"


_SENTENCES = re.compile(r"[。；;\n]+")
_CLAUSES = re.compile(r"[，,]+")
_ASIDES = re.compile(r"（[^（）]*）|\([^()]*\)")
_NAME = re.compile(r"^\s*(?:[一二三四五六七八九十]+[、.．]\s*)?([\u4e00-\u9fff]{2,6})\s*[：:]")
_TOKEN = re.compile(
    r"(?P<iso>(?P<y>\d{4})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})\s*日?)"
    r"|(?P<md>(?P<m2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]?)"
    r"|(?P<day>(?P<d3>\d{1,2})\s*[日号])"
    r"|(?P<to>\s*(?:至|到|~|～|—|–|-)\s*)"
)
_HARMLESS = re.compile(r"共?\s*\d+\s*天|\d+\s*个?工作日")


def parse_schedule(year: int, text: str) -> YearSchedule:
    """The schedule of `year` written in `text`; raises ScheduleInvalid with a Chinese message."""
    holidays: set[date] = set()
    workdays: set[date] = set()
    names: dict[date, str] = {}
    name: str | None = None
    for sentence in _SENTENCES.split(_ASIDES.sub("", text)):
        kind: _Kind | None = None
        if match := _NAME.match(sentence):
            label, sentence = match.group(1), sentence[match.end() :]
            kind = _kind_of(label)
            if kind is None:
                name = label  # 「春节：」, not 「上班：」
        for clause in _CLAUSES.split(sentence):
            kind = _kind_of(clause) or kind
            days = _dates(year, clause)
            target = workdays if kind is _Kind.WORK else holidays
            for d in days:
                target.add(d)
                if name:
                    names[d] = name
    if not holidays and not workdays:
        raise ScheduleInvalid(f"没有从输入中读到 {year} 年的任何日期", year=year)
    return YearSchedule(year, frozenset(holidays), frozenset(workdays), names)


def _kind_of(words: str) -> _Kind | None:
    if "上班" in words:
        return _Kind.WORK
    if "放假" in words or "休" in words:
        return _Kind.OFF
    return None


def _dates(year: int, clause: str) -> list[date]:
    """Every date the clause names, ranges expanded."""
    found: list[date] = []
    pending_range = False
    month: int | None = None
    position = 0
    for token in _TOKEN.finditer(clause):
        _refuse_leftover(clause[position : token.start()], clause, year)
        position = token.end()
        if token.group("to"):
            pending_range = bool(found)
            continue
        if token.group("iso"):
            y, m, d = int(token.group("y")), int(token.group("m")), int(token.group("d"))
        elif token.group("md"):
            y, m, d = year, int(token.group("m2")), int(token.group("d2"))
        else:
            if month is None:
                raise ScheduleInvalid(f"「{clause.strip()}」中的日期缺少月份", year=year)
            y, m, d = year, month, int(token.group("d3"))
        day = _date(y, m, d, clause, year)
        month = m
        if pending_range:
            first = found[-1]
            if day < first:
                raise ScheduleInvalid(f"「{clause.strip()}」的结束日期早于开始日期", year=year)
            found.extend(first + timedelta(days=i) for i in range(1, (day - first).days + 1))
            pending_range = False
        else:
            found.append(day)
    _refuse_leftover(clause[position:], clause, year)
    return found


def _date(y: int, m: int, d: int, clause: str, year: int) -> date:
    try:
        return date(y, m, d)
    except ValueError:
        raise ScheduleInvalid(
            f"「{clause.strip()}」中的 {m} 月 {d} 日不是有效日期", year=year
        ) from None


def _refuse_leftover(gap: str, clause: str, year: int) -> None:
    if any(ch.isdigit() for ch in _HARMLESS.sub("", gap)):
        raise ScheduleInvalid(f"无法识别「{clause.strip()}」中的日期", year=year)


def working_days_of(schedule: YearSchedule) -> int:
    """How many working days the year has under `schedule` (for the entry page's preview)."""
    d, end, count = date(schedule.year, 1, 1), date(schedule.year, 12, 31), 0
    while d <= end:
        if d in schedule.workdays or not (d in schedule.holidays or d.weekday() >= 5):
            count += 1
        d += timedelta(days=1)
    return count
