"""R11 and R12: what the prose (sections 一, 五, 六) says against what the tables say.

Prose is free text, so these rules look only for a few unmistakable statements (a count of
applications received, of reconsiderations, of lawsuits, or that there were none) and only warn.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from gongkai.check.finding import CellRef, Finding, Level
from gongkai.report.document import Report, Value
from gongkai.report.grid import Section

_STOP = r"[^。；;，,、\d]"
_APPLICATIONS = re.compile(
    rf"(?:收到|受理|办理|接收|接到|共收|新收)(?:{_STOP}{{0,16}}?)"
    rf"(?:政府信息公开|依申请公开|信息公开)(?:{_STOP}{{0,4}}?)申请(?:{_STOP}{{0,4}}?)"
    r"(\d+)\s*(?:件|个|份|条|封)"
)
_NO_APPLICATIONS = re.compile(
    r"(?:没有|未|无)(?:收到|受理|接到)(?:[^。；;，,\d]{0,8}?)(?:依申请公开|政府信息公开申请|申请公开)"
)
_APPEALS = {
    "reconsideration": re.compile(r"行政复议(?:案件)?(?:共|计)?\s*(\d+)\s*(?:件|起|宗|个)"),
    "litigation": re.compile(r"行政诉讼(?:案件)?(?:共|计)?\s*(\d+)\s*(?:件|起|宗|个)"),
}
_NO_APPEALS = re.compile(
    r"(?:没有|未)(?:发生)?(?:因政府信息公开(?:工作|申请)?)?(?:被)?(?:申请|提起)?行政复议[、和及与]"
    r"(?:提起)?(?:行政)?诉讼"
)
_FEE_COLLECTED = re.compile(r"(?<![没未不无])(?:收取|收缴|征收)[^。；;]{0,12}信息处理费")
#: Section 六 reports the fees of information requests (第四十二条): 信息处理费, or 收费 / 收取费用
#: said of 依申请公开 or of providing information. Not any 收费: 「行政事业性收费」 and 「收费项目」 in
#: section 六 are about proactive disclosure (第二十条第八项), not about requests.
_CHARGED = r"(?:(?<!行政事业性)收费|收取[^。；;]{0,6}?费用|不收(?:取)?费|免费)"
_REQUESTS = r"(?:依申请|政府信息公开申请|信息公开申请|提供政府信息|政府信息公开的)"
_FEE_REPORTED = re.compile(
    rf"信息处理费|{_REQUESTS}[^。；;]{{0,20}}?{_CHARGED}|{_CHARGED}[^。；;]{{0,20}}?{_REQUESTS}"
)


def check_prose(report: Report) -> Iterator[Finding]:
    """R11: numbers quoted in the prose agree with the tables."""
    text = "\n".join(report.prose.get(n, "") for n in (1, 5, 6))
    if not text.strip():
        return
    received = _total(report, "requests", "new_received")
    if received is not None:
        quoted = [int(m.group(1)) for m in _APPLICATIONS.finditer(text)]
        accepted = {
            received,
            received + (_total(report, "requests", "carried_over_from_last_year") or 0),
            _total(report, "requests", "total_processed"),
        }
        for n in quoted:
            if n not in accepted:
                yield _mismatch(
                    report, f"正文说收到政府信息公开申请 {n} 件", "new_received", received
                )
                break
        if _NO_APPLICATIONS.search(text) and received > 0:
            yield _mismatch(report, "正文说没有收到政府信息公开申请", "new_received", received)

    recon = _total(report, "appeals", "reconsideration")
    direct = _total(report, "appeals", "litigation_direct")
    after = _total(report, "appeals", "litigation_after_reconsideration")
    for match in _APPEALS["reconsideration"].finditer(text):
        if recon is not None and int(match.group(1)) != recon:
            yield _appeal_mismatch(
                report, f"正文说行政复议 {match.group(1)} 件", "reconsideration", recon
            )
            break
    if direct is not None and after is not None:
        for match in _APPEALS["litigation"].finditer(text):
            if int(match.group(1)) != direct + after:
                yield _appeal_mismatch(
                    report,
                    f"正文说行政诉讼 {match.group(1)} 件",
                    "litigation_direct",
                    direct + after,
                )
                break
    if _NO_APPEALS.search(text) and any(v for v in (recon, direct, after)):
        total = (recon or 0) + (direct or 0) + (after or 0)
        yield _appeal_mismatch(report, "正文说没有行政复议、行政诉讼", "reconsideration", total)


def check_fees(report: Report) -> Iterator[Finding]:
    """R12: fees collected are reported in section 六."""
    if 6 not in report.prose:
        return
    unpaid = _total(report, "requests", "other_fee_unpaid") or 0
    mentioned = any(_FEE_COLLECTED.search(report.prose.get(n, "")) for n in (1, 5))
    if (unpaid > 0 or mentioned) and not _FEE_REPORTED.search(report.prose[6]):
        why = (
            f"有 {unpaid} 件申请因逾期未缴纳信息处理费而终止"
            if unpaid
            else "正文提到收取信息处理费"
        )
        yield Finding(
            "R12",
            Level.WARNING,
            f"{why}，但第六部分没有报告信息处理费的收取情况",
        )


def _total(report: Report, section: str, row: str) -> int | None:
    value: Value = report.rows(Section(section)).get(row, {}).get("total")
    if value is None or report.is_doubtful(Section(section), row, "total"):
        return None
    return int(value) if not isinstance(value, Decimal) else int(value.to_integral_value())


def _mismatch(report: Report, said: str, row: str, table: int) -> Finding:
    path = f"requests.{row}.total"
    return Finding(
        "R11",
        Level.WARNING,
        f"{said}，而表格中{report.label(path)} 为 {table}",
        (CellRef(path, report.label(path)),),
        actual=table,
    )


def _appeal_mismatch(report: Report, said: str, row: str, table: int) -> Finding:
    path = f"appeals.{row}.total"
    return Finding(
        "R11",
        Level.WARNING,
        f"{said}，而第四部分表格合计为 {table}",
        (CellRef(path, report.label(path)),),
        actual=table,
    )
