"""Recomputing cached deadlines when what they are counted on changes: a year's holiday schedule
(`actions.calendar`) or an agency's periods and fee setting (`actions.agency`). One mechanism for
both: take the dates before, change, count again, and give every application whose answer
deadline or lapse date moved a history row saying from which date to which, in the same
transaction as the change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from gongkai.application.status import Action
from gongkai.ledger.access import Actor
from gongkai.ledger.deadlines import calendar, deadline_of, refresh_due
from gongkai.ledger.models import Application, StatusChange


@dataclass(frozen=True)
class Dates:
    """What a clerk acts on: the answer deadline (and whether provisional) and the lapse date."""

    due: date | None
    provisional: bool
    lapses_on: date | None


def dates_of(applications: Sequence[Application]) -> dict[int, Dates]:
    """The dates as counted now, before a change."""
    cal = calendar()
    out = {}
    for application in applications:
        deadline = deadline_of(application, cal)
        out[application.pk] = Dates(deadline.due, deadline.provisional, deadline.lapses_on)
    return out


def recompute(
    *,
    actor: Actor,
    applications: Sequence[Application],
    before: dict[int, Dates],
    on: date,
    cause: str,
) -> list[Application]:
    """Count `applications` again (locked by the caller) and record each one whose dates moved;
    returns those."""
    cal = calendar()
    moved = []
    for application in applications:
        cached = application.due_on, application.due_provisional
        deadline = refresh_due(application, cal=cal)
        after = Dates(deadline.due, deadline.provisional, deadline.lapses_on)
        was = before[application.pk]
        if after == was and cached == (after.due, after.provisional):
            continue
        application.save(update_fields=["due_on", "due_provisional", "updated_at"])
        StatusChange.objects.create(
            application=application,
            action=Action.RECOMPUTE_DEADLINE.value,
            from_status=application.status,
            to_status=application.status,
            on=on,
            by=actor,
            note=f"{cause}后重新计算：{_changes(was, after)}",
        )
        moved.append(application)
    return moved


def _changes(was: Dates, now: Dates) -> str:
    def shown(d: date | None, provisional: bool = False) -> str:
        return "无" if d is None else f"{d.isoformat()}{'（暂定）' if provisional else ''}"

    changes = []
    if (was.due, was.provisional) != (now.due, now.provisional):
        changes.append(
            f"答复期限由 {shown(was.due, was.provisional)} 改为 {shown(now.due, now.provisional)}"
        )
    if was.lapses_on != now.lapses_on:
        changes.append(f"视为放弃申请之日由 {shown(was.lapses_on)} 改为 {shown(now.lapses_on)}")
    return "；".join(changes)
