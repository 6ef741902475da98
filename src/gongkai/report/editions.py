"""Both national editions of the annual-report grid, cell by cell.

Source: 国办公开办函〔2019〕60号 (edition 2019) and 国办公开办函〔2021〕30号 (edition 2021), as laid out
in shared/spec/annual-report.md. Keys are the interchange format's keys; labels are the printed
labels; variants are the spellings and typos real reports use.
"""

from __future__ import annotations

from collections.abc import Mapping

from gongkai.report.grid import Column, Edition, Kind, Row, Section, Table

# --- 第二部分 主动公开政府信息情况 -------------------------------------------------------------

ITEM_1 = "第二十条第（一）项"
ITEM_5 = "第二十条第（五）项"
ITEM_6 = "第二十条第（六）项"
ITEM_8 = "第二十条第（八）项"
ITEM_9 = "第二十条第（九）项"

_NEW_MADE = Column("new_made", "本年新制作数量")
_NEW_PUBLISHED = Column("new_published", "本年新公开数量")
_TOTAL_PUBLISHED = Column("total_published", "对外公开总数量")
_LAST_YEAR_ITEMS = Column("last_year_items", "上一年项目数量")
_CHANGE = Column("change", "本年增/减", Kind.SIGNED, ("本年增减", "本年增／减"))
_DECISIONS_2019 = Column("decisions", "处理决定数量")
_ITEMS_2019 = (_LAST_YEAR_ITEMS, _CHANGE, _DECISIONS_2019)

_PROACTIVE_2019 = Table(
    Section.PROACTIVE,
    Edition.E2019,
    (
        Row("rules", "规章", "规章", (_NEW_MADE, _NEW_PUBLISHED, _TOTAL_PUBLISHED), ITEM_1),
        Row(
            "normative_documents",
            "规范性文件",
            "规范性文件",
            (_NEW_MADE, _NEW_PUBLISHED, _TOTAL_PUBLISHED),
            ITEM_1,
            ("行政规范性文件",),
        ),
        Row("licensing", "行政许可", "行政许可", _ITEMS_2019, ITEM_5),
        Row(
            "other_services",
            "其他对外管理服务事项",
            "其他对外管理服务事项",
            _ITEMS_2019,
            ITEM_5,
            ("其他对外管理服务",),
        ),
        Row("penalty", "行政处罚", "行政处罚", _ITEMS_2019, ITEM_6),
        Row("coercion", "行政强制", "行政强制", _ITEMS_2019, ITEM_6),
        Row("fees", "行政事业性收费", "行政事业性收费", (_LAST_YEAR_ITEMS, _CHANGE), ITEM_8),
        Row(
            "procurement",
            "政府集中采购",
            "政府集中采购",
            (
                Column("projects", "采购项目数量"),
                Column("amount_10k_yuan", "采购总金额", Kind.MONEY, ("采购总金额（万元）",)),
            ),
            ITEM_9,
        ),
    ),
)

_DECISIONS_2021 = Column("decisions", "本年处理决定数量")
_PROACTIVE_2021 = Table(
    Section.PROACTIVE,
    Edition.E2021,
    (
        Row(
            "rules",
            "规章",
            "规章",
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            ITEM_1,
        ),
        Row(
            "normative_documents",
            "行政规范性文件",
            "行政规范性文件",
            (
                Column("issued", "本年制发件数"),
                Column("repealed", "本年废止件数"),
                Column("in_force", "现行有效件数"),
            ),
            ITEM_1,
            ("规范性文件",),
        ),
        Row("licensing", "行政许可", "行政许可", (_DECISIONS_2021,), ITEM_5),
        Row("penalty", "行政处罚", "行政处罚", (_DECISIONS_2021,), ITEM_6),
        Row("coercion", "行政强制", "行政强制", (_DECISIONS_2021,), ITEM_6),
        Row(
            "fees",
            "行政事业性收费",
            "行政事业性收费",
            (
                Column(
                    "amount_10k_yuan",
                    "本年收费金额（单位：万元）",
                    Kind.MONEY,
                    ("本年收费金额", "本年收费金额（万元）"),
                ),
            ),
            ITEM_8,
        ),
    ),
)

# --- 第三部分 收到和处理政府信息公开申请情况 ----------------------------------------------------

LEGAL_PERSON = "法人或其他组织"
APPLICANT_COLUMNS = (
    Column("natural_person", "自然人"),
    Column("commercial_enterprise", "商业企业"),
    Column("research_institution", "科研机构"),
    Column("social_welfare_org", "社会公益组织"),
    Column("legal_service_org", "法律服务机构"),
    Column("other_org", "其他"),
    Column("total", "总计"),
)
#: The six applicant columns whose sum is `total` (rule R2).
APPLICANT_KEYS = tuple(col.key for col in APPLICANT_COLUMNS[:-1])

RESULTS = "三、本年度办理结果"
DENIED = "（三）不予公开"
UNABLE = "（四）无法提供"
REJECTED = "（五）不予处理"
OTHER = "（六）其他处理"


def _req(key: str, label: str, short: str, group: str = "", *variants: str) -> Row:
    return Row(key, label, short, APPLICANT_COLUMNS, group, variants)


_REQUESTS_HEAD = (
    _req(
        "new_received",
        "一、本年新收政府信息公开申请数量",
        "本年新收",
        "",
        "本年新收政府信息公开申请数量",
    ),
    _req(
        "carried_over_from_last_year",
        "二、上年结转政府信息公开申请数量",
        "上年结转",
        "",
        "上年结转政府信息公开申请数量",
    ),
    _req("granted", "（一）予以公开", "予以公开", RESULTS),
    _req(
        "partially_granted",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "部分公开",
        RESULTS,
        "（二）部分公开",
    ),
    _req("denied_state_secret", "1.属于国家秘密", "不予公开·国家秘密", DENIED),
    _req(
        "denied_prohibited_by_law",
        "2.其他法律行政法规禁止公开",
        "不予公开·法律法规禁止",
        DENIED,
        "2.其他法律行政止公开",
        "2.其他法律法规禁止公开",
    ),
    _req(
        "denied_security_stability",
        "3.危及“三安全一稳定”",
        "不予公开·三安全一稳定",
        DENIED,
        '3.危及"三安全一稳定"',
        "3.危及三安全一稳定",
    ),
    _req("denied_third_party_rights", "4.保护第三方合法权益", "不予公开·第三方权益", DENIED),
    _req("denied_internal_affairs", "5.属于三类内部事务信息", "不予公开·内部事务", DENIED),
    _req("denied_process_information", "6.属于四类过程性信息", "不予公开·过程性信息", DENIED),
    _req("denied_enforcement_case_file", "7.属于行政执法案卷", "不予公开·行政执法案卷", DENIED),
    _req("denied_administrative_query", "8.属于行政查询事项", "不予公开·行政查询事项", DENIED),
    _req("unable_not_held", "1.本机关不掌握相关政府信息", "无法提供·不掌握", UNABLE),
    _req("unable_needs_creation", "2.没有现成信息需要另行制作", "无法提供·需另行制作", UNABLE),
    _req("unable_still_unclear", "3.补正后申请内容仍不明确", "无法提供·补正后仍不明确", UNABLE),
    _req("rejected_petition_complaint", "1.信访举报投诉类申请", "不予处理·信访举报投诉", REJECTED),
    _req("rejected_duplicate", "2.重复申请", "不予处理·重复申请", REJECTED),
    _req("rejected_publication", "3.要求提供公开出版物", "不予处理·公开出版物", REJECTED),
    _req(
        "rejected_excessive_repeated",
        "4.无正当理由大量反复申请",
        "不予处理·大量反复申请",
        REJECTED,
    ),
    _req(
        "rejected_confirmation",
        "5.要求行政机关确认或重新出具已获取信息",
        "不予处理·要求确认或重新出具",
        REJECTED,
    ),
)
_REQUESTS_TAIL = (
    _req("total_processed", "（七）总计", "办理结果总计", RESULTS),
    _req(
        "carried_over_to_next_year",
        "四、结转下年度继续办理",
        "结转下年度",
        "",
        "结转下年度继续办理",
    ),
)

_REQUESTS_2019 = Table(
    Section.REQUESTS,
    Edition.E2019,
    (*_REQUESTS_HEAD, _req("other", "（六）其他处理", "其他处理", RESULTS), *_REQUESTS_TAIL),
)
_REQUESTS_2021 = Table(
    Section.REQUESTS,
    Edition.E2021,
    (
        *_REQUESTS_HEAD,
        _req(
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            "其他处理·逾期不补正",
            OTHER,
        ),
        _req(
            "other_fee_unpaid",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            "其他处理·逾期未缴费",
            OTHER,
        ),
        _req("other_misc", "3.其他", "其他处理·其他", OTHER),
        *_REQUESTS_TAIL,
    ),
)

#: The keys of the rows that are not outcomes: R3 sums every other row into `total_processed`.
REQUESTS_NOT_OUTCOMES = frozenset(
    {"new_received", "carried_over_from_last_year", "total_processed", "carried_over_to_next_year"}
)

# --- 第四部分 政府信息公开行政复议、行政诉讼情况 ----------------------------------------------

APPEAL_COLUMNS = (
    Column("upheld", "结果维持"),
    Column("corrected", "结果纠正"),
    Column("other", "其他结果"),
    Column("pending", "尚未审结"),
    Column("total", "总计"),
)
LITIGATION = "行政诉讼"
_APPEALS = (
    Row("reconsideration", "行政复议", "行政复议", APPEAL_COLUMNS),
    Row(
        "litigation_direct",
        "未经复议直接起诉",
        "行政诉讼·未经复议直接起诉",
        APPEAL_COLUMNS,
        LITIGATION,
    ),
    Row(
        "litigation_after_reconsideration",
        "复议后起诉",
        "行政诉讼·复议后起诉",
        APPEAL_COLUMNS,
        LITIGATION,
    ),
)
_APPEALS_2019 = Table(Section.APPEALS, Edition.E2019, _APPEALS)
_APPEALS_2021 = Table(Section.APPEALS, Edition.E2021, _APPEALS)

# --- the editions -----------------------------------------------------------------------------

TABLES: Mapping[Edition, Mapping[Section, Table]] = {
    Edition.E2019: {
        Section.PROACTIVE: _PROACTIVE_2019,
        Section.REQUESTS: _REQUESTS_2019,
        Section.APPEALS: _APPEALS_2019,
    },
    Edition.E2021: {
        Section.PROACTIVE: _PROACTIVE_2021,
        Section.REQUESTS: _REQUESTS_2021,
        Section.APPEALS: _APPEALS_2021,
    },
}

#: Words that only one edition prints (「检测版本」 in the spec).
MARKERS: Mapping[Edition, tuple[str, ...]] = {
    Edition.E2019: (
        "本年新制作数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增/减",
        "第二十条第（九）项",
        "政府集中采购",
    ),
    Edition.E2021: (
        "本年制发件数",
        "现行有效件数",
        "本年处理决定数量",
        "本年收费金额",
        "申请人无正当理由逾期不补正",
    ),
}


def table(edition: Edition, section: Section) -> Table:
    """The table of `section` in `edition`; a legacy report has no national tables."""
    try:
        return TABLES[edition][section]
    except KeyError:
        raise KeyError(f"{edition.label}没有全国统一的{section.label}表格") from None


# --- the six sections ---------------------------------------------------------------------------

#: Official headings of the six sections, with the variants real reports print.
SECTION_HEADINGS: Mapping[int, tuple[str, ...]] = {
    1: ("总体情况",),
    2: ("主动公开政府信息情况", "主动公开政府信息的情况"),
    3: ("收到和处理政府信息公开申请情况",),
    4: (
        "政府信息公开行政复议、行政诉讼情况",
        "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    ),
    5: (
        "存在的主要问题及改进情况",
        "存在的主要问题及改进计划",
        "政府信息公开工作存在的主要问题及改进情况",
    ),
    6: ("其他需要报告的事项", "其他需求报告的事项"),
}
SECTION_NAMES: Mapping[int, str] = {n: h[0] for n, h in SECTION_HEADINGS.items()}
PROSE_SECTIONS = (1, 5, 6)
