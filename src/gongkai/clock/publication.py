"""Proactive publication on time (第二十六条): information is published within 20 working days of
being made or changed. Counted like every period of the clock: the day it was made is day 0, the
first working day after it is day 1 (see `gongkai.clock.calendar`).

Lateness is counted in working days after the last day allowed. An item published on a rest day
after that last day is late by the working days up to and including the next working day: its
publication could not have been earlier than a working day.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from gongkai.clock.calendar import Calendar
from gongkai.clock.errors import ClockError

PUBLICATION_WORKING_DAYS = 20  # 第二十六条：自该政府信息形成或者变更之日起20个工作日内予以公开


class Timeliness(enum.StrEnum):
    ON_TIME = "on_time"  # 及时
    LATE = "late"  # 超期公开
    PENDING = "pending"  # 未公开，尚在期限内
    OVERDUE = "overdue"  # 未公开，已过期限


@dataclass(frozen=True)
class Publication:
    """Whether an item was (or still can be) published on time, on `today`."""

    made_on: date
    published_on: date | None
    due: date  # the last day to publish
    timeliness: Timeliness
    late_working_days: int  # 0 unless LATE or OVERDUE

    @property
    def late(self) -> bool:
        return self.timeliness in (Timeliness.LATE, Timeliness.OVERDUE)

    @property
    def label(self) -> str:
        """「及时」「超期 3 个工作日」「未公开」「未公开，已超期 2 个工作日」."""
        n = self.late_working_days
        return {
            Timeliness.ON_TIME: "及时",
            Timeliness.LATE: f"超期 {n} 个工作日",
            Timeliness.PENDING: "未公开",
            Timeliness.OVERDUE: f"未公开，已超期 {n} 个工作日",
        }[self.timeliness]


def publication(
    made_on: date,
    published_on: date | None,
    *,
    calendar: Calendar,
    today: date,
    working_days: int = PUBLICATION_WORKING_DAYS,
) -> Publication:
    """Raises `ScheduleMissing` when a year the count runs through has no holiday schedule."""
    if published_on is not None and published_on < made_on:
        raise ClockError(f"公开日期 {published_on} 早于制作日期 {made_on}")
    due = calendar.add_working_days(made_on, working_days)
    end = published_on if published_on is not None else today
    late = _late_by(calendar, due, end)
    if published_on is None:
        timeliness = Timeliness.OVERDUE if late else Timeliness.PENDING
    else:
        timeliness = Timeliness.LATE if late else Timeliness.ON_TIME
    return Publication(made_on, published_on, due, timeliness, late)


def _late_by(calendar: Calendar, due: date, day: date) -> int:
    """Working days after `due` up to `day`, or to the next working day when `day` is a rest day."""
    if day <= due:
        return 0
    late = calendar.working_days_between(due, day)
    return late if calendar.is_working_day(day) else late + 1
