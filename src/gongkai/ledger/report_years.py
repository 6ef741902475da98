"""Which years the ledger can report on, beside the year asked for."""

from __future__ import annotations

from datetime import date

from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import Agency, Application, ProactiveCount, YearLock
from gongkai.report.document import Report
from gongkai.report.grid import Edition


def previous_report(agency: Agency, year: int) -> Report | None:
    """Last year's ledger report, for year-on-year comparison; None when the ledger holds nothing
    for last year (no request received by its end, no section 二 entered, not locked) — a report
    of zeros would compare this year with a year the agency never kept in the ledger."""
    last = year - 1
    if Edition.for_year(last) is Edition.LEGACY:
        return None
    kept = (
        Application.objects.filter(agency=agency, received_on__lte=date(last, 12, 31)).exists()
        or ProactiveCount.objects.filter(agency=agency, year=last).exists()
        or YearLock.objects.filter(agency=agency, year=last).exists()
    )
    return ledger_report(agency, last) if kept else None
