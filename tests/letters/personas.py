"""The facts the letters' tests write from: one agency, one applicant, every fact given."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from gongkai.clock import Party
from gongkai.fees import monthly_fee
from gongkai.letters import Agency, LetterFacts

AGENCY = Agency(
    name="某某市交通运输局",
    address="某某市人民路 1 号",
    phone="0000-12345678",
    reconsideration_body="某某市人民政府",
    court="某某市某某区人民法院",
)


def facts(**changes: object) -> LetterFacts:
    """Every fact a letter may use, for applicant 张三, application GK-2025-00042."""
    full = LetterFacts(
        agency=AGENCY,
        applicant="张三",
        serial="GK-2025-00042",
        received=date(2025, 3, 3),
        information="2024年度城市公交线路调整的论证材料",
        letter_date=date(2025, 3, 20),
        number="某交信告〔2025〕12号",
        reasons="该信息系本机关内部研究讨论形成的过程稿，尚未形成最终决定",
        withheld="涉及个人信息的部分",
        published_at="本机关门户网站“政府信息公开”栏目",
        responsible_agency="某某市公共交通集团有限公司，电话 0000-87654321",
        correction="请写明所需信息的文件名称、文号或者其他特征描述",
        correction_days=15,
        correction_due=date(2025, 3, 25),
        extension_days=20,
        original_deadline=date(2025, 3, 31),
        new_deadline=date(2025, 4, 29),
        third_party="某某公交客运有限公司",
        consulted_agency="某某市发展和改革委员会",
        consulted=(Party.THIRD_PARTY,),
        consultation_due=date(2025, 4, 10),
        fee=monthly_fee(35),
        fee_days=20,
        fee_due=date(2025, 4, 18),
        payment="到本机关政务服务窗口缴纳，或转账至：某某市财政局非税收入专户",
    )
    return replace(full, **changes)  # type: ignore[arg-type]
