"""The placeholders a letter template may use, their Chinese names, and their values for one
application. A fact that was not given has no value: a template that uses it cannot be rendered
(`MissingFacts`), rather than printing a blank in a letter to a citizen.

A last day (补正、缴费、答复期限) is written 「2027年1月4日（含当日）」, so that the reader knows the
day itself still counts; a period not yet running (it starts when the letter is received) is
given in working days instead (`correction_days`, `fee_days`)."""

from __future__ import annotations

from datetime import date

from gongkai.clock import Party
from gongkai.fees import yuan
from gongkai.letters.dates import chinese_date
from gongkai.letters.facts import LetterFacts
from gongkai.letters.kinds import LetterKind
from gongkai.letters.remedy import remedy

PLACEHOLDERS: dict[str, str] = {
    "agency": "本机关名称",
    "agency_address": "本机关地址",
    "agency_phone": "联系电话",
    "applicant": "申请人姓名或者名称",
    "serial": "申请编号",
    "received": "收到申请的日期",
    "information": "所申请的政府信息",
    "letter_date": "告知书日期",
    "ground": "答复类别",
    "article": "所依据的条例条款",
    "reasons": "具体理由",
    "withheld": "不予公开的部分",
    "published_at": "获取的方式和途径",
    "provision": "提供方式",
    "responsible_agency": "负责公开的行政机关及其联系方式",
    "referral": "告知负责公开的行政机关（能够确定时）",
    "correction": "需要补正的事项",
    "correction_days": "补正期限（自收到告知书之日起的工作日数）",
    "correction_due": "补正期限的最后一日",
    "extension_days": "延长的工作日数",
    "original_deadline": "原答复期限",
    "new_deadline": "延长后的答复期限",
    "third_party": "第三方",
    "consulted_agency": "被征求意见的行政机关",
    "consulted": "被征求意见的一方（第三方、有关行政机关）",
    "consultation_article": "征求意见所依据的条例条款",
    "consultation_due": "第三方提出意见的期限",
    "fee_amount": "信息处理费金额",
    "fee_method": "计收方式",
    "fee_breakdown": "计费明细",
    "fee_days": "缴费期限（自收到通知书之日起的工作日数）",
    "fee_due": "缴费期限的最后一日",
    "payment": "缴费方式",
    "reconsideration_body": "行政复议机关",
    "court": "人民法院",
    "remedy": "救济途径（行政复议、行政诉讼）",
}


# 第三十二条 a third party, 第三十四条 an agency that made the information with this one.
_CONSULTED = {
    Party.THIRD_PARTY: ("第三方", "第三十二条"),
    Party.AGENCY: ("有关行政机关", "第三十四条"),
}


def _date(d: date | None) -> str | None:
    return chinese_date(d) if d else None


def _last_day(d: date | None, provisional: tuple[int, ...] = ()) -> str | None:
    """A deadline, saying that the day itself counts, and that it is provisional when it was
    counted through a year whose holiday schedule is not yet published."""
    if d is None:
        return None
    years = [y for y in provisional if y <= d.year]
    if not years:
        return f"{chinese_date(d)}（含当日）"
    named = "、".join(f"{y}年" for y in years)
    return (
        f"{chinese_date(d)}（含当日；{named}放假安排公布前暂按周末和元旦推算，"
        f"公布后以重新计算的日期为准）"
    )


def _number(n: int | None) -> str | None:
    return None if n is None else str(n)


def _referral(responsible: str) -> str:
    """第三十六条第五项: name the agency responsible where it can be determined."""
    if responsible:
        return (
            f"负责公开该政府信息的行政机关为：{responsible.rstrip('。')}。"
            "请您向该行政机关提出申请。"
        )
    return "本机关无法确定负责公开该政府信息的行政机关。"


def _text(s: str) -> str | None:
    return s or None


def _sentence(s: str) -> str | None:
    """A text that ends a paragraph, given its full stop if it has none."""
    if not s:
        return None
    return s if s[-1] in "。！？；…）)”." else f"{s}。"


def values(kind: LetterKind, facts: LetterFacts) -> dict[str, str | None]:
    """Every placeholder's value for `facts`; None where the fact was not given."""
    agency, fee, outcome = facts.agency, facts.fee, kind.outcome
    ground = outcome.ground if outcome else None
    found: dict[str, str | None] = {
        "agency": agency.name,
        "agency_address": agency.address,
        "agency_phone": agency.phone,
        "applicant": facts.applicant,
        "serial": facts.serial,
        "received": chinese_date(facts.received),
        "information": facts.information,
        "letter_date": chinese_date(facts.letter_date),
        "ground": ground.label if ground else None,
        "article": ground.basis if ground and ground.basis else None,
        "reasons": _sentence(facts.reasons),
        "withheld": _text(facts.withheld),
        "published_at": _text(facts.published_at),
        "provision": _text(facts.provision),
        "responsible_agency": _text(facts.responsible_agency),
        "referral": _referral(facts.responsible_agency),
        "correction": _sentence(facts.correction),
        "correction_days": _number(facts.correction_days),
        "correction_due": _last_day(facts.correction_due),
        "extension_days": _number(facts.extension_days),
        "original_deadline": _last_day(facts.original_deadline, facts.provisional_years),
        "new_deadline": _last_day(facts.new_deadline, facts.provisional_years),
        "third_party": _text(facts.third_party),
        "consulted_agency": _text(facts.consulted_agency),
        "consulted": "和".join(_CONSULTED[p][0] for p in facts.consulted) or None,
        "consultation_article": "、".join(_CONSULTED[p][1] for p in facts.consulted) or None,
        "consultation_due": _last_day(facts.consultation_due),
        "fee_amount": yuan(fee.amount) if fee else None,
        "fee_method": fee.method.label if fee else None,
        "fee_breakdown": "\n".join(fee.breakdown) if fee else None,
        "fee_days": _number(facts.fee_days),
        "fee_due": _last_day(facts.fee_due),
        "payment": _text(facts.payment),
        "reconsideration_body": _text(agency.reconsideration_body),
        "court": _text(agency.court),
        "remedy": remedy(outcome, facts.letter_date, facts)
        if agency.reconsideration_body
        else None,
    }
    assert found.keys() == PLACEHOLDERS.keys()
    return found


def listing() -> str:
    """「${applicant}（申请人姓名或者名称）、…」, for error messages and the template editor."""
    return "、".join(f"${{{name}}}（{label}）" for name, label in PLACEHOLDERS.items())
