"""A first draft of section 一（总体情况） written from the report's own numbers, for the agency to
edit: applications received and carried over, outcomes, appeals, proactive disclosure.

Blank cells count as 0 here (a blank means none); the draft states only what the tables hold.
"""

from __future__ import annotations

from gongkai.report.document import Report
from gongkai.report.editions import DENIED, OTHER, REJECTED, UNABLE
from gongkai.report.grid import Edition, Section


def _n(report: Report, section: Section, row: str, col: str) -> int:
    return int(report.rows(section).get(row, {}).get(col) or 0)


def _group(report: Report, group: str) -> int:
    grid = report.table(Section.REQUESTS)
    rows = [r.key for r in grid.rows if r.group == group] if grid else []
    if group == OTHER and grid is not None and grid.has_row("other"):
        rows = ["other"]
    return sum(_n(report, Section.REQUESTS, key, "total") for key in rows)


def draft_overview(report: Report) -> str:
    """Three paragraphs: applications, appeals, proactive disclosure."""
    req = Section.REQUESTS
    who = report.agency or "本机关"
    year = f"{report.year}年，" if report.year else "本年度，"
    outcomes = [
        ("予以公开", _n(report, req, "granted", "total")),
        ("部分公开", _n(report, req, "partially_granted", "total")),
        ("不予公开", _group(report, DENIED)),
        ("无法提供", _group(report, UNABLE)),
        ("不予处理", _group(report, REJECTED)),
        ("其他处理", _group(report, OTHER)),
    ]
    listed = "、".join(f"{name}{count}件" for name, count in outcomes if count)
    applications = (
        f"{year}{who}新收到政府信息公开申请{_n(report, req, 'new_received', 'total')}件，"
        f"上年结转{_n(report, req, 'carried_over_from_last_year', 'total')}件；"
        f"办理完毕{_n(report, req, 'total_processed', 'total')}件"
        + (f"，其中{listed}" if listed else "")
        + f"；结转下年度继续办理{_n(report, req, 'carried_over_to_next_year', 'total')}件。"
    )
    app = Section.APPEALS
    litigation = sum(
        _n(report, app, key, "total")
        for key in ("litigation_direct", "litigation_after_reconsideration")
    )
    appeals = (
        f"因政府信息公开工作被申请行政复议{_n(report, app, 'reconsideration', 'total')}件，"
        f"被提起行政诉讼{litigation}件。"
    )
    return "\n".join((applications, appeals, _proactive(report)))


def _proactive(report: Report) -> str:
    pro = Section.PROACTIVE
    decisions = (
        f"作出行政许可决定{_n(report, pro, 'licensing', 'decisions')}件、"
        f"行政处罚决定{_n(report, pro, 'penalty', 'decisions')}件、"
        f"行政强制决定{_n(report, pro, 'coercion', 'decisions')}件"
    )
    if report.edition_of(pro) is Edition.E2021:
        return (
            f"主动公开方面，本年制发规章{_n(report, pro, 'rules', 'issued')}件、"
            f"行政规范性文件{_n(report, pro, 'normative_documents', 'issued')}件，"
            f"现行有效行政规范性文件{_n(report, pro, 'normative_documents', 'in_force')}件；"
            f"{decisions}。"
        )
    return (
        f"主动公开方面，本年新公开规章{_n(report, pro, 'rules', 'new_published')}件、"
        f"规范性文件{_n(report, pro, 'normative_documents', 'new_published')}件；{decisions}。"
    )
