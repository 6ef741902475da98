"""The answer deadline (答复期限): a pure function of the received date, the calendar, the clock
events and the agency's settings, explained step by step in Chinese.

The answer period is 20 working days (第三十三条第二款), counted from the day after the start
(see `gongkai.clock.calendar` for the convention). The start is the receipt date (第三十一条), or the
day the corrected request arrived (第三十条). Working days spent consulting (第三十三条第三款) and,
if the agency so chooses, waiting for a fee, are skipped; an extension adds its working days.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from gongkai.clock.calendar import Calendar, provisional_note
from gongkai.clock.events import (
    ANSWER_WORKING_DAYS,
    ClockEvent,
    ClockSettings,
    Extension,
    sort_key,
)
from gongkai.clock.pauses import consultations, correction, fee, validate
from gongkai.clock.steps import Step, calendar_steps, iso, with_weekday
from gongkai.clock.trace import ClockFinding, Trace, Waiting, WaitReason


@dataclass(frozen=True)
class Deadline:
    """An answer deadline with the steps that led to it and anything done out of time."""

    received: date
    starts: date  # the day the answer period counts from (day 0)
    due: date | None  # None while the clock waits for the applicant
    working_days: int  # 20, plus any extension
    paused_working_days: int  # working days skipped before `due`
    warn_from: date | None  # from this day on, the deadline is "due soon"
    waiting: Waiting | None
    steps: tuple[Step, ...]
    findings: tuple[ClockFinding, ...]
    #: Years the count ran through whose schedule is not entered: `due` is provisional until then.
    provisional_years: tuple[int, ...] = ()

    @property
    def provisional(self) -> bool:
        return bool(self.provisional_years)

    @property
    def lapses_on(self) -> date | None:
        """The day the application lapses (视为放弃申请) if the applicant does nothing more."""
        return self.waiting.lapses_on if self.waiting else None

    def explain(self) -> list[str]:
        return [step.text for step in self.steps]


def answer_deadline(
    received: date,
    *,
    calendar: Calendar,
    events: Sequence[ClockEvent] = (),
    settings: ClockSettings | None = None,
) -> Deadline:
    """The answer deadline of a request received on `received`, given what has happened since."""
    settings = settings or ClockSettings()
    ordered = sorted(events, key=sort_key)
    validate(received, ordered)
    trace = Trace(calendar, settings, received)
    trace.step(received, f"{with_weekday(received)} 收到申请（第三十一条），期限自次日起算")
    start = correction(trace, ordered)
    extensions = [e for e in ordered if isinstance(e, Extension)]
    for e in extensions:
        trace.step(
            e.on,
            f"{iso(e.on)} 经 {e.approver} 同意，延长答复期限 {e.working_days} 个工作日（第三十三条第二款）",
        )
    if trace.waiting is None:
        consultations(trace, ordered, start)
        fee(trace, ordered, start)
    extra = sum(e.working_days for e in extensions)
    total = ANSWER_WORKING_DAYS + extra
    due = warn_from = None
    paused = 0
    if trace.waiting is None or (
        trace.waiting.reason is WaitReason.FEE and not settings.fee_notice_pauses
    ):
        base = _walk(calendar, start, ANSWER_WORKING_DAYS, trace.paused)
        for e in extensions:
            if e.on > base:
                # 第三十三条第二款: the extension is decided within the answer period. One decided
                # after it cannot undo the breach: the deadline stays the original one.
                extra -= e.working_days
                trace.find(
                    "late_extension",
                    e.on,
                    f"延长答复期限的决定（{iso(e.on)}）晚于原答复期限 {iso(base)}，"
                    f"延期应在答复期限内决定（第三十三条第二款）；该延期不生效，"
                    f"答复期限仍为 {iso(base)}，此后答复即为超期",
                )
        total = ANSWER_WORKING_DAYS + extra
        due = _walk(calendar, start, total, trace.paused)
        warn_from = calendar.subtract_working_days(due, settings.due_soon_working_days)
        paused = sum(1 for d in trace.paused if start < d <= due)
        trace.steps.extend(calendar_steps(calendar, start, due, trace.paused))
    steps = sorted(trace.steps, key=lambda s: s.on)
    if due is not None:
        added = f"（{ANSWER_WORKING_DAYS} 个工作日 + 延长 {extra} 个工作日）" if extra else ""
        skipped = f"，跳过暂停期间 {paused} 个工作日" if paused else ""
        steps.append(
            Step(
                due,
                f"自 {iso(start + timedelta(days=1))} 起算，不计节假日和周末{skipped}，"
                f"第 {total} 个工作日{added}为 {with_weekday(due)}：答复期限",
            )
        )
    provisional = calendar.provisional_in(start, due) if due is not None else ()
    steps.extend(Step(steps[-1].on, f"暂定：{provisional_note(y)}") for y in provisional)
    return Deadline(
        received=received,
        starts=start,
        due=due,
        working_days=total,
        paused_working_days=paused,
        warn_from=warn_from,
        waiting=trace.waiting,
        steps=tuple(steps),
        findings=tuple(trace.findings),
        provisional_years=provisional,
    )


def _walk(calendar: Calendar, start: date, n: int, paused: frozenset[date] | set[date]) -> date:
    """The n-th working day after `start` that is not paused."""
    d = start
    while n:
        d += timedelta(days=1)
        if calendar.is_working_day(d) and d not in paused:
            n -= 1
    return d
