"""status(): where an open application stands on a given day; `today` is always passed in."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.clock import (
    Calendar,
    ClockSettings,
    ClockStatus,
    CorrectionDelivered,
    CorrectionRequested,
    FeeNoticeDelivered,
    FeeNoticeSent,
    answer_deadline,
    status,
)

CAL = Calendar.official()
# Due 2026-10-30 (Fri); five working days before it is 10-23 (Fri).
DEADLINE = answer_deadline(date(2026, 9, 28), calendar=CAL)


@pytest.mark.parametrize(
    ("today", "expected"),
    [
        (date(2026, 9, 28), ClockStatus.ON_TRACK),
        (date(2026, 10, 22), ClockStatus.ON_TRACK),
        (date(2026, 10, 23), ClockStatus.DUE_SOON),
        (date(2026, 10, 25), ClockStatus.DUE_SOON),
        (date(2026, 10, 30), ClockStatus.DUE_SOON),
        (date(2026, 10, 31), ClockStatus.OVERDUE),
    ],
)
def test_status_by_day(today: date, expected: ClockStatus) -> None:
    assert DEADLINE.warn_from == date(2026, 10, 23)
    assert status(DEADLINE, today) is expected
    assert status(DEADLINE, today) == expected.value  # a plain string for the web


def test_due_soon_window_is_a_setting() -> None:
    deadline = answer_deadline(
        date(2026, 9, 28), calendar=CAL, settings=ClockSettings(due_soon_working_days=0)
    )
    assert status(deadline, date(2026, 10, 29)) is ClockStatus.ON_TRACK
    assert status(deadline, date(2026, 10, 30)) is ClockStatus.DUE_SOON


def test_waiting_then_lapsed() -> None:
    deadline = answer_deadline(
        date(2024, 9, 10),
        calendar=CAL,
        events=[CorrectionRequested(date(2024, 9, 12)), CorrectionDelivered(date(2024, 9, 12))],
    )
    assert status(deadline, date(2024, 10, 10)) is ClockStatus.WAITING
    assert status(deadline, date(2024, 10, 11)) is ClockStatus.LAPSED
    assert ClockStatus.LAPSED.label == "视为放弃申请"


def test_unpaid_fee_without_pause_runs_then_lapses() -> None:
    deadline = answer_deadline(
        date(2026, 3, 2),
        calendar=CAL,
        events=[FeeNoticeSent(date(2026, 3, 5)), FeeNoticeDelivered(date(2026, 3, 5))],
        settings=ClockSettings(fee_notice_pauses=False),
    )
    assert status(deadline, date(2026, 3, 10)) is ClockStatus.ON_TRACK
    assert status(deadline, date(2026, 3, 31)) is ClockStatus.OVERDUE
    assert status(deadline, date(2026, 4, 3)) is ClockStatus.LAPSED
