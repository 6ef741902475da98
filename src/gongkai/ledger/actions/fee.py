"""The processing fee (信息处理费, 第四十二条, 国办函〔2020〕109号): sending the notice with its amount,
receiving the payment, and the lapse when the applicant does not pay in time."""

from __future__ import annotations

from datetime import date

from gongkai.application.status import Action, Status, transition
from gongkai.clock import WaitReason
from gongkai.fees import FeeMethod
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.clock import deliver, require_lapsed
from gongkai.ledger.actions.steps import InvalidRequest, locked, step
from gongkai.ledger.fee import quote
from gongkai.ledger.models import Application, ClockEventKind, FeeNotice
from gongkai.ledger.writes import action


@action
def application_send_fee_notice(
    *,
    actor: Actor,
    application: Application,
    on: date,
    method: FeeMethod,
    pages: int | None = None,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """收费通知: the amount is computed here, by one method, from the ledger's own counts; a request
    that would cost nothing is free and needs no notice."""
    application = locked(application)
    require_role(actor, application.agency, *STAFF_ROLES)
    transition(application.status_enum, Action.SEND_FEE_NOTICE)
    if FeeNotice.objects.filter(application=application).exists():
        raise InvalidRequest("收费通知只能发出一次")
    priced = quote(application, method=method, pages=pages)
    fee = priced.fee
    if fee.free:
        raise InvalidRequest(
            f"{'；'.join(fee.explain())}。应收金额为 0，申请免费办理，无需发出收费通知"
            "（第四十二条：依申请提供政府信息不收取费用，超出合理范围的才可收取信息处理费）"
        )
    step(
        application,
        actor=actor,
        action=Action.SEND_FEE_NOTICE,
        kind=ClockEventKind.FEE_NOTICE_SENT,
        on=on,
        note=note,
        correction_reason=correction_reason,
        details={"method": method.value, "amount": str(fee.amount)},
    )
    FeeNotice.objects.create(
        application=application,
        method=method,
        nth_in_month=priced.nth_in_month,
        pages=priced.pages,
        amount=fee.amount,
        breakdown=fee.explain(),
        sent_on=on,
    )
    return application


@action
def application_deliver_fee_notice(
    *,
    actor: Actor,
    application: Application,
    on: date,
    channel: str,
    signed_by: str = "",
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """The fee notice reached the applicant (送达): the payment period counts from the next day."""
    return deliver(
        locked(application),
        actor=actor,
        notice=ClockEventKind.FEE_NOTICE_SENT,
        on=on,
        channel=channel,
        signed_by=signed_by,
        note=note,
        correction_reason=correction_reason,
    )


@action
def application_receive_fee(
    *,
    actor: Actor,
    application: Application,
    on: date,
    note: str = "",
    correction_reason: str = "",
) -> Application:
    """缴费: the answer clock runs again (or never stopped, by the agency's setting)."""
    application = locked(application)
    require_role(actor, application.agency, *STAFF_ROLES)
    transition(application.status_enum, Action.RECEIVE_FEE)
    notice = FeeNotice.objects.select_for_update().filter(application=application).first()
    if notice is None:
        raise InvalidRequest("没有收费通知，无法记录缴费")
    if on < notice.sent_on:
        raise InvalidRequest(f"缴费日期 {on} 早于收费通知发出之日 {notice.sent_on}")
    step(
        application,
        actor=actor,
        action=Action.RECEIVE_FEE,
        kind=ClockEventKind.FEE_PAID,
        on=on,
        note=note,
        correction_reason=correction_reason,
        details={"amount": str(notice.amount)},
    )
    notice.paid_on = on
    notice.save(update_fields=["paid_on"])
    return application


def record_fee_lapse(application: Application, *, on: date) -> None:
    """Part of closing with 「其他处理：申请人逾期未缴纳信息处理费」: allowed only for a notice still
    unpaid once the payment period, counted from the notice's delivery, is over. The caller holds
    the row lock."""
    notice = FeeNotice.objects.select_for_update().filter(application=application).first()
    if application.status != Status.AWAITING_FEE or notice is None or notice.paid_on:
        raise InvalidRequest(
            "只有已发出收费通知、尚未缴费的申请，才能以“申请人逾期未缴纳信息处理费”办结"
        )
    require_lapsed(application, on=on, reason=WaitReason.FEE, outcome="申请人逾期未缴纳信息处理费")
    notice.lapsed_on = on
    notice.save(update_fields=["lapsed_on"])
