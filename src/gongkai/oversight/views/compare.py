"""Year on year: two reports of one agency — every cell's change, R5–R7, the prose diff with the
paragraphs copied from last year highlighted."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.oversight.views.common import overseer, visible_report
from gongkai.report import interchange


@overseer
def compare(request: HttpRequest, pk: int, other: int) -> HttpResponse:
    from gongkai.corpus.compare import Change, compare

    current, previous = visible_report(request, pk), visible_report(request, other)
    if current.agency_id != previous.agency_id:
        raise Http404("只能对比同一机关的两份报告")
    if previous.year > current.year:
        current, previous = previous, current
    comparison = compare(
        interchange.from_dict(current.report), interchange.from_dict(previous.report)
    )
    show_all = request.GET.get("all") == "1"
    changes = [c for c in comparison.changes if show_all or c.change is not Change.SAME]
    return render(
        request,
        "oversight/compare.html",
        {
            "current": current,
            "previous": previous,
            "comparison": comparison,
            "changes": changes,
            "show_all": show_all,
            "same": sum(1 for c in comparison.changes if c.change is Change.SAME),
            "copied_percent": round(100 * comparison.prose.copied_share, 1),
            "reused_percent": round(100 * comparison.prose.reused_share, 1),
        },
    )
