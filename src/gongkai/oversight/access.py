"""The one place that decides which regions, agencies and reports a user may see in oversight.

A superuser sees everything; anyone else sees the regions granted by `RegionAccess` and every
region below them. Views, exports, the API and actions never query around these functions.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from gongkai.errors import GongkaiError
from gongkai.ledger.access import Actor, User
from gongkai.oversight.models import (
    Cell,
    CorpusAgency,
    CorpusReport,
    FindingRow,
    Region,
    RegionAccess,
)

__all__ = ["AccessDenied", "Actor", "User", "regions_visible_to", "reports_visible_to"]


class AccessDenied(GongkaiError):
    code = "access_denied"


def _roots(user: User) -> list[str] | None:
    """Path prefixes the user reaches; None for everything, [] for nothing."""
    if not user.is_authenticated:
        return []
    if getattr(user, "is_superuser", False):
        return None
    return list(RegionAccess.objects.filter(user=user).values_list("region__path", flat=True))


def _under(field: str, roots: list[str]) -> Q:
    q = Q(pk__in=[])
    for root in roots:
        q |= Q(**{f"{field}__startswith": root})
    return q


def regions_visible_to(user: User) -> QuerySet[Region]:
    roots = _roots(user)
    return Region.objects.all() if roots is None else Region.objects.filter(_under("path", roots))


def agencies_visible_to(user: User) -> QuerySet[CorpusAgency]:
    roots = _roots(user)
    qs = CorpusAgency.objects.all()
    return qs if roots is None else qs.filter(_under("region__path", roots))


def reports_visible_to(user: User) -> QuerySet[CorpusReport]:
    roots = _roots(user)
    qs = CorpusReport.objects.all()
    return qs if roots is None else qs.filter(_under("agency__region__path", roots))


def cells_visible_to(user: User) -> QuerySet[Cell]:
    roots = _roots(user)
    qs = Cell.objects.all()
    return qs if roots is None else qs.filter(_under("report__agency__region__path", roots))


def findings_visible_to(user: User) -> QuerySet[FindingRow]:
    roots = _roots(user)
    qs = FindingRow.objects.all()
    return qs if roots is None else qs.filter(_under("report__agency__region__path", roots))


def may_oversee(user: User) -> bool:
    """Whether the user has any oversight reach at all (the navigation and the pages check)."""
    roots = _roots(user)
    return roots is None or bool(roots)


def require_region(user: User, region: Region) -> None:
    if not regions_visible_to(user).filter(pk=region.pk).exists():
        raise AccessDenied(f"您没有{region.name}的监督权限")


def require_report(user: User, report: CorpusReport) -> None:
    if not reports_visible_to(user).filter(pk=report.pk).exists():
        raise AccessDenied("您没有查看或更正这份报告的权限")
