"""The named actions on an application (依申请公开): register, close, assign. The steps between are
in `actions.clock` (补正, 征求意见, 延期) and `actions.fee` (收费). Each checks the actor's role, the
status machine and the locked years, then writes the change, its history row and its audit row in
one transaction."""

from __future__ import annotations

from datetime import date
from typing import Required, TypedDict, Unpack

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import (
    IdKind,
    applicant_problems,
    clean_id,
    clean_phone,
    default_kind,
)
from gongkai.application.outcome import Outcome
from gongkai.application.status import Action, Status
from gongkai.clock import Channel, receipt_date
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.clock import record_correction_lapse
from gongkai.ledger.actions.counter import next_serial
from gongkai.ledger.actions.fee import record_fee_lapse
from gongkai.ledger.actions.steps import InvalidRequest, guard, locked, move
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.applicant import identity_hash
from gongkai.ledger.deadlines import refresh_due
from gongkai.ledger.models import (
    Agency,
    Application,
    ApplicationCounter,
    Role,
    StatusChange,
)
from gongkai.ledger.writes import action

__all__ = ["InvalidRequest", "create_application", "identity_hash"]


class Intake(TypedDict, total=False):
    """What a registration takes in besides the actor and the agency (see `create_application`)."""

    channel: Required[Channel]
    handed_in: date | None
    signed_for: date | None
    confirmed: date | None
    applicant_kind: Required[ApplicantKind]
    applicant_name: Required[str]
    description: Required[str]
    id_kind: IdKind | None
    id_number: str
    phone: str
    email: str
    address: str
    form_wanted: str
    delivery: str
    correction_reason: str


@action
def application_register(*, actor: Actor, agency: Agency, **intake: Unpack[Intake]) -> Application:
    """Register a request taken in by the agency's staff. The receipt date that starts the clock
    is the one 第三十一条 fixes for the channel: the day handed in, signed for, or confirmed with
    the applicant."""
    require_role(actor, agency, *STAFF_ROLES)
    return create_application(actor=actor, agency=agency, **intake)


@action
def create_application(
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
    id_kind: IdKind | None = None,
    id_number: str = "",
    phone: str = "",
    email: str = "",
    address: str = "",
    form_wanted: str = "",
    delivery: str = "",
    correction_reason: str = "",
    identity_required: bool = False,
) -> Application:
    """The registration itself, for callers that have decided access already: staff through
    `application_register`, the online portal through its system actor. Everything else is
    checked here: the contents of 第二十九条 (a 身份证明 or phone number given must have its
    document's form: `applicant_problems`, as the forms check it), the receipt date, the locked
    years. `id_kind` None is the resident ID for a person, the credit code for an organisation;
    `identity_required`: the numbers may not be left out (online, nobody can ask for them)."""
    received_on = receipt_date(
        channel, handed_in=handed_in, signed_for=signed_for, confirmed=confirmed
    )
    if not applicant_name.strip() or not description.strip():
        raise InvalidRequest("申请人姓名或名称、所需信息的描述不能为空（第二十九条）")
    person = applicant_kind is ApplicantKind.NATURAL_PERSON
    problems = applicant_problems(
        person=person,
        kind=id_kind,
        number=id_number,
        phone=phone,
        required=identity_required,
        today=received_on,
    )
    if problems:
        raise InvalidRequest("；".join(problems.values()) + "（第二十九条）")
    guard_locked_years(
        actor=actor, agency=agency, dates=[received_on], reason=correction_reason, what="register"
    )
    application = Application(
        agency=agency,
        serial=f"{received_on.year}-{next_serial(ApplicationCounter, agency, received_on.year):05d}",
        channel=channel,
        received_on=received_on,
        applicant_kind=applicant_kind,
        applicant_name=applicant_name.strip(),
        id_kind=(id_kind or default_kind(person)) if id_number.strip() else "",
        id_number=clean_id(id_number),
        id_number_hash=identity_hash(id_number),
        phone=clean_phone(phone),
        email=email.strip(),
        address=address.strip(),
        description=description.strip(),
        form_wanted=form_wanted,
        delivery=delivery,
        status=Status.REGISTERED,
    )
    refresh_due(application)
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


@action
def application_close(
    *,
    actor: Actor,
    application: Application,
    on: date,
    outcome: Outcome,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """办结: exactly one outcome, on a date not before receipt. 「逾期未缴纳信息处理费」 and
    「逾期不补正」 only once the applicant's period, counted from the notice's delivery, is over."""
    application = locked(application)
    require_role(actor, application.agency, *STAFF_ROLES)
    guard(application, actor=actor, on=on, reason=correction_reason, what="close")
    if outcome is Outcome.OTHER_FEE_UNPAID:
        record_fee_lapse(application, on=on)
    if outcome is Outcome.OTHER_NO_CORRECTION:
        record_correction_lapse(application, on=on)
    move(application, actor=actor, action=Action.CLOSE, on=on, note=note)
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


@action
def application_assign(
    *, actor: Actor, application: Application, assignee: Actor | None
) -> Application:
    """Give the application to a member of the agency's staff (None: nobody)."""
    application = locked(application)
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
