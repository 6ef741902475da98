"""Locking a published year, and the guard every other action passes through."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction

from gongkai.errors import GongkaiError
from gongkai.ledger.access import Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.models import Agency, ReportCorrection, Role, YearLock


class YearLocked(GongkaiError):
    code = "year_locked"


def guard_locked_years(
    *, actor: Actor, agency: Agency, dates: Iterable[date | None], reason: str, what: str
) -> None:
    """Refuse a change touching a locked year, unless it comes with a reason: then record it."""
    years = sorted({d.year for d in dates if d is not None})
    locked = list(
        YearLock.objects.filter(agency=agency, year__in=years).values_list("year", flat=True)
    )
    if not locked:
        return
    if not reason.strip():
        raise YearLocked(
            f"{'、'.join(map(str, locked))} 年度的报告已锁定发布；如确需修改，请填写更正理由"
        )
    for year in locked:
        correction = ReportCorrection.objects.create(
            agency=agency, year=year, reason=reason.strip(), by=actor, details={"change": what}
        )
        audit(actor=actor, agency=agency, action="report_correct", obj=correction, year=year)


@transaction.atomic
def year_lock(*, actor: Actor, agency: Agency, year: int, report: dict[str, object]) -> YearLock:
    """A head of office locks a published year; the report as published is kept with the lock."""
    require_role(actor, agency, Role.HEAD)
    try:
        with transaction.atomic():
            lock = YearLock.objects.create(agency=agency, year=year, locked_by=actor, report=report)
    except IntegrityError:
        raise YearLocked(f"{year} 年度已经锁定") from None
    audit(actor=actor, agency=agency, action="year_lock", obj=lock, year=year)
    return lock
