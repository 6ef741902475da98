"""The common shape of an action on one application: lock the row, check the role and the locked
years, move the status (with its history row), record the clock event, refresh the deadline, audit.
"""

from __future__ import annotations

from datetime import date

from gongkai.application.status import Action, transition
from gongkai.errors import GongkaiError
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.deadlines import refresh_due
from gongkai.ledger.models import Application, ClockEvent, ClockEventKind, Role, StatusChange


class InvalidRequest(GongkaiError):
    code = "invalid"


def locked(application: Application) -> Application:
    """Re-read the application under a row lock, so concurrent edits queue instead of clash."""
    return Application.objects.select_for_update().select_related("agency").get(pk=application.pk)


def move(
    application: Application,
    *,
    actor: Actor,
    action: Action,
    on: date,
    note: str = "",
) -> None:
    """Change the status through the transition table and write the history row."""
    new = transition(application.status_enum, action)
    if on < application.received_on:
        raise InvalidRequest(f"日期 {on} 早于收到申请之日 {application.received_on}")
    StatusChange.objects.create(
        application=application,
        action=action.value,
        from_status=application.status,
        to_status=new,
        on=on,
        by=actor,
        note=note,
    )
    application.status = new


def event(
    application: Application, kind: ClockEventKind, *, actor: Actor, on: date, **fields: object
) -> None:
    ClockEvent.objects.create(application=application, kind=kind, on=on, created_by=actor, **fields)


def guard(application: Application, *, actor: Actor, on: date, reason: str, what: str) -> None:
    """Refuse a change touching a locked year (the receipt's or the step's) without a reason."""
    guard_locked_years(
        actor=actor,
        agency=application.agency,
        dates=[application.received_on, on],
        reason=reason,
        what=what,
    )


def step(
    application: Application,
    *,
    actor: Actor,
    action: Action,
    kind: ClockEventKind,
    on: date,
    note: str = "",
    roles: tuple[Role, ...] = STAFF_ROLES,
    correction_reason: str = "",
    details: dict[str, object] | None = None,
    **fields: object,
) -> Application:
    """A clock-moving action: the caller has locked the row (see `locked`). `details` go into the
    audit row (codes and amounts, never personal data)."""
    require_role(actor, application.agency, *roles)
    guard(application, actor=actor, on=on, reason=correction_reason, what=action.value)
    move(application, actor=actor, action=action, on=on, note=note)
    event(application, kind, actor=actor, on=on, note=note, **fields)
    refresh_due(application)
    application.save(update_fields=["status", "due_on", "due_provisional", "updated_at"])
    audit(
        actor=actor,
        agency=application.agency,
        action=f"application_{action.value}",
        obj=application,
        on=on,
        **(details or {}),
    )
    return application
