"""The year's report computed from the ledger, its checker findings, its JSON, and locking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.check import check, has_errors
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import role_in
from gongkai.ledger.annual import ledger_report, timeliness
from gongkai.ledger.models import Role, YearLock
from gongkai.ledger.views.common import actor, current_agency, current_date
from gongkai.ledger.views.report_file import FORMATS
from gongkai.report import interchange
from gongkai.report.grid import Edition
from gongkai.report.layout import layout


@login_required
def year_report(request: HttpRequest, year: int) -> HttpResponse:
    agency = current_agency(request)
    edition = Edition.for_year(year)
    report = ledger_report(agency, year, edition)
    findings = check(report)
    lock = YearLock.objects.filter(agency=agency, year=year).select_related("locked_by").first()
    return render(
        request,
        "ledger/year.html",
        {
            "agency": agency,
            "year": year,
            "report": report,
            "tables": layout(report),
            "findings": findings,
            "has_errors": has_errors(findings),
            "timeliness": timeliness(agency, year, today=current_date()),
            "lock": lock,
            "head": role_in(request.user, agency) is Role.HEAD,
            "json": interchange.dumps(report),
            "formats": FORMATS,
        },
    )


@login_required
def year_report_json(request: HttpRequest, year: int) -> HttpResponse:
    agency = current_agency(request)
    report = ledger_report(agency, year)
    response = HttpResponse(
        interchange.dumps(report), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="report-{year}.json"'
    return response


@login_required
@require_POST
def year_lock(request: HttpRequest, year: int) -> HttpResponse:
    agency = current_agency(request)
    try:
        actions.year_lock(actor=actor(request), agency=agency, year=year)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{year} 年度已锁定")
    return redirect(f"/years/{year}/?agency={agency.pk}")
