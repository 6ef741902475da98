"""How each kind of clock event acts on the answer period: the correction restart (第三十条), the
consultation pause (第三十二、三十三、三十四条) and the fee notice (第四十二条)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from gongkai.clock.errors import ClockError
from gongkai.clock.events import (
    CONSULTATION_WORKING_DAYS,
    CORRECTION_REQUEST_WORKING_DAYS,
    ClockEvent,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionDelivered,
    CorrectionReceived,
    CorrectionRequested,
    Extension,
    FeeNoticeDelivered,
    FeeNoticeSent,
    FeePaid,
)
from gongkai.clock.steps import iso, span
from gongkai.clock.trace import Trace, Waiting, WaitReason

# How many of each event one application may have, and what to say when there are more.
_AT_MOST_ONE = {
    CorrectionRequested: "补正应当一次性告知（第三十条），不能告知 {n} 次",
    CorrectionDelivered: "补正告知只能送达一次，不能记录 {n} 次",
    CorrectionReceived: "补正后的申请只能收到一次，不能记录 {n} 次",
    Extension: "答复期限只能延长一次（第三十三条第二款），不能延长 {n} 次",
    FeeNoticeSent: "收费通知只能发出一次，不能记录 {n} 次",
    FeeNoticeDelivered: "收费通知只能送达一次，不能记录 {n} 次",
    FeePaid: "缴费只能记录一次，不能记录 {n} 次",
}
# An event that needs an earlier one.
_NEEDS: dict[type[ClockEvent], tuple[type[ClockEvent], str, str]] = {
    CorrectionDelivered: (CorrectionRequested, "补正告知送达", "告知补正"),
    CorrectionReceived: (CorrectionRequested, "收到补正", "告知补正"),
    FeeNoticeDelivered: (FeeNoticeSent, "收费通知送达", "发出收费通知"),
    FeePaid: (FeeNoticeSent, "缴费", "收费通知"),
}


def validate(received: date, ordered: Sequence[ClockEvent]) -> None:
    """Refuse events that cannot have happened: before receipt, repeated, or out of order."""
    for e in ordered:
        if e.on < received:
            raise ClockError(f"事件日期 {iso(e.on)} 早于收到申请之日 {iso(received)}")
    for kind, message in _AT_MOST_ONE.items():
        n = sum(isinstance(e, kind) for e in ordered)
        if n > 1:
            raise ClockError(message.format(n=n), count=n)
    for kind, (before, what, needs) in _NEEDS.items():
        later = next((e for e in ordered if isinstance(e, kind)), None)
        earlier = next((e for e in ordered if isinstance(e, before)), None)
        if later is not None and (earlier is None or earlier.on > later.on):
            raise ClockError(f"{iso(later.on)} 记录了{what}，但此前没有{needs}")


def correction(trace: Trace, ordered: Sequence[ClockEvent]) -> date:
    """第三十条: ask once, within 7 working days; the applicant's period (合理的补正期限) counts
    from the day after the request reached them; the answer period restarts when the correction
    arrives."""
    cal, received = trace.calendar, trace.received
    request = next((e for e in ordered if isinstance(e, CorrectionRequested)), None)
    if request is None:
        return received
    limit = cal.add_working_days(received, CORRECTION_REQUEST_WORKING_DAYS)
    days = request.working_days or trace.settings.correction_working_days
    trace.step(request.on, f"{iso(request.on)} 告知补正，补正期限为送达之日起 {days} 个工作日")
    if request.on > limit:
        trace.find(
            "late_correction_request",
            request.on,
            f"告知补正应在收到申请后 7 个工作日内（至 {iso(limit)}），实际为 {iso(request.on)}（第三十条）",
        )
    correct_by = _delivered(trace, ordered, CorrectionDelivered, "补正告知", days, "补正期限")
    answer = next((e for e in ordered if isinstance(e, CorrectionReceived)), None)
    if answer is None:
        trace.waiting = Waiting(WaitReason.CORRECTION, request.on, correct_by)
        trace.step(correct_by or request.on, _waiting_text("补正", correct_by, "（第三十条）"))
        return received
    trace.step(answer.on, f"{iso(answer.on)} 收到补正后的申请，答复期限自此重新计算（第三十条）")
    if correct_by is not None and answer.on > correct_by:
        trace.find(
            "late_correction",
            answer.on,
            f"补正在补正期限 {iso(correct_by)} 之后才收到；无正当理由逾期不补正的，视为放弃申请（第三十条）",
        )
    return answer.on


def _delivered(
    trace: Trace,
    ordered: Sequence[ClockEvent],
    kind: type[CorrectionDelivered | FeeNoticeDelivered],
    notice: str,
    days: int,
    period: str,
) -> date | None:
    """The last day of the applicant's period: `days` working days from the day after the notice
    reached them (送达); None while its delivery is not recorded."""
    delivery = next((e for e in ordered if isinstance(e, kind)), None)
    if not isinstance(delivery, CorrectionDelivered | FeeNoticeDelivered):
        return None
    last = trace.calendar.add_working_days(delivery.on, days)
    how = f"（{delivery.how}）" if delivery.how else ""
    trace.step(
        delivery.on, f"{iso(delivery.on)} {notice}送达申请人{how}，{period}自次日起算至 {iso(last)}"
    )
    return last


def _waiting_text(what: str, until: date | None, article: str) -> str:
    if until is None:
        return f"等待{what}；通知尚未记录送达，{what}期限自送达次日起算，送达前不会视为放弃申请{article}"
    return f"等待{what}；至 {iso(until)} 仍未{what}的，视为放弃申请{article}"


def consultations(trace: Trace, ordered: Sequence[ClockEvent], start: date) -> None:
    """第三十三条第三款: consultation time is not counted; the consulted party has 15 working days
    (第三十二、三十四条), so at most that many are skipped per consultation."""
    cal = trace.calendar
    open_: list[ConsultationStarted] = []
    pairs: list[tuple[ConsultationStarted, ConsultationEnded | None]] = []
    for e in ordered:
        if isinstance(e, ConsultationStarted):
            open_.append(e)
        elif isinstance(e, ConsultationEnded):
            began = _which(open_, e)
            open_.remove(began)
            pairs.append((began, e))
    pairs.extend((s, None) for s in open_)
    for began, ended in pairs:
        who = f"征求{began.party.label}意见（{began.party.article}）"
        cap = cal.add_working_days(began.on, CONSULTATION_WORKING_DAYS)
        if ended is None:
            n = trace.pause(start, began.on, cap)
            trace.step(
                began.on,
                f"{iso(began.on)} 起{who}，尚未结束；按 15 个工作日（至 {iso(cap)}）估算，"
                f"{n} 个工作日不计入答复期限（第三十三条第三款）",
            )
            continue
        n = trace.pause(start, began.on, min(ended.on, cap))
        trace.step(
            began.on,
            f"{span(began.on, ended.on)} {who}，{n} 个工作日不计入答复期限（第三十三条第三款）",
        )
        if ended.on > cap:
            trace.find(
                "long_consultation",
                ended.on,
                f"{who}超过 15 个工作日（至 {iso(cap)}），超出的 "
                f"{cal.working_days_between(cap, ended.on)} 个工作日计入答复期限",
            )


def _which(open_: list[ConsultationStarted], ended: ConsultationEnded) -> ConsultationStarted:
    """The consultation `ended` ends: the earliest open one with its party."""
    if ended.party is None and len({s.party for s in open_}) > 1:
        raise ClockError(
            f"{iso(ended.on)} 有多项征求意见尚未结束（第三方和其他机关），请注明是哪一方的意见"
        )
    began = next((s for s in open_ if ended.party in (None, s.party)), None)
    if began is None:
        raise ClockError(f"{iso(ended.on)} 记录了征求意见结束，但此前没有尚未结束的征求意见")
    return began


def fee(trace: Trace, ordered: Sequence[ClockEvent], start: date) -> None:
    """第四十二条 and 国办函〔2020〕109号: pay within the set period, counted from the day after the
    notice reached the applicant, or the application lapses; whether the notice period pauses the
    answer clock is the agency's setting."""
    notice = next((e for e in ordered if isinstance(e, FeeNoticeSent)), None)
    if notice is None:
        return
    settings = trace.settings
    days = settings.fee_payment_working_days
    pay_by = _delivered(trace, ordered, FeeNoticeDelivered, "收费通知", days, "缴费期限")
    paid = next((e for e in ordered if isinstance(e, FeePaid)), None)
    counts = "收费期间不计入答复期限" if settings.fee_notice_pauses else "收费期间照常计入答复期限"
    if paid is None:
        trace.waiting = Waiting(WaitReason.FEE, notice.on, pay_by)
        trace.step(
            notice.on,
            f"{iso(notice.on)} 发出收费通知，缴费期限为送达之日起 {days} 个工作日；"
            f"{_waiting_text('缴费', pay_by, '')}；依本机关设置，{counts}",
        )
        return
    n = trace.pause(start, notice.on, paid.on) if settings.fee_notice_pauses else 0
    skipped = f"，{n} 个工作日不计" if settings.fee_notice_pauses else ""
    trace.step(
        notice.on,
        f"{span(notice.on, paid.on)} 收费通知至缴费；依本机关设置，{counts}{skipped}",
    )
    if pay_by is not None and paid.on > pay_by:
        trace.find(
            "late_fee_payment",
            paid.on,
            f"缴费晚于缴费期限 {iso(pay_by)}；逾期未缴费的，视为放弃申请",
        )
