"""Entering a year's holiday schedule (放假和调休安排): the site administrator's action.

Every cached deadline that the new schedule moves is recomputed in the same transaction, each with
a history row saying from which date to which, so no application keeps a provisional or stale date
(the schedule decides which days are working days under 第三十三条's 20 working days)."""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.application.status import Action
from gongkai.clock import YearSchedule
from gongkai.ledger.access import AccessDenied, Actor
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.deadlines import calendar, refresh_due
from gongkai.ledger.models import Application, HolidaySchedule, StatusChange


@transaction.atomic
def holiday_schedule_save(
    *, actor: Actor, schedule: YearSchedule, on: date, text: str = ""
) -> list[Application]:
    """Store `schedule` (replacing the year's earlier entry) and recompute the open applications
    whose deadline it moves. Returns those applications."""
    if not actor.is_superuser:
        raise AccessDenied("只有系统管理员可以录入节假日安排")
    row, _ = HolidaySchedule.objects.select_for_update().get_or_create(year=schedule.year)
    row.holidays = sorted(d.isoformat() for d in schedule.holidays)
    row.workdays = sorted(d.isoformat() for d in schedule.workdays)
    row.names = {d.isoformat(): n for d, n in sorted(schedule.names.items())}
    row.text = text
    row.entered_by = actor
    row.save()
    moved = _recompute(actor=actor, year=schedule.year, on=on)
    audit(
        actor=actor,
        agency=None,
        action="holiday_schedule_save",
        obj=row,
        year=schedule.year,
        holidays=len(row.holidays),
        workdays=len(row.workdays),
        recomputed=len(moved),
    )
    return moved


def _recompute(*, actor: Actor, year: int, on: date) -> list[Application]:
    """Every application whose count may run through `year`, answered ones included: a deadline
    the schedule moves earlier can turn an answer given on the provisional last day into a late
    one, and that must show (第三十三条)."""
    cal = calendar()
    moved = []
    candidates = Application.objects.select_for_update().filter(
        received_on__gte=date(year - 1, 1, 1), received_on__lte=date(year, 12, 31)
    )
    for application in candidates.select_related("agency").prefetch_related("clock_events"):
        before, was_provisional = application.due_on, application.due_provisional
        refresh_due(application, save=False, cal=cal)
        if (application.due_on, application.due_provisional) == (before, was_provisional):
            continue
        application.save(update_fields=["due_on", "due_provisional", "updated_at"])
        StatusChange.objects.create(
            application=application,
            action=Action.RECOMPUTE_DEADLINE.value,
            from_status=application.status,
            to_status=application.status,
            on=on,
            by=actor,
            note=_note(year, before, was_provisional, application),
        )
        moved.append(application)
    return moved


def _note(year: int, before: date | None, was_provisional: bool, after: Application) -> str:
    def shown(d: date | None, provisional: bool) -> str:
        return "无" if d is None else f"{d.isoformat()}{'（暂定）' if provisional else ''}"

    return (
        f"录入 {year} 年节假日安排后重新计算：答复期限由 {shown(before, was_provisional)} "
        f"改为 {shown(after.due_on, after.due_provisional)}"
    )
