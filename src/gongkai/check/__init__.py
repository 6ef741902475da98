"""The checker: the consistency rules (勾稽关系) R1–R14 over one report.

    findings = check(report, previous=last_years_report)

R5–R7 run when the previous year's report is given; R11–R12 when the report carries its prose.
Findings come in rule order; `has_errors` tells whether any is at error level.
"""

from __future__ import annotations

from collections.abc import Iterable

from gongkai.check.arithmetic import check_arithmetic
from gongkai.check.continuity import check_continuity, check_proactive_counts
from gongkai.check.finding import Blanks, CellRef, Finding, Level
from gongkai.check.prose import check_fees, check_prose
from gongkai.check.rules import RULES, Rule
from gongkai.check.structure import (
    check_completeness,
    check_edition,
    check_rule_authority,
    check_values,
)
from gongkai.report.document import Report

__all__ = ["RULES", "Blanks", "CellRef", "Finding", "Level", "Rule", "check", "has_errors"]


def check(report: Report, *, previous: Report | None = None) -> list[Finding]:
    """Every finding the rules make on `report`, in rule order (R1 … R14)."""
    findings = [
        *check_arithmetic(report),
        *check_proactive_counts(report),
        *check_values(report),
        *check_rule_authority(report),
        *check_prose(report),
        *check_fees(report),
        *check_completeness(report),
        *check_edition(report),
    ]
    if previous is not None:
        findings.extend(check_continuity(report, previous))
    findings.sort(key=lambda f: int(f.rule[1:]) if f.rule[1:].isdigit() else 99)
    return findings


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.level is Level.ERROR for f in findings)
