"""The dashboard: a region and a year, its totals, charts, sortable rankings, drill-down."""

from __future__ import annotations

from dataclasses import replace

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.oversight import dashboard as numbers
from gongkai.oversight.access import regions_visible_to, reports_visible_to
from gongkai.oversight.charts import bar_chart
from gongkai.oversight.filters import read_filters
from gongkai.oversight.views.common import overseer, region_choices


@overseer
def dashboard(request: HttpRequest) -> HttpResponse:
    filters = read_filters(request.user, request.GET)
    if filters.region is None:  # one region in reach: start there, its regions below listed
        roots = list(numbers.roots(regions_visible_to(request.user))[:2])
        if len(roots) == 1:
            filters = replace(filters, region=roots[0])
    visible = reports_visible_to(request.user)
    reports = numbers.scope(visible, filters.region, filters.year)
    sort = request.GET.get("sort", "errors")
    descending = request.GET.get("dir", "desc") != "asc"
    totals = numbers.totals(reports)
    children = numbers.sort_regions(
        numbers.by_region(reports, filters.region, regions_visible_to(request.user)),
        sort,
        descending,
    )
    grounds = numbers.denied_by_ground(reports)
    ranking = Paginator(numbers.ranking(reports, sort, descending), 50).get_page(
        request.GET.get("page")
    )
    years = list(visible.order_by("-year").values_list("year", flat=True).distinct())
    base = filters.query()
    return render(
        request,
        "oversight/dashboard.html",
        {
            "filters": filters,
            "regions": region_choices(request),
            "years": years,
            "totals": totals,
            "children": children,
            "grounds": grounds,
            "ranking": ranking,
            "sort": sort,
            "descending": descending,
            "sorts": [
                (
                    key,
                    label,
                    f"?{base}&sort={key}&dir={'asc' if sort == key and descending else 'desc'}",
                )
                for key, label in numbers.SORTS.items()
            ],
            "query": base,
            "sort_query": f"{base}&sort={sort}&dir={'desc' if descending else 'asc'}",
            "outcome_chart": bar_chart(
                "办理结果占比（%）",
                [
                    ("予以公开", totals.granted_share or 0.0),
                    ("部分公开", totals.partial_share or 0.0),
                    ("不予公开", totals.denied_share or 0.0),
                ],
                unit="%",
            ),
            "ground_chart": bar_chart("不予公开的理由（件）", [(g, float(n)) for g, n in grounds]),
            "region_chart": bar_chart(
                "各地区有错误的报告数", [(r.name, float(t["with_errors"])) for r, t in children]
            ),
        },
    )
