"""The annual report of one agency and year, computed from the ledger by SQL aggregation.

Counting follows the handling rules, so R1 holds by construction: `new_received` = received in
the year; `carried_over_from_last_year` = received earlier, still open on 1 January; an outcome
row = closed in the year; `carried_over_to_next_year` = still open on 31 December.
Appeals (an inference, documented): a case counts in year N when filed by 31 December and not
decided before 1 January; its result is the one it had on 31 December, else 尚未审结.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Case, CharField, Count, F, Q, QuerySet, Value, When

from gongkai.application.annual import RequestCounts, annual_report
from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.ledger.models import Agency, Appeal, Application, ProactiveCount, ReportProse
from gongkai.report.document import Report, Rows
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section


def ledger_report(agency: Agency, year: int, edition: Edition | None = None) -> Report:
    edition = edition or Edition.for_year(year)
    start, end = date(year, 1, 1), date(year, 12, 31)
    apps = Application.objects.filter(agency=agency)
    counts = RequestCounts(
        new_received=_by_kind(apps.filter(received_on__range=(start, end))),
        carried_over_from_last_year=_by_kind(
            apps.filter(received_on__lt=start).filter(
                Q(closed_on__isnull=True) | Q(closed_on__gte=start)
            )
        ),
        closed=_closed(apps.filter(closed_on__range=(start, end))),
        carried_over_to_next_year=_by_kind(
            apps.filter(received_on__lte=end).filter(
                Q(closed_on__isnull=True) | Q(closed_on__gt=end)
            )
        ),
    )
    report = annual_report(
        agency=agency.name,
        year=year,
        edition=edition,
        requests=counts,
        appeals=_appeals(agency, start, end),
        proactive=_proactive(agency, year, edition),
    )
    report.prose = _prose(agency, year)
    return report


@dataclass(frozen=True)
class Timeliness:
    """Answers against their deadline (第三十三条) in one year, from the cached deadlines: not part
    of the national format, shown beside it so that a breach cannot hide."""

    closed: int  # closed in the year
    closed_late: int  # of those, closed after their answer deadline
    open_overdue: int  # received by `on`, still open on `on`, and past their deadline then
    on: date  # the last day counted: 31 December, or today within the year


def timeliness(agency: Agency, year: int, *, today: date) -> Timeliness:
    start, end = date(year, 1, 1), date(year, 12, 31)
    on = min(end, today)
    closed = Application.objects.filter(agency=agency, closed_on__range=(start, end))
    still_open = Application.objects.filter(agency=agency, received_on__lte=on).filter(
        Q(closed_on__isnull=True) | Q(closed_on__gt=on)
    )
    return Timeliness(
        closed=closed.count(),
        closed_late=closed.filter(due_on__lt=F("closed_on")).count(),
        open_overdue=still_open.filter(due_on__lt=on).count(),
        on=on,
    )


def _by_kind(qs: QuerySet[Application]) -> dict[ApplicantKind, int]:
    rows = qs.values("applicant_kind").annotate(n=Count("pk")).order_by()
    return {ApplicantKind(r["applicant_kind"]): r["n"] for r in rows}


def _closed(qs: QuerySet[Application]) -> dict[Outcome, dict[ApplicantKind, int]]:
    out: dict[Outcome, dict[ApplicantKind, int]] = defaultdict(dict)
    for r in qs.values("outcome", "applicant_kind").annotate(n=Count("pk")).order_by():
        out[Outcome(r["outcome"])][ApplicantKind(r["applicant_kind"])] = r["n"]
    return dict(out)


def _appeals(agency: Agency, start: date, end: date) -> dict[str, dict[str, int]]:
    cases = Appeal.objects.filter(agency=agency, filed_on__lte=end).filter(
        Q(decided_on__isnull=True) | Q(decided_on__gte=start)
    )
    state = Case(
        When(decided_on__isnull=False, decided_on__lte=end, then=F("result")),
        default=Value("pending"),
        output_field=CharField(),
    )
    out: dict[str, dict[str, int]] = defaultdict(dict)
    for r in cases.annotate(state=state).values("kind", "state").annotate(n=Count("pk")).order_by():
        out[r["kind"]][r["state"]] = r["n"]
    return dict(out)


def _proactive(agency: Agency, year: int, edition: Edition) -> Rows:
    """Section 二 as entered; cells not entered stay absent, so R13 names them."""
    grid = table(edition, Section.PROACTIVE)
    rows: Rows = {}
    for cell in ProactiveCount.objects.filter(agency=agency, year=year, edition=edition.value):
        if not grid.has_row(cell.row):
            continue
        value: Decimal = cell.value
        rows.setdefault(cell.row, {})[cell.column] = (
            int(value) if value == value.to_integral_value() else value.normalize()
        )
    return rows


def _prose(agency: Agency, year: int) -> dict[int, str]:
    """Sections 一, 五 and 六 as the agency wrote them; a section not written stays absent."""
    rows = ReportProse.objects.filter(agency=agency, year=year).exclude(text="")
    return {row.section: row.text for row in rows.order_by("section")}
