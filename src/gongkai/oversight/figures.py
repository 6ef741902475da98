"""The key figures a dashboard sums, read from one report's cells, and the publication date.

《政府信息公开条例》第四十九条 sets when the annual report is due: 31 March of the following year
for a local government's own report (县级以上地方人民政府), 31 January for departments (and, by
usual local practice, townships): `gongkai.report.due`. `on_time` says whether the page's 发布时间
meets the due date of the agency's kind, None when the page gives no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from gongkai.corpus.names import parse_agency
from gongkai.report.document import Report, Value
from gongkai.report.due import report_due

DENIED_ROWS = (
    "denied_state_secret",
    "denied_prohibited_by_law",
    "denied_security_stability",
    "denied_third_party_rights",
    "denied_internal_affairs",
    "denied_process_information",
    "denied_enforcement_case_file",
    "denied_administrative_query",
)
APPEAL_ROWS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")

_DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")


def _cell(report: Report, path: str) -> Value:
    return report.value(path) if report.has(path) else None


def _sum(values: Iterable[Value]) -> int | None:
    present = [v for v in values if v is not None]
    return int(sum(present, Decimal(0))) if present else None


def figures(report: Report) -> dict[str, int | None]:
    """received, processed, granted, partially_granted, denied (and by ground: the keys of
    `DENIED_ROWS`), appeals, appeals_corrected."""

    def one(path: str) -> int | None:
        value = _cell(report, path)
        return None if value is None else int(value)

    return {
        "received": one("requests.new_received.total"),
        "processed": one("requests.total_processed.total"),
        "granted": one("requests.granted.total"),
        "partially_granted": one("requests.partially_granted.total"),
        "denied": _sum(_cell(report, f"requests.{row}.total") for row in DENIED_ROWS),
        "appeals": _sum(_cell(report, f"appeals.{row}.total") for row in APPEAL_ROWS),
        "appeals_corrected": _sum(_cell(report, f"appeals.{row}.corrected") for row in APPEAL_ROWS),
        **{row: one(f"requests.{row}.total") for row in DENIED_ROWS},
    }


def published_on(extra: dict[str, Any]) -> date | None:
    metadata = extra.get("metadata") or {}
    text = metadata.get("published_at") if isinstance(metadata, dict) else None
    match = _DATE.search(text or "")
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def on_time(year: int, published: date | None, agency: str) -> bool | None:
    """Whether a report of `agency` (its name) on `year` was published by its due date."""
    return None if published is None else published <= report_due(year, parse_agency(agency).kind)
