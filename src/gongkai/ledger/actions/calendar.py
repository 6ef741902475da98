"""Entering a year's holiday schedule (放假和调休安排): the site administrator's action.

Every cached deadline that the new schedule moves is recomputed in the same transaction, each with
a history row saying from which date to which, so no application keeps a provisional or stale date
(the schedule decides which days are working days under 第三十三条's 20 working days)."""

from __future__ import annotations

from datetime import date

from gongkai.clock import YearSchedule
from gongkai.ledger.access import AccessDenied, Actor
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.recompute import dates_of, recompute
from gongkai.ledger.models import Application, HolidaySchedule
from gongkai.ledger.writes import action


@action
def holiday_schedule_save(
    *, actor: Actor, schedule: YearSchedule, on: date, text: str = ""
) -> list[Application]:
    """Store `schedule` (replacing the year's earlier entry) and recompute every application whose
    count may run through the year, answered ones included: a deadline the schedule moves earlier
    can turn an answer given on the provisional last day into a late one, and that must show
    (第三十三条). Returns the applications whose dates moved."""
    if not actor.is_superuser:
        raise AccessDenied("只有系统管理员可以录入节假日安排")
    year = schedule.year
    candidates = list(
        Application.objects.select_for_update()
        .filter(received_on__gte=date(year - 1, 1, 1), received_on__lte=date(year, 12, 31))
        .select_related("agency")
        .prefetch_related("clock_events")
    )
    before = dates_of(candidates)
    row, _ = HolidaySchedule.objects.select_for_update().get_or_create(year=year)
    row.holidays = sorted(d.isoformat() for d in schedule.holidays)
    row.workdays = sorted(d.isoformat() for d in schedule.workdays)
    row.names = {d.isoformat(): n for d, n in sorted(schedule.names.items())}
    row.text = text
    row.entered_by = actor
    row.save()
    moved = recompute(
        actor=actor,
        applications=candidates,
        before=before,
        on=on,
        cause=f"录入 {year} 年节假日安排",
    )
    audit(
        actor=actor,
        agency=None,
        action="holiday_schedule_save",
        obj=row,
        year=year,
        holidays=len(row.holidays),
        workdays=len(row.workdays),
        recomputed=len(moved),
    )
    return moved
