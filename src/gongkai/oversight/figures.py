"""The key figures a dashboard sums, read from one report's cells, and the publication date.

The State Council regulation (《政府信息公开条例》第五十条) requires the annual report to be
published before 31 January of the following year; `on_time` says whether the page's 发布时间
meets that, None when the page gives no date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from decimal import Decimal
from typing import Any

from gongkai.report.document import Report, Value

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


def deadline(year: int) -> date:
    return date(year + 1, 1, 31)


def on_time(year: int, published: date | None) -> bool | None:
    return None if published is None else published <= deadline(year)
