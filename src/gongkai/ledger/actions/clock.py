"""The steps that move an application's answer clock: 补正 (第三十条), 征求意见 (第三十二、三十四条)
and 延期 (第三十三条), and the delivery (送达) of a notice that gives the applicant a period. Each is
stored as a clock event, so the deadline can always be recomputed."""

from __future__ import annotations

from datetime import date

from gongkai.application.status import Action, Status, transition
from gongkai.clock import WaitReason
from gongkai.ledger.access import Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.steps import InvalidRequest, event, guard, locked, step
from gongkai.ledger.deadlines import deadline_of, delivery_of, refresh_due
from gongkai.ledger.models import (
    DELIVERY_OF,
    Application,
    ClockEventKind,
    DeliveryChannel,
    Letter,
    Role,
)
from gongkai.ledger.writes import action
from gongkai.letters import LetterKind

#: The longest period an agency may give for a correction (a bound on typing errors, not law).
MAX_CORRECTION_WORKING_DAYS = 60


@action
def application_request_correction(
    *,
    actor: Actor,
    application: Application,
    on: date,
    working_days: int | None = None,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """补正 (第三十条): ask the applicant once to make the request clear, within `working_days`
    (合理的补正期限, the agency's default when None) counted from the day after the request
    reaches the applicant (see `application_deliver_correction_request`)."""
    application = locked(application)
    if application.clock_events.filter(kind=ClockEventKind.CORRECTION_REQUESTED).exists():
        raise InvalidRequest("补正只能告知一次（第三十条）")
    if working_days is None:
        working_days = application.agency.correction_working_days
    if not 1 <= working_days <= MAX_CORRECTION_WORKING_DAYS:
        raise InvalidRequest(
            f"补正期限应为 1 至 {MAX_CORRECTION_WORKING_DAYS} 个工作日，而不是 {working_days} 个"
        )
    return step(
        application,
        actor=actor,
        action=Action.REQUEST_CORRECTION,
        kind=ClockEventKind.CORRECTION_REQUESTED,
        on=on,
        note=note,
        correction_reason=correction_reason,
        details={"working_days": working_days},
        working_days=working_days,
    )


@action
def application_deliver_correction_request(
    *,
    actor: Actor,
    application: Application,
    on: date,
    channel: str,
    signed_by: str = "",
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """The request for correction reached the applicant (送达): the correction period counts from
    the next day (第三十条)."""
    return deliver(
        locked(application),
        actor=actor,
        notice=ClockEventKind.CORRECTION_REQUESTED,
        on=on,
        channel=channel,
        signed_by=signed_by,
        note=note,
        correction_reason=correction_reason,
    )


#: The letters that carry a notice whose delivery starts the applicant's period (第三十条; the
#: fee rules), with the step that records the delivery: recorded once, from the step or from the
#: letter's 「记录送达」, and shown on both.
NOTICE_LETTERS: dict[ClockEventKind, tuple[LetterKind, Action]] = {
    ClockEventKind.CORRECTION_REQUESTED: (
        LetterKind.CORRECTION_REQUEST,
        Action.DELIVER_CORRECTION_REQUEST,
    ),
    ClockEventKind.FEE_NOTICE_SENT: (LetterKind.FEE_NOTICE, Action.DELIVER_FEE_NOTICE),
}


def deliver(
    application: Application,
    *,
    actor: Actor,
    notice: ClockEventKind,
    on: date,
    channel: str,
    signed_by: str,
    note: str,
    correction_reason: str,
) -> Application:
    """Record that `notice` reached the applicant, how, and who signed for it, as the notice's
    delivery step (`NOTICE_LETTERS`). The caller holds the row lock."""
    label = ClockEventKind(notice).label
    sent = application.clock_events.filter(kind=notice).first()
    if sent is None:
        raise InvalidRequest(f"尚未{label}，无法记录送达")
    delivered = delivery_of(application, notice)
    if delivered is not None:
        raise InvalidRequest(f"已记录于 {delivered.on} 送达，不能重复记录")
    if on < sent.on:
        raise InvalidRequest(f"送达日期 {on} 早于{label}之日 {sent.on}")
    try:
        how = DeliveryChannel(channel)
    except ValueError:
        raise InvalidRequest(
            f"送达方式应为：{'、'.join(str(c.label) for c in DeliveryChannel)}"
        ) from None
    if how.needs_signature and not signed_by.strip():
        raise InvalidRequest(
            f"{how.short}须填写签收人（以送达回证或邮件回执上的签收为准），送达日期为签收之日"
        )
    signed = f"，{signed_by.strip()}签收" if signed_by.strip() else ""
    Letter.objects.filter(
        application=application, kind=NOTICE_LETTERS[notice][0].value, sent_on__isnull=True
    ).update(sent_on=on)
    return step(
        application,
        actor=actor,
        action=NOTICE_LETTERS[notice][1],
        kind=DELIVERY_OF[notice],
        on=on,
        note="；".join(filter(None, (f"{how.short}{signed}", note.strip()))),
        correction_reason=correction_reason,
        details={"channel": how.value},
        delivery_channel=how.value,
        signed_by=signed_by.strip(),
    )


def require_lapsed(application: Application, *, on: date, reason: WaitReason, outcome: str) -> None:
    """Refuse to close as lapsed (视为放弃申请) before the applicant's period, counted from the
    day after the notice's delivery, is over on `on`."""
    waiting = deadline_of(application).waiting
    notice = "补正告知" if reason is WaitReason.CORRECTION else "收费通知"
    period = f"{reason.label}期限"
    if waiting is None or waiting.reason is not reason:
        raise InvalidRequest(f"该申请没有在等待申请人{reason.label}，不能以“{outcome}”办结")
    if waiting.until is None:
        raise InvalidRequest(
            f"{notice}尚未记录送达：{period}自送达申请人次日起计算，送达前不能以“{outcome}”办结"
        )
    if on <= waiting.until:
        raise InvalidRequest(
            f"{period}至 {waiting.until} 才届满（自{notice}送达次日起算），"
            f"{on} 还不能以“{outcome}”办结"
        )


def record_correction_lapse(application: Application, *, on: date) -> None:
    """Part of closing with 「其他处理：申请人无正当理由逾期不补正」 (第三十条): the request is
    still waiting for a correction and the correction period, counted from delivery, is over; or
    the correction arrived after it. The caller holds the row lock."""
    outcome = "申请人无正当理由逾期不补正"
    if application.status == Status.AWAITING_CORRECTION:
        require_lapsed(application, on=on, reason=WaitReason.CORRECTION, outcome=outcome)
        return
    if not any(f.code == "late_correction" for f in deadline_of(application).findings):
        raise InvalidRequest(
            f"只有已告知补正、补正期限届满仍未补正（或逾期才补正）的申请，才能以“{outcome}”办结"
        )


@action
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


@action
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


@action
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


@action
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
    transition(application.status_enum, Action.EXTEND)
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
    application.save(update_fields=["due_on", "due_provisional", "updated_at"])
    audit(
        actor=actor,
        agency=application.agency,
        action="application_extend",
        obj=application,
        working_days=working_days,
    )
    return application
