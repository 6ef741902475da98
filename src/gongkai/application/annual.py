"""The annual report's tables built from the ledger's counts — exact by construction.

The ledger aggregates in SQL and hands over plain counts; this module lays them into the grid.
Counting for a report year (handling rules): `new_received` = received in the year;
`carried_over_from_last_year` = received earlier and still open on 1 January; an outcome row =
closed in the year with that outcome; `carried_over_to_next_year` = still open on 31 December.
R1 then holds by construction, and R2–R4 because totals are sums.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.report.document import Report, Rows
from gongkai.report.editions import APPLICANT_KEYS, table
from gongkai.report.grid import Edition, Section

KindCounts = Mapping[ApplicantKind, int]


@dataclass(frozen=True)
class RequestCounts:
    """What the ledger counted for one agency and one year."""

    new_received: KindCounts = field(default_factory=dict)
    carried_over_from_last_year: KindCounts = field(default_factory=dict)
    closed: Mapping[Outcome, KindCounts] = field(default_factory=dict)
    carried_over_to_next_year: KindCounts = field(default_factory=dict)


APPEAL_RESULTS = ("upheld", "corrected", "other", "pending")


def requests_table(counts: RequestCounts, edition: Edition) -> Rows:
    grid = table(edition, Section.REQUESTS)
    rows: Rows = {row.key: dict.fromkeys(APPLICANT_KEYS, 0) for row in grid.rows}

    def add(row: str, by_kind: KindCounts) -> None:
        for kind, n in by_kind.items():
            rows[row][kind.value] = int(rows[row][kind.value] or 0) + n

    add("new_received", counts.new_received)
    add("carried_over_from_last_year", counts.carried_over_from_last_year)
    add("carried_over_to_next_year", counts.carried_over_to_next_year)
    for outcome, by_kind in counts.closed.items():
        add(outcome.report_row(edition), by_kind)
        add("total_processed", by_kind)
    for cols in rows.values():
        cols["total"] = sum(int(cols[k] or 0) for k in APPLICANT_KEYS)
    return rows


def appeals_table(counts: Mapping[str, Mapping[str, int]]) -> Rows:
    """`counts[block][result]` with block a section 四 row key and result one of APPEAL_RESULTS."""
    rows: Rows = {}
    for row in table(Edition.E2021, Section.APPEALS).rows:
        by_result = counts.get(row.key, {})
        parts = {r: int(by_result.get(r, 0)) for r in APPEAL_RESULTS}
        rows[row.key] = {**parts, "total": sum(parts.values())}
    return rows


def annual_report(
    *,
    agency: str,
    year: int,
    edition: Edition,
    requests: RequestCounts,
    appeals: Mapping[str, Mapping[str, int]],
    proactive: Rows,
) -> Report:
    return Report(
        agency=agency,
        year=year,
        edition=edition,
        proactive=proactive,
        requests=requests_table(requests, edition),
        appeals=appeals_table(appeals),
    )
