"""The steps that move an application's answer clock: 补正 (第三十条), 征求意见 (第三十二、三十四条)
and 延期 (第三十三条). Each is stored as a clock event, so the deadline can always be recomputed."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.application.status import Action
from gongkai.ledger.access import Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.steps import InvalidRequest, event, guard, locked, step
from gongkai.ledger.deadlines import deadline_of, refresh_due
from gongkai.ledger.models import Application, ClockEventKind, Role


@transaction.atomic
def application_request_correction(
    *,
    actor: Actor,
    application: Application,
    on: date,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """补正 (第三十条): ask the applicant once to make the request clear."""
    application = locked(application)
    if application.clock_events.filter(kind=ClockEventKind.CORRECTION_REQUESTED).exists():
        raise InvalidRequest("补正只能告知一次（第三十条）")
    return step(
        application,
        actor=actor,
        action=Action.REQUEST_CORRECTION,
        kind=ClockEventKind.CORRECTION_REQUESTED,
        on=on,
        note=note,
        correction_reason=correction_reason,
    )


@transaction.atomic
def application_receive_correction(
    *,
    actor: Actor,
    application: Application,
    on: date,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    return step(
        locked(application),
        actor=actor,
        action=Action.RECEIVE_CORRECTION,
        kind=ClockEventKind.CORRECTION_RECEIVED,
        on=on,
        note=note,
        correction_reason=correction_reason,
    )


@transaction.atomic
def application_start_consultation(
    *,
    actor: Actor,
    application: Application,
    on: date,
    party: str,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """征求意见 (第三十二、三十四条): the time spent is not counted in the answer period."""
    if party not in ("third_party", "agency"):
        raise InvalidRequest("征求意见的对象应为第三方（third_party）或其他机关（agency）")
    return step(
        locked(application),
        actor=actor,
        action=Action.START_CONSULTATION,
        kind=ClockEventKind.CONSULTATION_STARTED,
        on=on,
        note=note,
        correction_reason=correction_reason,
        party=party,
    )


@transaction.atomic
def application_end_consultation(
    *,
    actor: Actor,
    application: Application,
    on: date,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    application = locked(application)
    started = application.clock_events.filter(kind=ClockEventKind.CONSULTATION_STARTED).last()
    return step(
        application,
        actor=actor,
        action=Action.END_CONSULTATION,
        kind=ClockEventKind.CONSULTATION_ENDED,
        on=on,
        note=note,
        correction_reason=correction_reason,
        party=started.party if started else "",
    )


@transaction.atomic
def application_extend(
    *,
    actor: Actor,
    application: Application,
    on: date,
    working_days: int,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """延长答复期限 (第三十三条第二款): once, at most 20 working days, approved by the head of office,
    and decided within the answer period: an extension decided after the deadline is refused, so
    a breach stays a breach."""
    application = locked(application)
    require_role(actor, application.agency, Role.HEAD)
    if not application.status_enum.is_open:
        raise InvalidRequest("已办结的申请不能延期")
    if application.clock_events.filter(kind=ClockEventKind.EXTENSION).exists():
        raise InvalidRequest("答复期限只能延长一次（第三十三条）")
    if not 1 <= working_days <= 20:
        raise InvalidRequest("延长的期限最长不得超过 20 个工作日（第三十三条）")
    if on < application.received_on:
        raise InvalidRequest(f"日期 {on} 早于收到申请之日 {application.received_on}")
    due = deadline_of(application).due
    if due is not None and on > due:
        raise InvalidRequest(
            f"答复期限已于 {due} 届满，{on} 不能再延长：延长答复期限应在答复期限内决定"
            "（第三十三条第二款）。该申请已超期，请尽快答复"
        )
    guard(application, actor=actor, on=on, reason=correction_reason, what="extend")
    event(
        application,
        ClockEventKind.EXTENSION,
        actor=actor,
        on=on,
        working_days=working_days,
        approver=actor,
        note=note,
    )
    refresh_due(application)
    audit(
        actor=actor,
        agency=application.agency,
        action="application_extend",
        obj=application,
        working_days=working_days,
    )
    return application
