"""The steps of a deadline's explanation, and how dates are written in them."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass
from datetime import date

from gongkai.clock.calendar import Calendar, Day, DayKind
from gongkai.clock.schedule import weekday_name


@dataclass(frozen=True)
class Step:
    """One line of the explanation, dated so the lines can be told in order."""

    on: date
    text: str


def iso(d: date) -> str:
    return d.isoformat()


def with_weekday(d: date) -> str:
    """「2026-10-10（星期六）」."""
    return f"{d.isoformat()}（{weekday_name(d)}）"


def span(a: date, b: date) -> str:
    """「2026-10-01 至 10-07」, 「2025-12-31 至 2026-01-01」, or one day."""
    if a == b:
        return a.isoformat()
    end = b.strftime("%m-%d") if a.year == b.year else b.isoformat()
    return f"{a.isoformat()} 至 {end}"


def calendar_steps(
    calendar: Calendar, start: date, end: date, paused: Collection[date]
) -> Iterator[Step]:
    """What the calendar did in (start, end]: holiday breaks left out, make-up days counted.
    Plain weekends are not listed one by one."""
    run: list[Day] = []
    for day in [*calendar.days(start, end), None]:
        if day is not None and day.kind is DayKind.HOLIDAY:
            run.append(day)
            continue
        if run:
            names = "、".join(dict.fromkeys(d.holiday or "法定节假日" for d in run))
            yield Step(run[0].on, f"{span(run[0].on, run[-1].on)} {names}假期，不计")
            run = []
        if day is not None and day.kind is DayKind.MAKEUP_WORKDAY:
            counted = "已在暂停期间，不计" if day.on in paused else "计入"
            yield Step(day.on, f"{with_weekday(day.on)}{day.reason}，{counted}")
