"""A first draft of section 一 (总体情况), written from the report's own numbers, for the agency to edit.

    draft_overview(report, agency_name="示例区人民政府办公室", previous=last_year)

Every number printed is a cell of `report` (or of `previous`), a sum of cells, or a difference
between this year and last year; nothing else is stated as fact. What the report does not hold —
the year's measures, a blank or missing cell — is left as a marked gap 「【请补充：…】」 for the
clerk to fill in, never guessed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from gongkai.report.document import Report, Value
from gongkai.report.editions import APPLICANT_KEYS, REQUESTS_NOT_OUTCOMES
from gongkai.report.grid import Edition, Section

Number = int | Decimal

#: The four outcome groups of section 三 whose rows are summed (keys start with the prefix).
_GROUPS = (
    ("denied_", "不予公开"),
    ("unable_", "无法提供"),
    ("rejected_", "不予处理"),
    ("other", "其他处理"),
)
_ORDINAL = re.compile(r"^\d+\.")


def gap(what: str) -> str:
    """A marked placeholder for what the report does not know."""
    return f"【请补充：{what}】"


def draft_overview(
    report: Report,
    *,
    agency_name: str,
    previous: Report | None = None,
    published: int | None = None,
) -> str:
    """Plain paragraphs of section 一, separated by blank lines. `published` is the number of
    government information items the agency published in the year as far as it has recorded them
    (e.g. its 政府信息公开目录); None leaves a gap."""
    when = f"{report.year}年" if report.year else "本年度"
    opening = (
        f"{when}，{agency_name}依据《中华人民共和国政府信息公开条例》开展政府信息公开工作，"
        f"{gap('本年度政府信息公开工作的总体部署、组织领导和主要举措')}。"
        "现将本年度政府信息公开工作情况报告如下。"
    )
    return "\n\n".join(
        (
            opening,
            _proactive(report, published),
            _requests(report, previous),
            _appeals(report, previous),
            f"（四）其他工作情况。{gap('政府信息管理、平台建设、监督保障等方面的工作情况')}",
        )
    )


# --- reading cells --------------------------------------------------------------------------


def _cell(report: Report, section: Section, row: str, col: str) -> Number | None:
    """The cell's number; None when it is blank or absent."""
    value: Value = report.rows(section).get(row, {}).get(col)
    return value


def _sum(values: Iterable[Number | None]) -> Number | None:
    """The sum of the numbers present (a blank beside them reads as 0); None when all are blank."""
    present = [v for v in values if v is not None]
    return sum(present, start=0) if present else None


def _n(value: Number | None, what: str) -> str:
    if value is None:
        return gap(what)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value != 0 else "0"
    return str(value)


# --- （一）主动公开 -----------------------------------------------------------------------------


#: The columns of section 二 the draft states for 规章 and 规范性文件, and their names.
_DOCUMENT_COLUMNS = {
    Edition.E2021: (
        ("issued", "本年制发件数"),
        ("repealed", "本年废止件数"),
        ("in_force", "现行有效件数"),
    ),
    Edition.E2019: (
        ("new_made", "本年新制作数量"),
        ("new_published", "本年新公开数量"),
        ("total_published", "对外公开总数量"),
    ),
}


def _proactive(report: Report, published: int | None) -> str:
    p = Section.PROACTIVE
    edition = report.edition_of(p)
    parts: list[str] = []
    for row, name in (("rules", "规章"), ("normative_documents", _documents(edition))):
        columns = _DOCUMENT_COLUMNS.get(edition)
        if columns is None:
            continue
        cells = [_cell(report, p, row, key) for key, _ in columns]
        if all(v is None for v in cells):  # the row not entered: one gap, not three
            labels = "、".join(label for _, label in columns)
            parts.append(f"{name}{gap(f'{labels}（第二部分尚未填写）')}")
            continue
        a, b, c = (_n(v, f"{name}{label}") for v, (_, label) in zip(cells, columns, strict=True))
        if edition is Edition.E2021:
            parts.append(f"制发{name}{a}件、废止{b}件，现行有效{c}件")
        else:
            parts.append(f"新制作{name}{a}件、新公开{b}件，对外公开{name}共{c}件")
    text = "（一）主动公开情况。本年" + "；".join(parts) + "。" if parts else "（一）主动公开情况。"
    if published is None:
        text += f"通过政府网站等渠道主动公开政府信息{gap('条数')}条"
    else:
        text += f"在政府信息公开目录中登记并公开政府信息{published}条"
    return text + f"，{gap('主动公开的重点领域、渠道和解读回应情况')}。"


def _documents(edition: Edition) -> str:
    return "行政规范性文件" if edition is Edition.E2021 else "规范性文件"


# --- （二）依申请公开 ---------------------------------------------------------------------------


def _total(report: Report, row: str) -> Number | None:
    return _cell(report, Section.REQUESTS, row, "total")


def _legal_persons(report: Report, row: str) -> Number | None:
    return _sum(_cell(report, Section.REQUESTS, row, k) for k in APPLICANT_KEYS[1:])


def _requests(report: Report, previous: Report | None) -> str:
    r = Section.REQUESTS
    new = _total(report, "new_received")
    carried_in = _total(report, "carried_over_from_last_year")
    processed = _total(report, "total_processed")
    carried_out = _total(report, "carried_over_to_next_year")
    head = "（二）依申请公开情况。"
    if new == 0 and carried_in == 0:
        return head + "本年未收到政府信息公开申请，也没有上年结转的申请。"
    natural = _n(_cell(report, r, "new_received", "natural_person"), "自然人申请件数")
    legal = _n(_legal_persons(report, "new_received"), "法人或其他组织申请件数")
    text = (
        f"{head}本年新收政府信息公开申请{_n(new, '本年新收申请件数')}件"
        f"（自然人{natural}件、法人或其他组织{legal}件）"
    )
    text += _change(new, _total(previous, "new_received") if previous else None)
    text += f"，上年结转{_n(carried_in, '上年结转件数')}件"
    text += f"；本年办结{_n(processed, '办结件数')}件"
    outcomes = _outcomes(report)
    if outcomes:
        text += "，其中" + "、".join(outcomes)
    text += f"；结转下年度继续办理{_n(carried_out, '结转下年度件数')}件。"
    return text


def _change(now: Number | None, before: Number | None) -> str:
    """「，较上年（40件）增加12件、增长30%」; empty when either year is unknown."""
    if now is None or before is None:
        return ""
    diff = Decimal(now) - Decimal(before)
    text = f"，较上年（{_n(before, '')}件）"
    if diff == 0:
        return text + "持平"
    text += f"{'增加' if diff > 0 else '减少'}{_n(abs(diff), '')}件"
    if before:
        percent = int((abs(diff) * 200 + before) // (2 * before))  # rounded half up
        text += f"、{'增长' if diff > 0 else '下降'}{percent}%"
    return text


def _outcomes(report: Report) -> list[str]:
    """「予以公开5件」… for each outcome group with cases; reasons for 不予公开 in brackets."""
    grid = report.table(Section.REQUESTS)
    if grid is None:
        return []
    keys = [row.key for row in grid.rows if row.key not in REQUESTS_NOT_OUTCOMES]
    out: list[str] = []
    for key, name in (("granted", "予以公开"), ("partially_granted", "部分公开")):
        n = _total(report, key)
        if n:
            out.append(f"{name}{_n(n, name)}件")
        elif n is None and key in keys:
            out.append(f"{name}{gap(name + '件数')}件")
    for prefix, name in _GROUPS:
        rows = [k for k in keys if k.startswith(prefix)]
        n = _sum(_total(report, k) for k in rows)
        if not n:
            continue
        text = f"{name}{_n(n, name)}件"
        if prefix == "denied_":
            reasons = [
                f"{_ORDINAL.sub('', grid.row(k).label)}{_n(m, '')}件"
                for k in rows
                if (m := _total(report, k))
            ]
            text += f"（{'、'.join(reasons)}）"
        out.append(text)
    return out


# --- （三）行政复议、行政诉讼 -------------------------------------------------------------------


def _appeals(report: Report, previous: Report | None) -> str:
    head = "（三）行政复议、行政诉讼情况。"
    a = Section.APPEALS
    review = _cell(report, a, "reconsideration", "total")
    direct = _cell(report, a, "litigation_direct", "total")
    after = _cell(report, a, "litigation_after_reconsideration", "total")
    suits = _sum((direct, after)) if direct is not None and after is not None else None
    rows = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    corrected = _sum(_cell(report, a, row, "corrected") for row in rows)
    pending = _sum(_cell(report, a, row, "pending") for row in rows)
    if review == 0 and suits == 0:
        text = head + "本年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况"
    else:
        text = (
            f"{head}本年因政府信息公开工作被申请行政复议{_n(review, '行政复议件数')}件，"
            f"被提起行政诉讼{_n(suits, '行政诉讼件数')}件"
            f"（未经复议直接起诉{_n(direct, '直接起诉件数')}件、"
            f"复议后起诉{_n(after, '复议后起诉件数')}件）；"
            f"其中结果被纠错{_n(corrected, '结果纠正件数')}件，"
            f"尚未审结{_n(pending, '尚未审结件数')}件"
        )
    if previous is not None:
        before = _cell(previous, a, "reconsideration", "total")
        before_suits = _sum(_cell(previous, a, row, "total") for row in rows[1:])
        if before is not None and before_suits is not None:
            text += (
                f"。上年被申请行政复议{_n(before, '')}件，被提起行政诉讼{_n(before_suits, '')}件"
            )
    return text + "。"
