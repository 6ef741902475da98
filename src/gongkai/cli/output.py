"""How findings are shown: readable Chinese text for people, JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from gongkai.check.finding import Finding, Level
from gongkai.report.document import Report


def title(report: Report, source: str = "") -> str:
    who = report.agency or "（未识别机关名称）"
    year = f"{report.year} 年度" if report.year else "（未识别年度）"
    edition = report.edition.label
    if report.is_mixed:
        parts = "、".join(f"{s.label}{e.label}" for s, e in sorted(report.editions.items()))
        edition += f"；混用格式：{parts}"
    head = f"{who} {year}政府信息公开工作年度报告（{edition}）"
    return f"{source}\n{head}" if source else head


def summary(findings: Sequence[Finding]) -> str:
    errors = sum(f.level is Level.ERROR for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return "未发现问题。"
    return f"共 {errors} 个错误、{warnings} 个提醒。"


def findings_text(report: Report, findings: Sequence[Finding], source: str = "") -> str:
    lines = [title(report, source)]
    doubts = [f for f in findings if f.source == "extraction"]
    rules = [f for f in findings if f.source != "extraction"]
    if doubts:
        lines.append("读取存疑：")
        lines.extend(_line(f) for f in doubts)
    if rules:
        lines.append("核对结果：")
        lines.extend(_line(f) for f in rules)
    lines.append(summary(findings))
    return "\n".join(lines)


def _line(f: Finding) -> str:
    return f"  [{f.level.label}] {f.rule}  {f.message}"


def findings_json(report: Report, findings: Sequence[Finding], source: str = "") -> dict[str, Any]:
    return {
        "source": source or None,
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition.value,
        "errors": sum(f.level is Level.ERROR for f in findings),
        "warnings": sum(f.level is Level.WARNING for f in findings),
        "findings": [f.as_dict() for f in findings],
    }


def dump_json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)
