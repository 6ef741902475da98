"""The named actions on an application (依申请公开): register, correct, consult, extend, charge,
close. Each checks the actor's role, the status machine and the locked years, then writes the
change, its history row and its audit row in one transaction."""

from __future__ import annotations

import hashlib
import hmac
from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import F

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.application.status import Action, Status, transition
from gongkai.clock import Channel, receipt_date
from gongkai.errors import GongkaiError
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.deadlines import refresh_due
from gongkai.ledger.models import (
    Agency,
    Application,
    ApplicationCounter,
    ClockEvent,
    ClockEventKind,
    Role,
    StatusChange,
)


class InvalidRequest(GongkaiError):
    code = "invalid"


def identity_hash(id_number: str) -> str:
    """A keyed hash of an ID number: finds the same applicant's repeated requests (第三十五条)
    without storing a searchable plain value."""
    normalised = id_number.strip().upper()
    if not normalised:
        return ""
    key = hashlib.sha256(("gongkai-identity:" + settings.SECRET_KEY).encode()).digest()
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()


@transaction.atomic
def application_register(
    *,
    actor: Actor,
    agency: Agency,
    channel: Channel,
    handed_in: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
    applicant_kind: ApplicantKind,
    applicant_name: str,
    description: str,
    id_number: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    form_wanted: str = "",
    delivery: str = "",
    correction_reason: str = "",
) -> Application:
    """Register a request. The receipt date that starts the clock is the one 第三十一条 fixes for
    the channel: the day handed in, signed for, or confirmed with the applicant."""
    require_role(actor, agency, *STAFF_ROLES)
    received_on = receipt_date(
        channel, handed_in=handed_in, signed_for=signed_for, confirmed=confirmed
    )
    if not applicant_name.strip() or not description.strip():
        raise InvalidRequest("申请人姓名或名称、所需信息的描述不能为空（第二十九条）")
    guard_locked_years(
        actor=actor, agency=agency, dates=[received_on], reason=correction_reason, what="register"
    )
    application = Application(
        agency=agency,
        serial=_next_serial(agency, received_on.year),
        channel=channel,
        received_on=received_on,
        applicant_kind=applicant_kind,
        applicant_name=applicant_name.strip(),
        id_number=id_number.strip(),
        id_number_hash=identity_hash(id_number),
        phone=phone.strip(),
        email=email.strip(),
        address=address.strip(),
        description=description.strip(),
        form_wanted=form_wanted,
        delivery=delivery,
        status=Status.REGISTERED,
    )
    refresh_due(application, save=False)
    application.save()
    StatusChange.objects.create(
        application=application,
        action=Action.REGISTER,
        from_status="",
        to_status=Status.REGISTERED,
        on=received_on,
        by=actor,
    )
    audit(actor=actor, agency=agency, action="application_register", obj=application)
    return application


def _next_serial(agency: Agency, year: int) -> str:
    """The next 登记号 of the year, unique under concurrency: the counter row is locked by the
    UPDATE until the transaction ends."""
    counter, _ = ApplicationCounter.objects.get_or_create(agency=agency, year=year)
    ApplicationCounter.objects.filter(pk=counter.pk).update(last=F("last") + 1)
    last = ApplicationCounter.objects.values_list("last", flat=True).get(pk=counter.pk)
    return f"{year}-{last:05d}"


def _locked(application: Application) -> Application:
    """Re-read the application under a row lock, so concurrent edits queue instead of clash."""
    return Application.objects.select_for_update().select_related("agency").get(pk=application.pk)


def _move(
    application: Application,
    *,
    actor: Actor,
    action: Action,
    on: date,
    note: str = "",
) -> None:
    new = transition(application.status_enum, action)
    if on < application.received_on:
        raise InvalidRequest(f"日期 {on} 早于收到申请之日 {application.received_on}")
    StatusChange.objects.create(
        application=application,
        action=action.value,
        from_status=application.status,
        to_status=new,
        on=on,
        by=actor,
        note=note,
    )
    application.status = new


def _event(
    application: Application, kind: ClockEventKind, *, actor: Actor, on: date, **fields: object
) -> None:
    ClockEvent.objects.create(application=application, kind=kind, on=on, created_by=actor, **fields)


def _step(
    application: Application,
    *,
    actor: Actor,
    action: Action,
    kind: ClockEventKind,
    on: date,
    note: str = "",
    roles: tuple[Role, ...] = STAFF_ROLES,
    correction_reason: str = "",
    **fields: object,
) -> Application:
    """The common shape of a clock-moving action."""
    application = _locked(application)
    require_role(actor, application.agency, *roles)
    guard_locked_years(
        actor=actor,
        agency=application.agency,
        dates=[application.received_on, on],
        reason=correction_reason,
        what=action.value,
    )
    _move(application, actor=actor, action=action, on=on, note=note)
    _event(application, kind, actor=actor, on=on, note=note, **fields)
    refresh_due(application)
    audit(
        actor=actor,
        agency=application.agency,
        action=f"application_{action.value}",
        obj=application,
        on=on,
    )
    return application


@transaction.atomic
def application_request_correction(
    *, actor: Actor, application: Application, on: date, note: str = ""
) -> Application:
    """补正 (第三十条): ask the applicant once to make the request clear."""
    if application.clock_events.filter(kind=ClockEventKind.CORRECTION_REQUESTED).exists():
        raise InvalidRequest("补正只能告知一次（第三十条）")
    return _step(
        application,
        actor=actor,
        action=Action.REQUEST_CORRECTION,
        kind=ClockEventKind.CORRECTION_REQUESTED,
        on=on,
        note=note,
    )


@transaction.atomic
def application_receive_correction(
    *, actor: Actor, application: Application, on: date, note: str = ""
) -> Application:
    return _step(
        application,
        actor=actor,
        action=Action.RECEIVE_CORRECTION,
        kind=ClockEventKind.CORRECTION_RECEIVED,
        on=on,
        note=note,
    )


@transaction.atomic
def application_start_consultation(
    *, actor: Actor, application: Application, on: date, party: str, note: str = ""
) -> Application:
    """征求意见 (第三十二、三十四条): the time spent is not counted in the answer period."""
    if party not in ("third_party", "agency"):
        raise InvalidRequest("征求意见的对象应为第三方（third_party）或其他机关（agency）")
    return _step(
        application,
        actor=actor,
        action=Action.START_CONSULTATION,
        kind=ClockEventKind.CONSULTATION_STARTED,
        on=on,
        note=note,
        party=party,
    )


@transaction.atomic
def application_end_consultation(
    *, actor: Actor, application: Application, on: date, note: str = ""
) -> Application:
    started = application.clock_events.filter(kind=ClockEventKind.CONSULTATION_STARTED).last()
    return _step(
        application,
        actor=actor,
        action=Action.END_CONSULTATION,
        kind=ClockEventKind.CONSULTATION_ENDED,
        on=on,
        note=note,
        party=started.party if started else "",
    )


@transaction.atomic
def application_send_fee_notice(
    *, actor: Actor, application: Application, on: date, note: str = ""
) -> Application:
    return _step(
        application,
        actor=actor,
        action=Action.SEND_FEE_NOTICE,
        kind=ClockEventKind.FEE_NOTICE_SENT,
        on=on,
        note=note,
    )


@transaction.atomic
def application_receive_fee(
    *, actor: Actor, application: Application, on: date, note: str = ""
) -> Application:
    return _step(
        application,
        actor=actor,
        action=Action.RECEIVE_FEE,
        kind=ClockEventKind.FEE_PAID,
        on=on,
        note=note,
    )


@transaction.atomic
def application_extend(
    *, actor: Actor, application: Application, on: date, working_days: int, note: str = ""
) -> Application:
    """延长答复期限 (第三十三条): once, at most 20 working days, approved by the head of office."""
    application = _locked(application)
    require_role(actor, application.agency, Role.HEAD)
    if not application.status_enum.is_open:
        raise InvalidRequest("已办结的申请不能延期")
    if application.clock_events.filter(kind=ClockEventKind.EXTENSION).exists():
        raise InvalidRequest("答复期限只能延长一次（第三十三条）")
    if not 1 <= working_days <= 20:
        raise InvalidRequest("延长的期限最长不得超过 20 个工作日（第三十三条）")
    _event(
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


@transaction.atomic
def application_close(
    *,
    actor: Actor,
    application: Application,
    on: date,
    outcome: Outcome,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """办结: exactly one outcome, on a date not before receipt."""
    application = _locked(application)
    require_role(actor, application.agency, *STAFF_ROLES)
    guard_locked_years(
        actor=actor,
        agency=application.agency,
        dates=[application.received_on, on],
        reason=correction_reason,
        what="close",
    )
    _move(application, actor=actor, action=Action.CLOSE, on=on, note=note)
    application.outcome = outcome
    application.closed_on = on
    application.save(update_fields=["status", "outcome", "closed_on", "updated_at"])
    audit(
        actor=actor,
        agency=application.agency,
        action="application_close",
        obj=application,
        outcome=outcome.value,
        on=on,
    )
    return application


@transaction.atomic
def application_assign(
    *, actor: Actor, application: Application, assignee: Actor | None
) -> Application:
    application = _locked(application)
    require_role(actor, application.agency, Role.HEAD, Role.ADMIN, Role.CLERK)
    if assignee is not None:
        require_role(assignee, application.agency, *STAFF_ROLES)
    application.assigned_to = assignee
    application.save(update_fields=["assigned_to", "updated_at"])
    audit(
        actor=actor,
        agency=application.agency,
        action="application_assign",
        obj=application,
        assignee=getattr(assignee, "pk", None),
    )
    return application
