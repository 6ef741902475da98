"""Properties of the clock over the whole span of the official schedules."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.clock import (
    Calendar,
    ClockEvent,
    ClockSettings,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionReceived,
    CorrectionRequested,
    Extension,
    FeeNoticeSent,
    FeePaid,
    Party,
    answer_deadline,
)

CAL = Calendar.official()
# Late enough in 2026 would run into 2027, which has no schedule.
received_dates = st.dates(date(2004, 1, 1), date(2026, 6, 30))
offsets = st.integers(0, 30)
lengths = st.integers(0, 25)


@st.composite
def histories(draw: st.DrawFn) -> tuple[date, list[ClockEvent]]:
    received = draw(received_dates)
    events: list[ClockEvent] = []

    def day(after: date) -> date:
        return after + timedelta(days=draw(offsets))

    start = received
    if draw(st.booleans()):
        asked = day(received)
        start = day(asked)
        events += [CorrectionRequested(asked), CorrectionReceived(start)]
    if draw(st.booleans()):
        began = day(start)
        party = draw(st.sampled_from(Party))
        events.append(ConsultationStarted(began, party))
        if draw(st.booleans()):
            events.append(ConsultationEnded(began + timedelta(days=draw(lengths)), party))
    if draw(st.booleans()):
        events.append(Extension(day(received), draw(st.integers(1, 20)), "负责人"))
    if draw(st.booleans()):
        notice = day(start)
        events += [FeeNoticeSent(notice), FeePaid(notice + timedelta(days=draw(lengths)))]
    return received, events


fee_settings = st.builds(ClockSettings, fee_notice_pauses=st.booleans())


@settings(max_examples=300)
@given(histories(), fee_settings)
def test_a_deadline_never_lands_on_a_rest_day(
    history: tuple[date, list[ClockEvent]], clock: ClockSettings
) -> None:
    received, events = history
    deadline = answer_deadline(received, calendar=CAL, events=events, settings=clock)
    assert deadline.due is not None
    assert CAL.is_working_day(deadline.due)
    assert deadline.due > deadline.starts >= received
    assert deadline.warn_from is not None and deadline.warn_from <= deadline.due


@settings(max_examples=300)
@given(histories(), st.data())
def test_a_pause_never_moves_a_deadline_earlier(
    history: tuple[date, list[ClockEvent]], data: st.DataObject
) -> None:
    received, events = history
    before = answer_deadline(received, calendar=CAL, events=events).due
    began = received + timedelta(days=data.draw(st.integers(0, 60)))
    ended = began + timedelta(days=data.draw(lengths))
    more = [
        *events,
        ConsultationStarted(began, Party.AGENCY),
        ConsultationEnded(ended, Party.AGENCY),
    ]
    after = answer_deadline(received, calendar=CAL, events=more).due
    assert before is not None and after is not None
    assert after >= before
    if not any(isinstance(e, FeeNoticeSent) for e in events):
        paid = [*events, FeeNoticeSent(began), FeePaid(ended)]
        after_fee = answer_deadline(received, calendar=CAL, events=paid).due
        assert after_fee is not None and after_fee >= before


@given(received_dates, st.integers(0, 20), st.integers(0, 20))
def test_adding_working_days_is_monotonic(start: date, n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert CAL.add_working_days(start, low) <= CAL.add_working_days(start, high)
    later = start + timedelta(days=m)
    assert CAL.add_working_days(start, n) <= CAL.add_working_days(later, n)


@given(st.dates(date(2004, 3, 1), date(2026, 6, 30)), st.integers(1, 40))
def test_add_and_between_agree(start: date, n: int) -> None:
    end = CAL.add_working_days(start, n)
    assert CAL.is_working_day(end)
    assert CAL.working_days_between(start, end) == n
    assert CAL.subtract_working_days(end, n) <= end
    assert CAL.working_days_between(CAL.subtract_working_days(end, n), end) == n


@given(received_dates, st.integers(0, 20))
def test_an_extension_adds_exactly_its_working_days(received: date, n: int) -> None:
    base = answer_deadline(received, calendar=CAL)
    events = [Extension(received, n, "负责人")] if n else []
    extended = answer_deadline(received, calendar=CAL, events=events)
    assert base.due is not None and extended.due is not None
    assert CAL.working_days_between(base.due, extended.due) == n
