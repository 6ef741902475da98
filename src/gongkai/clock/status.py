"""Where an open application's clock stands on a given day."""

from __future__ import annotations

import enum
from datetime import date

from gongkai.clock.deadline import Deadline


class ClockStatus(enum.StrEnum):
    ON_TRACK = "on_track"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    WAITING = "waiting"  # the clock is stopped until the applicant corrects or pays
    LAPSED = "lapsed"  # the applicant did not correct or pay in time: 视为放弃申请

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    ClockStatus.ON_TRACK: "正常",
    ClockStatus.DUE_SOON: "即将到期",
    ClockStatus.OVERDUE: "已超期",
    ClockStatus.WAITING: "等待申请人",
    ClockStatus.LAPSED: "视为放弃申请",
}


def status(deadline: Deadline, today: date) -> ClockStatus:
    """Where an open application stands on `today` (passed in: there is no hidden clock)."""
    if deadline.lapses_on is not None and today >= deadline.lapses_on:
        return ClockStatus.LAPSED
    if deadline.due is None:
        return ClockStatus.WAITING
    if today > deadline.due:
        return ClockStatus.OVERDUE
    if deadline.warn_from is not None and today >= deadline.warn_from:
        return ClockStatus.DUE_SOON
    return ClockStatus.ON_TRACK
