"""Which days are working days (工作日): the official schedule plus administrator-supplied years.

Counting convention. The 条例 counts its periods in working days "自收到申请之日起" but does not
say whether that day itself counts. gongkai follows the general rule of 《民法典》第二百零一条第一款:
"按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算". So the day that starts a period is
day 0, and the first working day *after* it is working day 1: `add_working_days(start, 1)` is the
next working day after `start`, whatever `start` itself is (a Saturday, a holiday, a working day).
`working_days_between(a, b)` counts the working days in the half-open span (a, b], so that
`working_days_between(s, add_working_days(s, n)) == n`.

A day in a year without a schedule raises `ScheduleMissing`: weekends are never silently assumed.
A calendar made `provisional()` instead counts such a year on its parts known in advance: its
weekends and 元旦 on 1 January (《全国年节及纪念日放假办法》 fixes that day), and says which years
it assumed (`is_provisional`), so that every date it gives can be marked provisional and recomputed
once the State Council's schedule for that year is entered.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from types import MappingProxyType

from gongkai.clock.errors import ScheduleInvalid, ScheduleMissing
from gongkai.clock.schedule import YearSchedule, is_weekend, official_schedules

ONE_DAY = timedelta(days=1)


class DayKind(enum.StrEnum):
    WEEKDAY = "weekday"  # 工作日
    WEEKEND = "weekend"  # 周末
    HOLIDAY = "holiday"  # 法定节假日（含放假期间的周末）
    MAKEUP_WORKDAY = "makeup_workday"  # 调休上班的周末

    @property
    def working(self) -> bool:
        return self in (DayKind.WEEKDAY, DayKind.MAKEUP_WORKDAY)


@dataclass(frozen=True)
class Day:
    """One day and why it is, or is not, a working day."""

    on: date
    kind: DayKind
    holiday: str | None = None  # the holiday's name (「国庆节」), for holidays and make-up days

    @property
    def working(self) -> bool:
        return self.kind.working

    @property
    def reason(self) -> str:
        """「国庆节」「周末」「国庆节调休上班」「工作日」."""
        if self.kind is DayKind.HOLIDAY:
            return self.holiday or "法定节假日"
        if self.kind is DayKind.MAKEUP_WORKDAY:
            return f"{self.holiday or ''}调休上班"
        return "周末" if self.kind is DayKind.WEEKEND else "工作日"


@dataclass(frozen=True, eq=False)
class Calendar:
    """An immutable calendar of working days, by year. Build it with `Calendar.official()` and
    `.with_years(...)`; `Calendar()` knows no year at all."""

    years: Mapping[int, YearSchedule] = field(default_factory=dict)
    #: Count years with no schedule on their known parts (weekends, 元旦) instead of raising.
    provisional_years: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "years", MappingProxyType(dict(self.years)))

    @classmethod
    def official(cls) -> Calendar:
        """The State Council's schedules carried by the `chinesecalendar` package."""
        return _official()

    def with_years(self, *schedules: YearSchedule | Iterable[YearSchedule]) -> Calendar:
        """A new calendar with these years added, given one by one or as an iterable (rows from the
        database). A year given here replaces the same year's schedule: an administrator's entry
        wins over the bundled one."""
        added: dict[int, YearSchedule] = {}
        for item in schedules:
            for schedule in [item] if isinstance(item, YearSchedule) else item:
                if schedule.year in added:
                    raise ScheduleInvalid(
                        f"{schedule.year} 年的节假日安排录入了两次", year=schedule.year
                    )
                added[schedule.year] = schedule
        return Calendar({**self.years, **added}, self.provisional_years)

    def provisional(self) -> Calendar:
        """This calendar, counting a year with no schedule on its known parts instead of raising."""
        return Calendar(self.years, provisional_years=True)

    def covers(self, year: int) -> bool:
        return year in self.years

    def is_provisional(self, year: int) -> bool:
        """Whether days of `year` are counted on its known parts only (no schedule entered)."""
        return self.provisional_years and year not in self.years

    def provisional_in(self, a: date, b: date) -> tuple[int, ...]:
        """The years of the span [a, b] that are counted provisionally."""
        return tuple(y for y in range(a.year, b.year + 1) if self.is_provisional(y))

    def missing_ahead(self, today: date) -> tuple[int, ...]:
        """The years whose schedule should be entered by now and is not: this year, and from
        1 November (the State Council usually publishes in late October or November) the next."""
        wanted = (today.year, today.year + 1) if today.month >= 11 else (today.year,)
        return tuple(y for y in wanted if not self.covers(y))

    def schedule(self, year: int) -> YearSchedule:
        try:
            return self.years[year]
        except KeyError:
            if self.provisional_years:
                return _known_parts(year)
            raise ScheduleMissing(year) from None

    def day(self, d: date) -> Day:
        """The day `d` and the reason it is a rest day or a working day."""
        schedule = self.schedule(d.year)
        name = schedule.names.get(d)
        if d in schedule.workdays:
            return Day(d, DayKind.MAKEUP_WORKDAY, name)
        if d in schedule.holidays:
            return Day(d, DayKind.HOLIDAY, name)
        return Day(d, DayKind.WEEKEND if is_weekend(d) else DayKind.WEEKDAY)

    def is_working_day(self, d: date) -> bool:
        schedule = self.schedule(d.year)
        return d in schedule.workdays or not (d in schedule.holidays or is_weekend(d))

    def add_working_days(self, start: date, n: int) -> date:
        """The n-th working day after `start` (`start` itself is day 0; n = 0 gives `start`)."""
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        d = start
        while n:
            d += ONE_DAY
            if self.is_working_day(d):
                n -= 1
        return d

    def subtract_working_days(self, end: date, n: int) -> date:
        """The n-th working day before `end` (`end` itself is day 0; n = 0 gives `end`)."""
        if n < 0:
            raise ValueError(f"n must not be negative, got {n}")
        d = end
        while n:
            d -= ONE_DAY
            if self.is_working_day(d):
                n -= 1
        return d

    def working_days_between(self, a: date, b: date) -> int:
        """The number of working days in (a, b]; negative when b is before a."""
        if b < a:
            return -self.working_days_between(b, a)
        count, d = 0, a
        while d < b:
            d += ONE_DAY
            count += self.is_working_day(d)
        return count

    def days(self, a: date, b: date) -> Iterable[Day]:
        """Every day in (a, b], explained."""
        d = a
        while d < b:
            d += ONE_DAY
            yield self.day(d)


@cache
def _known_parts(year: int) -> YearSchedule:
    """What is known of a year before its schedule is published: 元旦 (1 January) is a day off."""
    new_year = date(year, 1, 1)
    return YearSchedule(year, frozenset({new_year}), frozenset(), {new_year: "元旦"})


def provisional_note(year: int) -> str:
    """The sentence shown wherever a date counted on a year's known parts is shown."""
    return f"{year} 年放假安排尚未录入，暂按周末和元旦计算；录入后自动重新计算"


@cache
def _official() -> Calendar:
    return Calendar(official_schedules())
