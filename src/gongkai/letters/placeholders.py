"""The placeholders a letter template may use, their Chinese names, and their values for one
application. A fact that was not given has no value: a template that uses it cannot be rendered
(`MissingFacts`), rather than printing a blank in a letter to a citizen."""

from __future__ import annotations

from datetime import date

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
    "correction": "需要补正的事项",
    "correction_due": "补正期限",
    "extension_days": "延长的工作日数",
    "original_deadline": "原答复期限",
    "new_deadline": "延长后的答复期限",
    "third_party": "第三方",
    "consultation_due": "第三方提出意见的期限",
    "fee_amount": "信息处理费金额",
    "fee_method": "计收方式",
    "fee_breakdown": "计费明细",
    "fee_due": "缴费期限",
    "payment": "缴费方式",
    "reconsideration_body": "行政复议机关",
    "court": "人民法院",
    "remedy": "救济途径（行政复议、行政诉讼）",
}


def _date(d: date | None) -> str | None:
    return chinese_date(d) if d else None


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
        "correction": _sentence(facts.correction),
        "correction_due": _date(facts.correction_due),
        "extension_days": None if facts.extension_days is None else str(facts.extension_days),
        "original_deadline": _date(facts.original_deadline),
        "new_deadline": _date(facts.new_deadline),
        "third_party": _text(facts.third_party),
        "consultation_due": _date(facts.consultation_due),
        "fee_amount": yuan(fee.amount) if fee else None,
        "fee_method": fee.method.label if fee else None,
        "fee_breakdown": "\n".join(fee.breakdown) if fee else None,
        "fee_due": _date(facts.fee_due),
        "payment": _text(facts.payment),
        "reconsideration_body": agency.reconsideration_body,
        "court": agency.court,
        "remedy": remedy(outcome, facts.letter_date, facts),
    }
    assert found.keys() == PLACEHOLDERS.keys()
    return found


def listing() -> str:
    """「${applicant}（申请人姓名或者名称）、…」, for error messages and the template editor."""
    return "、".join(f"${{{name}}}（{label}）" for name, label in PLACEHOLDERS.items())
