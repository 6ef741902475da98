"""An application's processing fee as the ledger sees it: the quote by one method, and where the
notice stands (第四十二条, 国办函〔2020〕109号). Reads only; the changes are in `actions.fee`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from functools import partial

from gongkai.clock import Calendar, ScheduleMissing
from gongkai.errors import GongkaiError
from gongkai.fees import Fee, FeeMethod, application_fee
from gongkai.ledger.applicant import nth_in_month
from gongkai.ledger.deadlines import delivery_of, settings_of
from gongkai.ledger.models import Application, ClockEvent, ClockEventKind, FeeNotice


class FeeRefused(GongkaiError):
    code = "fee_refused"


@dataclass(frozen=True)
class Quote:
    """A fee and the count it was computed from."""

    fee: Fee
    nth_in_month: int | None = None  # 按件计收
    pages: int | None = None  # 按量计收


def quote(application: Application, *, method: FeeMethod, pages: int | None = None) -> Quote:
    """The fee by `method`: per application from the applicant's n-th application of the month
    (same ID number, this agency), per page from `pages`. Giving pages to the per-application
    method is refused: the two methods are never combined."""
    if method is FeeMethod.PER_APPLICATION:
        n = nth_in_month(application)
        if n is None:
            raise FeeRefused(
                "申请未登记身份证件号码，无法统计同一申请人本月的申请件数，不能按件计收"
            )
        return Quote(application_fee(nth_in_month=n, pages=pages), nth_in_month=n)
    if pages is None:
        raise FeeRefused("按量计收须填写页数")
    return Quote(application_fee(pages=pages), pages=pages)


@dataclass(frozen=True)
class FeeState:
    """Where the notice stands on `today`, for the application page."""

    notice: FeeNotice
    delivery: ClockEvent | None  # when and how the notice reached the applicant (送达)
    pay_by: date | None  # the last day to pay; None before delivery or without the year's holidays
    lapsed: bool  # unpaid and the payment period is over: 视为放弃申请
    label: str
    problem: str = ""  # why pay_by is unknown


def pay_by(delivery: ClockEvent, application: Application, cal: Calendar) -> date:
    """The last day to pay: the n-th working day after the notice reached the applicant."""
    days = settings_of(application.agency).fee_payment_working_days
    return cal.add_working_days(delivery.on, days)


def fee_state(application: Application, *, today: date, cal: Calendar) -> FeeState | None:
    notice = FeeNotice.objects.filter(application=application).first()
    if notice is None:
        return None
    delivery = delivery_of(application, ClockEventKind.FEE_NOTICE_SENT)
    until, problem = None, "收费通知尚未记录送达，缴费期限自送达申请人次日起计算"
    if delivery is not None:
        try:
            until, problem = pay_by(delivery, application, cal), ""
        except ScheduleMissing as exc:
            problem = exc.message
    state = partial(FeeState, notice, delivery, until, problem=problem)
    if notice.paid_on:
        return state(False, f"已于 {notice.paid_on:%Y-%m-%d} 缴费")
    if notice.lapsed_on:
        return state(True, f"逾期未缴费，视为放弃申请，已于 {notice.lapsed_on:%Y-%m-%d} 办结")
    if until is not None and today > until:
        return state(True, f"缴费期限已于 {until:%Y-%m-%d} 届满，申请人未缴费：视为放弃申请")
    return state(False, f"待缴费，缴费期限至 {until:%Y-%m-%d}" if until else "待缴费")
