"""Answer deadlines for 2024–2026 against the official schedules. Every expected date was counted
by hand on the State Council's published holidays and make-up working days (day 0 = the start)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from gongkai.clock import (
    Calendar,
    ClockError,
    ClockEvent,
    ClockSettings,
    ClockStatus,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionDelivered,
    CorrectionReceived,
    CorrectionRequested,
    Extension,
    FeeNoticeDelivered,
    FeeNoticeSent,
    FeePaid,
    Party,
    ScheduleMissing,
    WaitReason,
    YearSchedule,
    answer_deadline,
    status,
)

CAL = Calendar.official()
THIRD = Party.THIRD_PARTY

CASES: list[tuple[str, date, Sequence[ClockEvent], date]] = [
    # 2-04 (Sun) and 2-18 (Sun) worked; 2-10 to 2-17 off; 2-09 (除夕) was a working day.
    ("2024 春节", date(2024, 2, 1), [], date(2024, 3, 5)),
    # 2025-01-01 off in the middle of the period.
    ("2024→2025 元旦", date(2024, 12, 20), [], date(2025, 1, 20)),
    # 4-27 (Sun) worked; 5-01 to 5-05 off.
    ("2025 劳动节", date(2025, 4, 25), [], date(2025, 5, 27)),
    # 9-28 (Sun) and 10-11 (Sat) worked; 10-01 to 10-08 off.
    ("2025 国庆中秋", date(2025, 9, 26), [], date(2025, 10, 30)),
    # Confirmed on a holiday: day 1 is the first working day after it, 10-09.
    ("2025 received on a holiday", date(2025, 10, 3), [], date(2025, 11, 4)),
    # 2-14 (Sat) and 2-28 (Sat) worked; 2-15 to 2-23 off.
    ("2026 春节", date(2026, 2, 6), [], date(2026, 3, 12)),
    # 9-20 (Sun) worked; 9-25 to 9-27 中秋 and 10-01 to 10-07 国庆 off; 10-10 (Sat) worked.
    ("2026 中秋国庆", date(2026, 9, 18), [], date(2026, 10, 22)),
    ("2026 国庆", date(2026, 9, 28), [], date(2026, 10, 30)),
    # 补正: the period restarts from 9-20, when the corrected request arrived (第三十条).
    (
        "2024 correction restart",
        date(2024, 9, 10),
        [CorrectionRequested(date(2024, 9, 12)), CorrectionReceived(date(2024, 9, 20))],
        date(2024, 10, 23),
    ),
    # Consultation 3-10 to 3-17: 3-11..3-14 and 3-17, 5 working days, not counted; 清明 4-04..4-06.
    (
        "2025 consultation pause",
        date(2025, 3, 3),
        [ConsultationStarted(date(2025, 3, 10), THIRD), ConsultationEnded(date(2025, 3, 17))],
        date(2025, 4, 8),
    ),
    # Extension by 20 from 3-31: runs over 清明 and counts 4-27 (Sun), worked for 劳动节.
    (
        "2025 extension over 调休",
        date(2025, 3, 3),
        [Extension(date(2025, 3, 20), 20, "王主任")],
        date(2025, 4, 28),
    ),
    # A consultation that took longer than 15 working days: only 15 (3-05..3-25) are skipped.
    (
        "2025 consultation capped at 15",
        date(2025, 3, 3),
        [ConsultationStarted(date(2025, 3, 4), THIRD), ConsultationEnded(date(2025, 4, 15))],
        date(2025, 4, 22),
    ),
    # Two consultations that overlap: the union (3-11..3-19, 7 working days) is skipped once.
    (
        "2025 overlapping consultations",
        date(2025, 3, 3),
        [
            ConsultationStarted(date(2025, 3, 10), THIRD),
            ConsultationStarted(date(2025, 3, 12), Party.AGENCY),
            ConsultationEnded(date(2025, 3, 17), THIRD),
            ConsultationEnded(date(2025, 3, 19), Party.AGENCY),
        ],
        date(2025, 4, 10),
    ),
    # Fee notice 3-05, paid 3-12: 5 working days skipped (the default setting pauses); 清明 off.
    (
        "2026 fee pause",
        date(2026, 3, 2),
        [FeeNoticeSent(date(2026, 3, 5)), FeePaid(date(2026, 3, 12))],
        date(2026, 4, 7),
    ),
    # Correction, then consultation, then extension, all on one request.
    (
        "2026 everything",
        date(2026, 9, 28),
        [
            CorrectionRequested(date(2026, 9, 30)),
            CorrectionReceived(date(2026, 10, 12)),
            ConsultationStarted(date(2026, 10, 13), THIRD),
            ConsultationEnded(date(2026, 10, 20)),
            Extension(date(2026, 11, 2), 10, "李主任"),
        ],
        date(2026, 11, 30),
    ),
]


@pytest.mark.parametrize(
    ("received", "events", "due"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_deadline(received: date, events: Sequence[ClockEvent], due: date) -> None:
    deadline = answer_deadline(received, calendar=CAL, events=events, settings=ClockSettings())
    assert deadline.due == due
    assert deadline.findings == () or deadline.findings[0].code == "long_consultation"
    assert deadline.explain()[-1].endswith(
        f"{due.isoformat()}（星期{'一二三四五六日'[due.weekday()]}）：答复期限"
    )


def test_explanation_names_the_holidays_and_makeup_days() -> None:
    lines = answer_deadline(date(2026, 9, 28), calendar=CAL).explain()
    assert lines == [
        "2026-09-28（星期一） 收到申请（第三十一条），期限自次日起算",
        "2026-10-01 至 10-07 国庆节假期，不计",
        "2026-10-10（星期六）国庆节调休上班，计入",
        "自 2026-09-29 起算，不计节假日和周末，第 20 个工作日为 2026-10-30（星期五）：答复期限",
    ]


def test_explanation_of_a_consultation_and_an_extension() -> None:
    deadline = answer_deadline(date(2026, 9, 28), calendar=CAL, events=CASES[-1][2])
    text = "\n".join(deadline.explain())
    assert "2026-10-12 收到补正后的申请，答复期限自此重新计算（第三十条）" in text
    assert "征求第三方意见（第三十二条），5 个工作日不计入答复期限（第三十三条第三款）" in text
    assert "经 李主任 同意，延长答复期限 10 个工作日（第三十三条第二款）" in text
    assert "第 30 个工作日（20 个工作日 + 延长 10 个工作日）" in text
    assert deadline.starts == date(2026, 10, 12)
    assert deadline.working_days == 30
    assert deadline.paused_working_days == 5


def test_fee_period_counts_when_the_agency_says_so() -> None:
    events: list[ClockEvent] = [FeeNoticeSent(date(2026, 3, 5)), FeePaid(date(2026, 3, 12))]
    counted = answer_deadline(
        date(2026, 3, 2),
        calendar=CAL,
        events=events,
        settings=ClockSettings(fee_notice_pauses=False),
    )
    assert counted.due == date(2026, 3, 30)
    assert "收费期间照常计入答复期限" in "\n".join(counted.explain())


def test_unpaid_fee_waits_and_then_lapses() -> None:
    events = [FeeNoticeSent(date(2026, 3, 5)), FeeNoticeDelivered(date(2026, 3, 5))]
    paused = answer_deadline(date(2026, 3, 2), calendar=CAL, events=events)
    assert paused.due is None
    assert paused.waiting is not None and paused.waiting.reason is WaitReason.FEE
    assert paused.waiting.until == date(2026, 4, 2)  # 20 working days from the day after 3-05
    assert paused.lapses_on == date(2026, 4, 3)
    running = answer_deadline(
        date(2026, 3, 2),
        calendar=CAL,
        events=events,
        settings=ClockSettings(fee_notice_pauses=False),
    )
    assert running.due == date(2026, 3, 30)
    assert running.lapses_on == date(2026, 4, 3)


def test_pending_correction_waits_and_then_lapses() -> None:
    deadline = answer_deadline(
        date(2024, 9, 10),
        calendar=CAL,
        events=[CorrectionRequested(date(2024, 9, 12)), CorrectionDelivered(date(2024, 9, 12))],
    )
    assert deadline.due is None
    assert deadline.waiting is not None and deadline.waiting.reason is WaitReason.CORRECTION
    # 15 working days (the default) from the day after 9-12, over 中秋 and 国庆, 9-14 and 9-29 worked.
    assert deadline.waiting.until == date(2024, 10, 10)
    assert deadline.lapses_on == date(2024, 10, 11)
    assert "至 2024-10-10 仍未补正的，视为放弃申请（第三十条）" in "\n".join(deadline.explain())
    given = answer_deadline(
        date(2024, 9, 10),
        calendar=CAL,
        events=[CorrectionRequested(date(2024, 9, 12), 5), CorrectionDelivered(date(2024, 9, 12))],
    )
    assert given.lapses_on == date(2024, 9, 21)  # 9-13, 9-14 (Sat, worked), 9-18, 9-19, 9-20


def test_the_applicants_periods_run_from_delivery_not_from_sending() -> None:
    """第三十条 and the fee notice: a notice posted on 3-05 and signed for on 3-12 gives the
    applicant their whole period from 3-13; before delivery is recorded nothing can lapse."""
    sent = [CorrectionRequested(date(2026, 3, 5), 10)]
    undelivered = answer_deadline(date(2026, 3, 2), calendar=CAL, events=sent)
    assert undelivered.waiting is not None and undelivered.waiting.until is None
    assert undelivered.lapses_on is None
    assert status(undelivered, date(2026, 12, 31)) is ClockStatus.WAITING
    assert "送达前不会视为放弃申请" in "\n".join(undelivered.explain())
    delivered = answer_deadline(
        date(2026, 3, 2),
        calendar=CAL,
        events=[*sent, CorrectionDelivered(date(2026, 3, 12), "邮寄送达，王伟签收")],
    )
    # 10 working days from the day after 3-12, not from the day after 3-05 (3-19).
    assert delivered.lapses_on == date(2026, 3, 27)
    assert "补正告知送达申请人（邮寄送达，王伟签收），补正期限自次日起算至 2026-03-26" in "\n".join(
        delivered.explain()
    )
    fee = [FeeNoticeSent(date(2026, 3, 5)), FeeNoticeDelivered(date(2026, 3, 12))]
    waiting = answer_deadline(date(2026, 3, 2), calendar=CAL, events=fee)
    assert waiting.lapses_on == date(2026, 4, 11)  # 20 working days from 3-13 (清明 4-06 off)
    unpaid = answer_deadline(date(2026, 3, 2), calendar=CAL, events=fee[:1])
    assert unpaid.lapses_on is None


def test_open_consultation_is_estimated_at_15_working_days() -> None:
    deadline = answer_deadline(
        date(2025, 3, 3), calendar=CAL, events=[ConsultationStarted(date(2025, 3, 4), THIRD)]
    )
    assert deadline.due == date(2025, 4, 22)  # as if it ended on its 15th day, 3-25
    assert "尚未结束；按 15 个工作日（至 2025-03-25）估算" in "\n".join(deadline.explain())


@pytest.mark.parametrize(
    ("events", "code", "due"),
    [
        # 7 working days from 2024-09-10 end on 9-20 (9-14 worked, 中秋 off); 9-23 is late.
        (
            [CorrectionRequested(date(2024, 9, 23)), CorrectionReceived(date(2024, 9, 25))],
            "late_correction_request",
            date(2024, 10, 28),
        ),
        # The correction arrived after its 5-working-day period (to 9-20): flagged, still restarts.
        (
            [
                CorrectionRequested(date(2024, 9, 12), 5),
                CorrectionDelivered(date(2024, 9, 12)),
                CorrectionReceived(date(2024, 9, 23)),
            ],
            "late_correction",
            date(2024, 10, 24),
        ),
        # Extension decided after the original deadline, 10-14 (9-14, 9-29, 10-12 worked): it
        # does not take effect (第三十三条第二款), so the deadline stays 10-14 and stays breached.
        ([Extension(date(2024, 10, 16), 5, "王主任")], "late_extension", date(2024, 10, 14)),
        # Paid after the 20 working days (to 10-15); 9-12..10-30 paused, 9-11 counted.
        (
            [
                FeeNoticeSent(date(2024, 9, 11)),
                FeeNoticeDelivered(date(2024, 9, 11)),
                FeePaid(date(2024, 10, 30)),
            ],
            "late_fee_payment",
            date(2024, 11, 26),
        ),
    ],
)
def test_late_steps_are_flagged_not_refused(
    events: Sequence[ClockEvent], code: str, due: date
) -> None:
    deadline = answer_deadline(date(2024, 9, 10), calendar=CAL, events=events)
    assert [f.code for f in deadline.findings] == [code]
    assert deadline.due == due
    assert any(line.startswith("⚠") for line in deadline.explain())


@pytest.mark.parametrize(
    ("events", "message"),
    [
        (
            [Extension(date(2026, 3, 3), 5, "甲"), Extension(date(2026, 3, 4), 5, "乙")],
            "只能延长一次",
        ),
        (
            [CorrectionRequested(date(2026, 3, 3)), CorrectionRequested(date(2026, 3, 4))],
            "一次性告知",
        ),
        ([CorrectionReceived(date(2026, 3, 4))], "此前没有告知补正"),
        ([FeePaid(date(2026, 3, 4))], "此前没有收费通知"),
        ([ConsultationEnded(date(2026, 3, 4))], "没有尚未结束的征求意见"),
        (
            [
                ConsultationStarted(date(2026, 3, 3), THIRD),
                ConsultationStarted(date(2026, 3, 3), Party.AGENCY),
                ConsultationEnded(date(2026, 3, 4)),
            ],
            "请注明是哪一方的意见",
        ),
        ([FeeNoticeSent(date(2026, 2, 27))], "早于收到申请之日"),
    ],
)
def test_impossible_histories_are_refused(events: Sequence[ClockEvent], message: str) -> None:
    with pytest.raises(ClockError, match=message):
        answer_deadline(date(2026, 3, 2), calendar=CAL, events=events)


@pytest.mark.parametrize(
    ("days", "approver", "message"),
    [
        (21, "王主任", "最长不得超过 20 个工作日"),
        (0, "王主任", "至少延长 1 个工作日"),
        (5, " ", "批准人"),
    ],
)
def test_an_invalid_extension_is_refused(days: int, approver: str, message: str) -> None:
    with pytest.raises(ClockError, match=message) as caught:
        Extension(date(2026, 3, 3), days, approver)
    assert caught.value.code == "clock"


def test_a_deadline_in_an_unscheduled_year_says_so() -> None:
    with pytest.raises(ScheduleMissing, match="2027 年的法定节假日安排尚未录入"):
        answer_deadline(date(2026, 12, 10), calendar=CAL)


def test_a_deadline_in_an_administrator_supplied_year() -> None:
    y2027 = YearSchedule(
        2027,
        holidays=frozenset({date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)}),
        workdays=frozenset({date(2027, 1, 9)}),
    )
    cal = CAL.with_years([y2027])
    assert answer_deadline(date(2026, 12, 10), calendar=cal).due == date(2027, 1, 8)
    # 12-29, 12-30, 12-31, 1-04..1-08, 1-09 (Sat, worked), 1-11..1-15, 1-18..1-22, 1-25.
    assert answer_deadline(date(2026, 12, 28), calendar=cal).due == date(2027, 1, 25)
