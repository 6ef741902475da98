"""The filters shared by the report list, the exports and the API: region (and below), year,
status, with errors, agency — read from query parameters, applied to a visible queryset."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeVar

from django.core.exceptions import BadRequest
from django.db.models import Model, QuerySet
from django.http import QueryDict

from gongkai.errors import GongkaiError
from gongkai.oversight.access import User, regions_visible_to
from gongkai.oversight.models import Region, Status
from gongkai.site.params import MAX_KEY, number

M = TypeVar("M", bound=Model)


class BadFilter(GongkaiError):
    code = "bad_filter"


@dataclass(frozen=True)
class Filters:
    region: Region | None = None
    year: int | None = None
    status: str | None = None
    errors: bool | None = None
    agency: int | None = None

    def query(self) -> str:
        """The filters as a query string (for links that keep them)."""
        parts = []
        if self.region:
            parts.append(f"region={self.region.pk}")
        for name in ("year", "status", "agency"):
            if (value := getattr(self, name)) is not None:
                parts.append(f"{name}={value}")
        if self.errors is not None:
            parts.append(f"errors={'1' if self.errors else '0'}")
        return "&".join(parts)


def number_of(params: QueryDict, name: str, label: str, maximum: int = MAX_KEY) -> int | None:
    """A numeric parameter (ASCII digits, at most `maximum`); BadFilter in Chinese otherwise."""
    try:
        return number(params.get(name), label=label, maximum=maximum)
    except BadRequest as exc:
        raise BadFilter(str(exc)) from None


def read_filters(user: User, params: QueryDict) -> Filters:
    region_id = number_of(params, "region", "地区")
    region = None
    if region_id is not None:
        region = regions_visible_to(user).filter(pk=region_id).first()
        if region is None:
            raise BadFilter("没有这个地区，或您没有它的监督权限")
    status = params.get("status", "").strip() or None
    if status is not None and status not in Status.values:
        raise BadFilter(f"状态只能是 {'、'.join(Status.values)}")
    errors = {"1": True, "0": False, "": None}.get(params.get("errors", "").strip())
    year = number_of(params, "year", "年度", maximum=9999)
    return Filters(region, year, status, errors, number_of(params, "agency", "机关"))


def apply(qs: QuerySet[M], filters: Filters, prefix: str = "") -> QuerySet[M]:
    """`qs` narrowed by `filters`; `prefix` leads from its model to the report (e.g. "report__")."""
    if filters.region is not None:
        qs = qs.filter(**{f"{prefix}agency__region__path__startswith": filters.region.path})
    if filters.year is not None:
        qs = qs.filter(**{f"{prefix}year": filters.year})
    if filters.status is not None:
        qs = qs.filter(**{f"{prefix}status": filters.status})
    if filters.errors is True:
        qs = qs.filter(**{f"{prefix}errors__gt": 0})
    elif filters.errors is False:
        qs = qs.filter(**{f"{prefix}errors": 0})
    if filters.agency is not None:
        qs = qs.filter(**{f"{prefix}agency_id": filters.agency})
    return qs
