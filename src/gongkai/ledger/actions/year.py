"""Locking a published year, and the guard every other action passes through."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.db import IntegrityError, transaction

from gongkai.check import check
from gongkai.check.finding import Level
from gongkai.errors import GongkaiError
from gongkai.ledger.access import Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import Agency, ReportCorrection, Role, YearLock
from gongkai.ledger.writes import action
from gongkai.report import interchange


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


@action
def year_lock(*, actor: Actor, agency: Agency, year: int) -> YearLock:
    """A head of office locks a published year; the report as published is computed here, checked,
    and kept with the lock. A report with an error-level finding cannot be locked, whatever the
    page offered."""
    require_role(actor, agency, Role.HEAD)
    report = ledger_report(agency, year)
    errors = [f for f in check(report) if f.level is Level.ERROR]
    if errors:
        listed = "；".join(f"{f.rule} {f.message}" for f in errors[:3])
        more = f"等 {len(errors)} 个" if len(errors) > 3 else ""
        raise YearLocked(f"{year} 年度报告有错误级别的问题{more}，不能锁定：{listed}")
    try:
        with transaction.atomic():
            lock = YearLock.objects.create(
                agency=agency, year=year, locked_by=actor, report=interchange.to_dict(report)
            )
    except IntegrityError:
        raise YearLocked(f"{year} 年度已经锁定") from None
    audit(actor=actor, agency=agency, action="year_lock", obj=lock, year=year)
    return lock
