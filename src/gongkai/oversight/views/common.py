"""What every oversight page shares: the signed-in supervisor, the visible report, the filters."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest
from django.http.response import HttpResponseBase
from django.shortcuts import render

from gongkai.oversight.access import may_oversee, regions_visible_to, reports_visible_to
from gongkai.oversight.filters import BadFilter
from gongkai.oversight.models import CorpusReport

View = Callable[..., HttpResponseBase]


def overseer(view: View) -> View:
    """Login required, and some oversight reach: everyone else gets a 403 page in Chinese.
    A bad filter answers 400 with its reason."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not may_oversee(request.user):
            return render(
                request,
                "oversight/denied.html",
                {"message": "您没有任何地区的监督权限"},
                status=403,
            )
        try:
            return view(request, *args, **kwargs)
        except BadFilter as exc:
            return render(request, "oversight/denied.html", {"message": exc.message}, status=400)

    return wrapped


def visible_report(request: HttpRequest, pk: int) -> CorpusReport:
    report = (
        reports_visible_to(request.user)
        .select_related("agency", "agency__region")
        .filter(pk=pk)
        .first()
    )
    if report is None:
        raise Http404("没有这份报告，或您没有它的监督权限")
    return report


def region_choices(request: HttpRequest) -> list[tuple[int, str]]:
    """Visible regions for a filter's select, indented by depth."""
    return [
        (r.pk, "　" * (r.path.count("/") - 2) + r.name)
        for r in regions_visible_to(request.user).order_by("path")
    ]
