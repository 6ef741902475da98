"""The dashboard's numbers for a region and a year, aggregated in the database: totals, one row
per region directly below (each with everything under it), and a ranking of agencies."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Q, QuerySet, Sum, Value
from django.db.models.functions import StrIndex, Substr

from gongkai.oversight.figures import DENIED_ROWS
from gongkai.oversight.models import CorpusReport, Region
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

#: The sums every level shows, as Django aggregates over reports (named without the prefix
#: `PREFIX`, which keeps them apart from the report's own fields of the same name).
PREFIX = "t_"
_AGGREGATES: dict[str, Any] = {
    "reports": Count("pk"),
    "on_time": Count("pk", filter=Q(on_time=True)),
    "dated": Count("pk", filter=Q(on_time__isnull=False)),
    "with_errors": Count("pk", filter=Q(errors__gt=0)),
    "errors": Sum("errors"),
    "warnings": Sum("warnings"),
    "received": Sum("received"),
    "processed": Sum("processed"),
    "granted": Sum("granted"),
    "partially_granted": Sum("partially_granted"),
    "denied": Sum("denied"),
    "appeals": Sum("appeals"),
    "appeals_corrected": Sum("appeals_corrected"),
}

AGGREGATES = {PREFIX + k: v for k, v in _AGGREGATES.items()}

#: Columns of the ranking tables a user may sort by (key → Chinese heading).
SORTS = {
    "name": "名称",
    "reports": "报告数",
    "on_time": "按时发布",
    "errors": "错误",
    "warnings": "提醒",
    "received": "新收申请",
    "granted": "予以公开",
    "denied": "不予公开",
    "appeals": "复议诉讼",
    "appeals_corrected": "结果纠正",
}


def share(part: int | None, whole: int | None) -> float | None:
    """A percentage, None when there is nothing to divide."""
    return None if not whole or part is None else round(100 * part / whole, 1)


@dataclass
class Totals:
    values: dict[str, int]

    def __getitem__(self, key: str) -> int:
        return self.values[key]

    @property
    def granted_share(self) -> float | None:
        return share(self["granted"], self["processed"])

    @property
    def partial_share(self) -> float | None:
        return share(self["partially_granted"], self["processed"])

    @property
    def denied_share(self) -> float | None:
        return share(self["denied"], self["processed"])

    @property
    def corrected_share(self) -> float | None:
        return share(self["appeals_corrected"], self["appeals"])

    @property
    def on_time_share(self) -> float | None:
        return share(self["on_time"], self["dated"])


def _clean(values: dict[str, Any]) -> dict[str, int]:
    return {k.removeprefix(PREFIX): int(v or 0) for k, v in values.items()}


def scope(
    reports: QuerySet[CorpusReport], region: Region | None, year: int | None
) -> QuerySet[CorpusReport]:
    if region is not None:
        reports = reports.filter(agency__region__path__startswith=region.path)
    if year is not None:
        reports = reports.filter(year=year)
    return reports


def totals(reports: QuerySet[CorpusReport]) -> Totals:
    return Totals(_clean(reports.aggregate(**AGGREGATES)))


def denied_by_ground(reports: QuerySet[CorpusReport]) -> list[tuple[str, int]]:
    """不予公开 by ground (the eight rows of （三）, total column), from the reports' own columns
    (summing the cell table instead is ten times slower on 20,000 reports)."""
    sums = reports.aggregate(**{row: Sum(row) for row in DENIED_ROWS})
    grid = table(Edition.E2021, Section.REQUESTS)
    return [(grid.row(row).short.split("·")[-1], int(sums[row] or 0)) for row in DENIED_ROWS]


def by_region(
    reports: QuerySet[CorpusReport], parent: Region | None, regions: QuerySet[Region]
) -> list[tuple[Region, Totals]]:
    """One row per region directly below `parent` (the visible roots when None), each with the
    sums over everything under it — one GROUP BY query on the first path segment below `parent`."""
    children = list(
        (regions.filter(parent=parent) if parent is not None else roots(regions)).order_by("name")
    )
    if parent is None:
        # The roots of a user's reach need not share a parent: one prefix match each (few).
        return [
            (child, totals(reports.filter(agency__region__path__startswith=child.path)))
            for child in children
        ]
    rest = Substr("agency__region__path", len(parent.path) + 1)
    segment = Substr(rest, 1, StrIndex(rest, Value("/")) - 1)
    grouped = {
        row.pop("child"): Totals(_clean(row))
        for row in reports.filter(agency__region__path__startswith=parent.path)
        .exclude(agency__region_id=parent.pk)
        .annotate(child=segment)
        .values("child")
        .annotate(**AGGREGATES)
        .order_by()
    }
    empty = Totals(_clean(dict.fromkeys(AGGREGATES, 0)))
    return [(child, grouped.get(str(child.pk), empty)) for child in children]


def roots(regions: QuerySet[Region]) -> QuerySet[Region]:
    """The visible regions whose parent is not visible."""
    return regions.exclude(parent__in=regions)


def ranking(reports: QuerySet[CorpusReport], sort: str, descending: bool) -> QuerySet[Any]:
    """Agencies with their sums, sorted by a column of `SORTS`."""
    key = sort if sort in SORTS else "errors"
    rows = reports.values("agency", "agency__name", "agency__region__name").annotate(
        **{k: v for k, v in AGGREGATES.items() if k.removeprefix(PREFIX) in SORTS}
    )
    order = "agency__name" if key == "name" else PREFIX + key
    return rows.order_by(f"-{order}" if descending else order, "agency__name")


def sort_regions(
    rows: list[tuple[Region, Totals]], sort: str, descending: bool
) -> list[tuple[Region, Totals]]:
    if sort == "name" or sort not in SORTS:
        return sorted(rows, key=lambda r: r[0].name, reverse=descending)
    return sorted(rows, key=lambda r: (r[1][sort], r[0].name), reverse=descending)
