"""A year's schedule of public holidays and make-up working days (调休).

The State Council publishes each year's schedule. Years up to the release of the `chinesecalendar`
package come from it (`official_schedules()`); later years are entered by an administrator and passed
in as `YearSchedule` values.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from types import MappingProxyType

import chinese_calendar  # type: ignore[import-untyped,unused-ignore]  # ships no type hints

from gongkai.clock.errors import ScheduleInvalid

WEEKDAYS = "一二三四五六日"
# The package's short names, spelled as the State Council's notices spell them.
_FULL_NAMES = {"清明": "清明节", "端午": "端午节", "中秋": "中秋节"}


def weekday_name(d: date) -> str:
    """「星期六」."""
    return f"星期{WEEKDAYS[d.weekday()]}"


def is_weekend(d: date) -> bool:
    return d.weekday() >= 5


@dataclass(frozen=True)
class YearSchedule:
    """One year's official rest days and worked weekend days.

    `holidays`: every day off for a public holiday, weekend days inside the break included.
    `workdays`: the Saturdays and Sundays worked to make up for a break (调休上班).
    `names`: optional holiday names by date (「国庆节」), for explanations.
    """

    year: int
    holidays: frozenset[date]
    workdays: frozenset[date]
    names: Mapping[date, str] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "workdays", frozenset(self.workdays))
        object.__setattr__(self, "names", MappingProxyType(dict(self.names)))
        for d in sorted(self.holidays | self.workdays):
            if d.year != self.year:
                raise ScheduleInvalid(
                    f"{d.isoformat()} 不属于 {self.year} 年，不能录入该年的节假日安排",
                    year=self.year,
                )
        for d in sorted(self.holidays & self.workdays):
            raise ScheduleInvalid(
                f"{d.isoformat()} 不能既是放假日又是调休上班日", year=self.year, date=d.isoformat()
            )
        for d in sorted(self.workdays):
            if not is_weekend(d):
                raise ScheduleInvalid(
                    f"{d.isoformat()}（{weekday_name(d)}）本来就是工作日，调休上班日应为周六或周日",
                    year=self.year,
                    date=d.isoformat(),
                )


@cache
def official_schedules() -> Mapping[int, YearSchedule]:
    """The schedules the `chinesecalendar` package carries (2004 to its release year)."""
    chinese: dict[str, str] = {
        h.value: _FULL_NAMES.get(h.chinese, h.chinese) for h in chinese_calendar.Holiday
    }
    holidays: dict[int, set[date]] = {}
    workdays: dict[int, set[date]] = {}
    names: dict[int, dict[date, str]] = {}
    for source, target in (
        (chinese_calendar.holidays, holidays),
        (chinese_calendar.workdays, workdays),
    ):
        for d, name in source.items():
            target.setdefault(d.year, set()).add(d)
            names.setdefault(d.year, {})[d] = chinese.get(name, name)
    years = range(min(holidays), max(holidays) + 1)
    return MappingProxyType(
        {
            y: YearSchedule(
                y,
                frozenset(holidays.get(y, ())),
                frozenset(workdays.get(y, ())),
                names.get(y, {}),
            )
            for y in years
        }
    )
