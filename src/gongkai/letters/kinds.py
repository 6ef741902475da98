"""The kinds of letter an agency writes: one answer letter (告知书) per outcome, two variants the
条例 tells apart within an outcome, and the letters of the procedure.

A letter that *decides* something (every answer, and the fee notice) ends with the remedy
sentence (`gongkai.letters.remedy`); the procedural letters (补正, 延期, 征求意见) do not.

Each kind names the one fact the clerk types for it beside the reasons (`KindSpec.detail`): what
to correct, whom to consult, where the information was published, how to pay. Everything else a
letter says comes from the ledger.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gongkai.application.outcome import Outcome


class Recipient(enum.StrEnum):
    APPLICANT = "applicant"
    THIRD_PARTY = "third_party"  # 第三十二条
    AGENCY = "agency"  # 第三十四条: another agency that made the information with this one


class LetterKind(enum.StrEnum):
    # The answers: one per outcome, named by the outcome's value.
    GRANTED = "granted"  # 第三十六条第二项: the information is provided
    GRANTED_PUBLISHED = "granted_published"  # 第三十六条第一项: already published, where to find it
    PARTIALLY_GRANTED = "partially_granted"
    DENIED_STATE_SECRET = "denied_state_secret"
    DENIED_PROHIBITED_BY_LAW = "denied_prohibited_by_law"
    DENIED_SECURITY_STABILITY = "denied_security_stability"
    DENIED_THIRD_PARTY_RIGHTS = "denied_third_party_rights"
    DENIED_INTERNAL_AFFAIRS = "denied_internal_affairs"
    DENIED_PROCESS_INFORMATION = "denied_process_information"
    DENIED_ENFORCEMENT_CASE_FILE = "denied_enforcement_case_file"
    DENIED_ADMINISTRATIVE_QUERY = "denied_administrative_query"
    UNABLE_NOT_HELD = "unable_not_held"  # 第三十六条第四项: does not exist
    UNABLE_NOT_THIS_AGENCY = "unable_not_this_agency"  # 第三十六条第五项: another agency's
    UNABLE_NEEDS_CREATION = "unable_needs_creation"
    UNABLE_STILL_UNCLEAR = "unable_still_unclear"
    REJECTED_PETITION_COMPLAINT = "rejected_petition_complaint"
    REJECTED_DUPLICATE = "rejected_duplicate"
    REJECTED_PUBLICATION = "rejected_publication"
    REJECTED_EXCESSIVE_REPEATED = "rejected_excessive_repeated"
    REJECTED_CONFIRMATION = "rejected_confirmation"
    OTHER_NO_CORRECTION = "other_no_correction"
    OTHER_FEE_UNPAID = "other_fee_unpaid"
    OTHER_MISC = "other_misc"
    # The procedure.
    CORRECTION_REQUEST = "correction_request"  # 补正告知书, 第三十条
    EXTENSION = "extension"  # 延期答复告知书, 第三十三条第二款
    CONSULTATION = "consultation"  # 征求意见函 to a third party, 第三十二条
    CONSULTATION_AGENCY = "consultation_agency"  # 征求意见函 to a co-producing agency, 第三十四条
    CONSULTATION_NOTICE = "consultation_notice"  # the applicant is told, 第三十三条第三款
    FEE_NOTICE = "fee_notice"  # 收费通知书, 第四十二条, 国办函〔2020〕109号

    @property
    def spec(self) -> KindSpec:
        return SPECS[self]

    @property
    def default_title(self) -> str:
        return SPECS[self].title

    @property
    def label(self) -> str:
        """The title with what tells it apart from kinds of the same title, for a clerk's choice."""
        spec = SPECS[self]
        note = spec.note or (spec.outcome.label if spec.outcome else "")
        return f"{spec.title}（{note}）" if note else spec.title

    @property
    def detail(self) -> str | None:
        """The fact (a `LetterFacts` field) the clerk types for this kind, if any."""
        return SPECS[self].detail

    @property
    def outcome(self) -> Outcome | None:
        return SPECS[self].outcome

    @property
    def decides(self) -> bool:
        return SPECS[self].decides

    @property
    def recipient(self) -> Recipient:
        return SPECS[self].recipient

    @classmethod
    def for_outcome(cls, outcome: Outcome) -> LetterKind:
        """The answer letter of `outcome` (for 予以公开 the one that provides the information, for
        本机关不掌握 the one that says it does not exist: their variants are chosen by name)."""
        return cls(outcome.value)


@dataclass(frozen=True)
class KindSpec:
    title: str
    outcome: Outcome | None = None
    decides: bool = True
    recipient: Recipient = Recipient.APPLICANT
    detail: str | None = None  # the fact typed by the clerk (see the module's note)
    note: str = ""  # what tells the kind apart in a list, where its outcome's label does not


def _answer(title: str, outcome: Outcome, detail: str | None = None, note: str = "") -> KindSpec:
    return KindSpec(title, outcome, detail=detail, note=note)


_DENIAL = "政府信息不予公开告知书"
_REJECTION = "政府信息公开申请不予处理告知书"
_ENDED = "政府信息公开申请终止处理告知书"
K = LetterKind

SPECS: dict[LetterKind, KindSpec] = {
    K.GRANTED: _answer("政府信息予以公开告知书", Outcome.GRANTED, "provision"),
    K.GRANTED_PUBLISHED: _answer(
        "政府信息已主动公开告知书", Outcome.GRANTED, "published_at", "予以公开：已主动公开"
    ),
    K.PARTIALLY_GRANTED: _answer("政府信息部分公开告知书", Outcome.PARTIALLY_GRANTED, "withheld"),
    K.DENIED_STATE_SECRET: _answer(_DENIAL, Outcome.DENIED_STATE_SECRET),
    K.DENIED_PROHIBITED_BY_LAW: _answer(_DENIAL, Outcome.DENIED_PROHIBITED_BY_LAW),
    K.DENIED_SECURITY_STABILITY: _answer(_DENIAL, Outcome.DENIED_SECURITY_STABILITY),
    K.DENIED_THIRD_PARTY_RIGHTS: _answer(_DENIAL, Outcome.DENIED_THIRD_PARTY_RIGHTS),
    K.DENIED_INTERNAL_AFFAIRS: _answer(_DENIAL, Outcome.DENIED_INTERNAL_AFFAIRS),
    K.DENIED_PROCESS_INFORMATION: _answer(_DENIAL, Outcome.DENIED_PROCESS_INFORMATION),
    K.DENIED_ENFORCEMENT_CASE_FILE: _answer(_DENIAL, Outcome.DENIED_ENFORCEMENT_CASE_FILE),
    # 第三十六条第七项 refers the applicant to the route a law provides: not titled 不予公开,
    # though the annual report counts it in the 不予公开 rows.
    K.DENIED_ADMINISTRATIVE_QUERY: _answer(
        "政府信息公开申请告知书", Outcome.DENIED_ADMINISTRATIVE_QUERY, note="属于行政查询事项"
    ),
    K.UNABLE_NOT_HELD: _answer(
        "政府信息不存在告知书", Outcome.UNABLE_NOT_HELD, note="本机关没有制作或者获取"
    ),
    K.UNABLE_NOT_THIS_AGENCY: _answer(
        "非本机关负责公开告知书",
        Outcome.UNABLE_NOT_HELD,
        "responsible_agency",
        "不属于本机关负责公开",
    ),
    K.UNABLE_NEEDS_CREATION: _answer("政府信息无法提供告知书", Outcome.UNABLE_NEEDS_CREATION),
    K.UNABLE_STILL_UNCLEAR: _answer("政府信息无法提供告知书", Outcome.UNABLE_STILL_UNCLEAR),
    K.REJECTED_PETITION_COMPLAINT: _answer(_REJECTION, Outcome.REJECTED_PETITION_COMPLAINT),
    K.REJECTED_DUPLICATE: _answer(_REJECTION, Outcome.REJECTED_DUPLICATE),
    K.REJECTED_PUBLICATION: _answer(_REJECTION, Outcome.REJECTED_PUBLICATION, "published_at"),
    K.REJECTED_EXCESSIVE_REPEATED: _answer(_REJECTION, Outcome.REJECTED_EXCESSIVE_REPEATED),
    K.REJECTED_CONFIRMATION: _answer(_REJECTION, Outcome.REJECTED_CONFIRMATION),
    K.OTHER_NO_CORRECTION: _answer(_ENDED, Outcome.OTHER_NO_CORRECTION),
    K.OTHER_FEE_UNPAID: _answer(_ENDED, Outcome.OTHER_FEE_UNPAID),
    K.OTHER_MISC: _answer(_ENDED, Outcome.OTHER_MISC),
    K.CORRECTION_REQUEST: KindSpec(
        "政府信息公开申请补正告知书", decides=False, detail="correction"
    ),
    K.EXTENSION: KindSpec("政府信息公开申请延期答复告知书", decides=False),
    K.CONSULTATION: KindSpec(
        "政府信息公开征求第三方意见函",
        decides=False,
        recipient=Recipient.THIRD_PARTY,
        detail="third_party",
    ),
    K.CONSULTATION_AGENCY: KindSpec(
        "政府信息公开征求其他行政机关意见函",
        decides=False,
        recipient=Recipient.AGENCY,
        detail="consulted_agency",
    ),
    K.CONSULTATION_NOTICE: KindSpec("政府信息公开申请征求意见告知书", decides=False),
    K.FEE_NOTICE: KindSpec("政府信息公开信息处理费收费通知书", detail="payment"),
}
