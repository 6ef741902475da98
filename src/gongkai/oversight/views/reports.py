"""The report list, the review page of one report and its cell correction."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.oversight import actions
from gongkai.oversight.access import reports_visible_to
from gongkai.oversight.actions.correct import parse_value
from gongkai.oversight.filters import apply, read_filters
from gongkai.oversight.models import Status
from gongkai.oversight.review import review_context
from gongkai.oversight.views.common import overseer, region_choices, visible_report


@overseer
def report_list(request: HttpRequest) -> HttpResponse:
    filters = read_filters(request.user, request.GET)
    reports = apply(reports_visible_to(request.user), filters).select_related(
        "agency", "agency__region"
    )
    page = Paginator(reports.order_by("agency__name", "-year", "pk"), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "oversight/report_list.html",
        {
            "page": page,
            "filters": filters,
            "query": filters.query(),
            "regions": region_choices(request),
            "statuses": Status.choices,
        },
    )


@overseer
def review(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    return render(
        request, "oversight/review.html", review_context(report, request.GET.get("cell", ""))
    )


@overseer
@require_POST
def correct(request: HttpRequest, pk: int) -> HttpResponse:
    report = visible_report(request, pk)
    path = request.POST.get("path", "")
    try:
        value = parse_value(request.POST.get("value", ""))
        user = request.user
        assert user.is_authenticated
        actions.report_correct_cell(
            actor=user,
            report=report,
            path=path,
            value=value,
            reason=request.POST.get("reason", ""),
        )
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已更正，并已重新核对")
    return redirect(f"/oversight/reports/{report.pk}/?{urlencode({'cell': path})}#correct")
