"""The outcome of an application: one ground of the 条例, mapped to its annual-report row.

The value of each member is its row key in edition 2021; edition 2019 folds the three 「其他处理」
rows into one (`other`).
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from gongkai.report.grid import Edition


@dataclass(frozen=True, slots=True)
class Ground:
    label: str  # as a clerk chooses it
    basis: str  # the article it rests on


class Outcome(enum.StrEnum):
    GRANTED = "granted"
    PARTIALLY_GRANTED = "partially_granted"
    DENIED_STATE_SECRET = "denied_state_secret"
    DENIED_PROHIBITED_BY_LAW = "denied_prohibited_by_law"
    DENIED_SECURITY_STABILITY = "denied_security_stability"
    DENIED_THIRD_PARTY_RIGHTS = "denied_third_party_rights"
    DENIED_INTERNAL_AFFAIRS = "denied_internal_affairs"
    DENIED_PROCESS_INFORMATION = "denied_process_information"
    DENIED_ENFORCEMENT_CASE_FILE = "denied_enforcement_case_file"
    DENIED_ADMINISTRATIVE_QUERY = "denied_administrative_query"
    UNABLE_NOT_HELD = "unable_not_held"
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

    @property
    def ground(self) -> Ground:
        return GROUNDS[self]

    @property
    def label(self) -> str:
        return GROUNDS[self].label

    def report_row(self, edition: Edition) -> str:
        """The section 三 row this outcome is counted in."""
        if edition is Edition.E2019 and self.value.startswith("other_"):
            return "other"
        return self.value


GROUNDS: dict[Outcome, Ground] = {
    Outcome.GRANTED: Ground("予以公开", "第三十六条第一、二项"),
    Outcome.PARTIALLY_GRANTED: Ground("部分公开", "第三十七条"),
    Outcome.DENIED_STATE_SECRET: Ground("不予公开：属于国家秘密", "第十四条"),
    Outcome.DENIED_PROHIBITED_BY_LAW: Ground("不予公开：其他法律行政法规禁止公开", "第十四条"),
    Outcome.DENIED_SECURITY_STABILITY: Ground("不予公开：危及“三安全一稳定”", "第十四条"),
    Outcome.DENIED_THIRD_PARTY_RIGHTS: Ground("不予公开：保护第三方合法权益", "第十五条"),
    Outcome.DENIED_INTERNAL_AFFAIRS: Ground("不予公开：属于三类内部事务信息", "第十六条第一款"),
    Outcome.DENIED_PROCESS_INFORMATION: Ground("不予公开：属于四类过程性信息", "第十六条第二款"),
    Outcome.DENIED_ENFORCEMENT_CASE_FILE: Ground("不予公开：属于行政执法案卷", "第十六条第二款"),
    Outcome.DENIED_ADMINISTRATIVE_QUERY: Ground("不予公开：属于行政查询事项", "第三十六条第七项"),
    Outcome.UNABLE_NOT_HELD: Ground("无法提供：本机关不掌握相关政府信息", "第三十六条第四、五项"),
    Outcome.UNABLE_NEEDS_CREATION: Ground("无法提供：没有现成信息需要另行制作", "第三十八条"),
    Outcome.UNABLE_STILL_UNCLEAR: Ground("无法提供：补正后申请内容仍不明确", "第三十条"),
    Outcome.REJECTED_PETITION_COMPLAINT: Ground("不予处理：信访举报投诉类申请", "第三十九条第一款"),
    Outcome.REJECTED_DUPLICATE: Ground("不予处理：重复申请", "第三十六条第六项"),
    Outcome.REJECTED_PUBLICATION: Ground("不予处理：要求提供公开出版物", "第三十九条第二款"),
    Outcome.REJECTED_EXCESSIVE_REPEATED: Ground("不予处理：无正当理由大量反复申请", "第三十五条"),
    Outcome.REJECTED_CONFIRMATION: Ground(
        "不予处理：要求行政机关确认或重新出具已获取信息", "第三十九条"
    ),
    Outcome.OTHER_NO_CORRECTION: Ground("其他处理：申请人无正当理由逾期不补正", "第三十条"),
    Outcome.OTHER_FEE_UNPAID: Ground("其他处理：申请人逾期未缴纳信息处理费", "第四十二条"),
    Outcome.OTHER_MISC: Ground("其他处理：其他（如申请人撤回申请）", ""),
}
