"""The answer deadline of an application: the core clock fed with the ledger's rows.

The calendar is the bundled official schedule plus the years an administrator entered
(HolidaySchedule). A deadline is never stored as truth: `due_on` is a cache recomputed from the
clock events after every change, so any deadline can be recomputed and explained.
"""

from __future__ import annotations

from collections.abc import Collection

from gongkai.clock import (
    Calendar,
    ClockSettings,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionDelivered,
    CorrectionReceived,
    CorrectionRequested,
    Deadline,
    Extension,
    FeeNoticeDelivered,
    FeeNoticeSent,
    FeePaid,
    Party,
    answer_deadline,
)
from gongkai.clock import (
    ClockEvent as CoreEvent,
)
from gongkai.ledger.models import (
    DELIVERY_OF,
    Agency,
    Application,
    ClockEvent,
    ClockEventKind,
    HolidaySchedule,
)


def calendar() -> Calendar:
    """The official years, the entered ones, and any later year counted on its known parts
    (weekends, 元旦) so that no deadline is ever missing; such deadlines are marked provisional."""
    return entered_calendar().provisional()


def entered_calendar() -> Calendar:
    """The official years and the entered ones only: raises ScheduleMissing for any other year."""
    return Calendar.official().with_years(s.as_schedule() for s in HolidaySchedule.objects.all())


def _core_event(row: ClockEvent) -> CoreEvent:
    kind = ClockEventKind(row.kind)
    if kind is ClockEventKind.CORRECTION_REQUESTED:
        return CorrectionRequested(on=row.on, working_days=row.working_days)
    if kind is ClockEventKind.CORRECTION_DELIVERED:
        return CorrectionDelivered(on=row.on, how=row.delivery_text)
    if kind is ClockEventKind.CORRECTION_RECEIVED:
        return CorrectionReceived(on=row.on)
    if kind is ClockEventKind.CONSULTATION_STARTED:
        return ConsultationStarted(on=row.on, party=Party(row.party or Party.THIRD_PARTY))
    if kind is ClockEventKind.CONSULTATION_ENDED:
        return ConsultationEnded(on=row.on, party=Party(row.party) if row.party else None)
    if kind is ClockEventKind.EXTENSION:
        approver = str(row.approver) if row.approver else ""
        return Extension(on=row.on, working_days=row.working_days or 0, approver=approver)
    if kind is ClockEventKind.FEE_NOTICE_SENT:
        return FeeNoticeSent(on=row.on)
    if kind is ClockEventKind.FEE_NOTICE_DELIVERED:
        return FeeNoticeDelivered(on=row.on, how=row.delivery_text)
    return FeePaid(on=row.on)


def delivery_of(application: Application, notice: ClockEventKind) -> ClockEvent | None:
    """The delivery (送达) of `notice` (告知补正 or 发出收费通知) to the applicant: its row, with
    `on` (the delivery date the applicant's period counts from), `delivery_channel`, `signed_by`
    and `delivery_text`; None while it is not recorded."""
    return application.clock_events.filter(kind=DELIVERY_OF[notice]).first()


def deadline_of(application: Application, cal: Calendar | None = None) -> Deadline:
    """The explained deadline, provisional where a needed year has no schedule."""
    events = [_core_event(e) for e in application.clock_events.all()] if application.pk else []
    return answer_deadline(
        application.received_on,
        calendar=cal or calendar(),
        events=events,
        settings=settings_of(application.agency),
    )


def settings_of(agency: Agency) -> ClockSettings:
    return ClockSettings(
        fee_notice_pauses=agency.fee_notice_pauses_clock,
        fee_payment_working_days=agency.fee_payment_working_days,
        correction_working_days=agency.correction_working_days,
    )


def refresh_due(application: Application, *, cal: Calendar | None = None) -> Deadline:
    """Recompute the cached `due_on` (None while the clock waits for the applicant: 补正, 缴费)
    and whether it is provisional, on the instance (the calling action saves it); returns the
    deadline it was computed from."""
    deadline = deadline_of(application, cal)
    application.due_on = deadline.due
    application.due_provisional = deadline.provisional
    return deadline


def deadline_without(
    application: Application, kinds: Collection[ClockEventKind], cal: Calendar | None = None
) -> Deadline:
    """The deadline as it stood without the events of `kinds`: e.g. the original deadline that an
    extension (第三十三条第二款) moved, for the letter that tells the applicant."""
    rows = [e for e in application.clock_events.all() if e.kind not in kinds]
    return answer_deadline(
        application.received_on,
        calendar=cal or calendar(),
        events=[_core_event(e) for e in rows],
        settings=settings_of(application.agency),
    )
