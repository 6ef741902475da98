"""Whether catalogue items were published on time (第二十六条), item by item and for a year.

A year whose holiday schedule is not entered is said so, never assumed: such an item's timeliness
is 「无法判断」 with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from gongkai.clock import Calendar, Publication, ScheduleMissing, publication
from gongkai.ledger.models import Agency, CatalogueItem


@dataclass(frozen=True)
class Timeliness:
    """An item's timeliness for the page: the computation, or why there is none."""

    publication: Publication | None
    problem: str = ""

    @property
    def label(self) -> str:
        return self.publication.label if self.publication else f"无法判断：{self.problem}"

    @property
    def late(self) -> bool:
        return self.publication is not None and self.publication.late


def timeliness(item: CatalogueItem, *, calendar: Calendar, today: date) -> Timeliness:
    try:
        return Timeliness(
            publication(item.made_on, item.published_on, calendar=calendar, today=today)
        )
    except ScheduleMissing as exc:
        return Timeliness(None, exc.message)


@dataclass(frozen=True)
class YearSummary:
    """The items made in one year, by timeliness on `today`."""

    year: int
    total: int
    on_time: int
    late: int  # published, but after the 20 working days
    overdue: int  # not published, and the 20 working days are over
    pending: int  # not published, still within the period
    unknown: int  # a needed year's holiday schedule is not entered

    @property
    def late_total(self) -> int:
        return self.late + self.overdue


def year_summary(agency: Agency, year: int, *, calendar: Calendar, today: date) -> YearSummary:
    counts = {"on_time": 0, "late": 0, "overdue": 0, "pending": 0, "unknown": 0}
    items = CatalogueItem.objects.filter(agency=agency, made_on__year=year)
    total = 0
    for made_on, published_on in items.values_list("made_on", "published_on").iterator():
        total += 1
        try:
            result = publication(made_on, published_on, calendar=calendar, today=today)
        except ScheduleMissing:
            counts["unknown"] += 1
        else:
            counts[result.timeliness.value] += 1
    return YearSummary(year=year, total=total, **counts)
