"""The statutory working-day clock: the calendar of working days (工作日, with 调休). Pure: no hidden
clock, no database; the web app passes in administrator-entered years."""

from gongkai.clock.calendar import Calendar, Day, DayKind
from gongkai.clock.errors import ClockError, ScheduleInvalid, ScheduleMissing
from gongkai.clock.schedule import YearSchedule

__all__ = [
    "Calendar",
    "ClockError",
    "Day",
    "DayKind",
    "ScheduleInvalid",
    "ScheduleMissing",
    "YearSchedule",
]
