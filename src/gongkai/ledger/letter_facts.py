"""What a letter says, from what the ledger holds: the agency's settings, the application, its
clock events read through the clock (so a letter states the very dates its deadline rests on), the
fee notice; and the one fact the clerk types for the kind (`LetterKind.detail`), with the reasons.

A period that starts when the letter is received (补正, 缴费, the consulted party's 15 working
days) is stated in working days: its last day is not known until the letter is delivered. A
letter written after the fact (逾期不补正, 逾期未缴费, 延期) states the last day, and only a day the
clock knows for certain: never one counted through a year whose holidays are not entered.
Reads only; issuing is in `actions.letter`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from gongkai.clock import Calendar, Deadline, Party, WaitReason
from gongkai.errors import GongkaiError
from gongkai.fees import Fee, FeeMethod
from gongkai.ledger.deadlines import calendar, deadline_of, deadline_without, settings_of
from gongkai.ledger.models import Application, ClockEventKind, FeeNotice
from gongkai.letters import Agency as LetterAgency
from gongkai.letters import LetterFacts, LetterKind, chinese_date

K = LetterKind


class LetterRefused(GongkaiError):
    code = "letter_refused"


def facts_of(
    application: Application,
    *,
    kind: LetterKind,
    on: date,
    reasons: str = "",
    details: str = "",
) -> LetterFacts:
    """The facts of `kind` on `application`, dated `on`; `details` is the fact the clerk typed
    for the kind, if it asks one."""
    agency = application.agency
    typed: dict[str, Any] = {kind.detail: details} if kind.detail and details else {}
    return LetterFacts(
        agency=LetterAgency(
            name=agency.name,
            address=agency.address,
            phone=agency.phone,
            reconsideration_body=agency.reconsideration_body,
            court=agency.court,
        ),
        applicant=application.applicant_name,
        serial=application.serial,
        received=application.received_on,
        information=application.description,
        letter_date=on,
        reasons=reasons,
        **{**typed, **_from_ledger(application, kind, on, typed)},
    )


def _from_ledger(
    application: Application, kind: LetterKind, on: date, typed: dict[str, Any]
) -> dict[str, Any]:
    """The facts of the procedure the kind states: periods, deadlines, the fee."""
    settings = settings_of(application.agency)
    if kind is K.CORRECTION_REQUEST:
        # 第三十条: the period the request gave, else the one the clock applies.
        asked = application.clock_events.filter(kind=ClockEventKind.CORRECTION_REQUESTED).first()
        days = asked.working_days if asked and asked.working_days else None
        return {"correction_days": days or settings.correction_working_days}
    if kind is K.FEE_NOTICE:
        payment = typed.get("payment") or application.agency.fee_payment_instructions
        return {
            "fee": _fee(
                application, "请先在“办理”中发出收费通知（金额按所选方式计算），再生成收费通知书"
            ),
            "fee_days": settings.fee_payment_working_days,
            **({"payment": payment} if payment else {}),
        }
    if kind is K.EXTENSION:
        return _extension(application)
    if kind is K.CONSULTATION_NOTICE:
        return {"consulted": _consulted(application)}
    if kind is K.OTHER_NO_CORRECTION:
        return {"correction_due": _lapsed(application, WaitReason.CORRECTION, on)}
    if kind is K.OTHER_FEE_UNPAID:
        return {
            "fee_due": _lapsed(application, WaitReason.FEE, on),
            "fee": _fee(application, "该申请没有收费通知"),
        }
    return {}


def _consulted(application: Application) -> tuple[Party, ...]:
    """Whom the agency consults (第三十二、三十四条), from the recorded consultations."""
    started = application.clock_events.filter(kind=ClockEventKind.CONSULTATION_STARTED)
    parties = {Party(e.party or Party.THIRD_PARTY) for e in started}
    if not parties:
        raise LetterRefused(
            "台账中没有征求意见的记录：请先在“办理”中记录开始征求意见，再告知申请人"
        )
    return tuple(p for p in Party if p in parties)


def _fee(application: Application, missing: str) -> Fee:
    notice = FeeNotice.objects.filter(application=application).first()
    if notice is None:
        raise LetterRefused(missing)
    amount = Decimal(notice.amount)  # stored with two decimals; the fee is whole yuan
    if amount == amount.to_integral_value():
        amount = amount.quantize(Decimal(1))
    return Fee(FeeMethod(notice.method), amount, tuple(notice.breakdown))


def _extension(application: Application) -> dict[str, Any]:
    """第三十三条第二款: the days added, the deadline before and after, as the clock counts them."""
    extension = application.clock_events.filter(kind=ClockEventKind.EXTENSION).first()
    if extension is None:
        raise LetterRefused(
            "台账中没有延长答复期限的记录：请先由负责人在“办理”中延长答复期限，再生成延期答复告知书"
        )
    cal = calendar()
    after = deadline_of(application, cal)
    before = deadline_without(application, {ClockEventKind.EXTENSION}, cal)
    # The extension must be told within the period (第三十三条第二款), December included: a date
    # counted through a year whose schedule is not entered is written as provisional, not refused.
    return {
        "extension_days": extension.working_days,
        "original_deadline": _due(before),
        "new_deadline": _due(after),
        "provisional_years": tuple(sorted({*before.provisional_years, *after.provisional_years})),
    }


def _lapsed(application: Application, reason: WaitReason, on: date) -> date:
    """The last day the applicant had (补正 or 缴费), once it is over; refused before."""
    cal = calendar()
    deadline = deadline_of(application, cal)
    waiting = deadline.waiting
    what = "补正" if reason is WaitReason.CORRECTION else "缴费"
    if waiting is None or waiting.reason is not reason:
        raise LetterRefused(
            f"台账中没有尚待申请人{what}的记录（未告知{what}，或者申请人已经{what}），"
            f"不能以逾期未{what}终止处理"
        )
    if waiting.until is None or waiting.lapses_on is None:
        raise LetterRefused(
            f"{what}通知的送达日期尚未记录：{what}期限自送达之日起计算，请先在“办理”中记录送达"
        )
    last = _checked(waiting.until, cal, application)
    if on < waiting.lapses_on:
        raise LetterRefused(
            f"{what}期限至{chinese_date(last)}（含当日）届满，落款日期 {chinese_date(on)} "
            f"尚在期限内，还不能以逾期未{what}终止处理"
        )
    return last


def _due(deadline: Deadline) -> date:
    if deadline.due is None:
        raise LetterRefused("答复期限尚未确定（正在等待申请人补正或者缴费），不能写入告知书")
    return deadline.due


def _checked(day: date, cal: Calendar, application: Application) -> date:
    """`day`, unless counting to it ran through a year whose holidays are not entered."""
    missing = cal.provisional_in(application.received_on, day)
    if missing:
        years = "、".join(f"{y}年" for y in missing)
        raise LetterRefused(
            f"告知书要写明的日期 {chinese_date(day)} 是按周末和元旦暂定的：{years}的节假日安排尚未录入。"
            f"请系统管理员在“节假日安排”中录入{years}的安排后再生成，以免告知申请人错误的日期"
        )
    return day
