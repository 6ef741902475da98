"""A breach of the answer period stays visible (第三十三条第二款): an extension decided after the
deadline is refused, and the queue, the reminders and the year's figures all show the breach."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner

from gongkai.application.outcome import Outcome
from gongkai.cli import main
from gongkai.ledger import actions
from gongkai.ledger.actions import InvalidRequest
from gongkai.ledger.annual import timeliness
from gongkai.ledger.deadlines import deadline_of, refresh_due
from gongkai.ledger.models import ClockEvent, ClockEventKind, OutboxMessage
from gongkai.ledger.writes import seeding

from .conftest import World, login


def test_an_extension_after_the_deadline_is_refused_and_the_breach_shows(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    assert app.due_on == date(2025, 3, 31)
    with pytest.raises(InvalidRequest, match="第三十三条第二款"):
        actions.application_extend(
            actor=world.head, application=app, on=date(2025, 4, 2), working_days=20
        )
    app.refresh_from_db()
    assert app.due_on == date(2025, 3, 31)
    assert not app.clock_events.exists()
    # Through the page: a message, not an error, and nothing stored.
    client = login(world.head)
    client.post(
        f"/applications/{app.pk}/extend/", {"on": "2025-04-02", "working_days": "20"}, follow=True
    )
    assert not app.clock_events.exists()

    queue = client.get(f"/?agency={world.agency.pk}&light=overdue").content.decode()
    assert app.serial in queue and "已超期" in queue
    CliRunner().invoke(main, ["remind", "--today", "2025-04-02"])
    assert OutboxMessage.objects.filter(
        application=app, subject__contains="已超过答复期限"
    ).exists()
    assert timeliness(world.agency, 2025, today=date(2025, 4, 2)).open_overdue == 1
    actions.application_close(
        actor=world.clerk, application=app, on=date(2025, 4, 10), outcome=Outcome.GRANTED
    )
    figures = timeliness(world.agency, 2025, today=date(2026, 1, 5))
    assert (figures.closed, figures.closed_late, figures.open_overdue) == (1, 1, 0)
    page = client.get(f"/years/2025/?agency={world.agency.pk}").content.decode()
    assert '超过答复期限办结 <span id="t-closed-late">1</span> 件' in page


def test_a_late_extension_already_stored_does_not_move_the_deadline(world: World) -> None:
    """A row recorded before the refusal existed: the deadline stays the original one."""
    app = world.register(received_on=date(2025, 3, 3))
    with seeding():
        ClockEvent.objects.create(
            application=app,
            kind=ClockEventKind.EXTENSION,
            on=date(2025, 4, 2),
            working_days=20,
            approver=world.head,
            created_by=world.head,
        )
    refresh_due(app)
    assert app.due_on == date(2025, 3, 31)
    deadline = deadline_of(app)
    assert [f.code for f in deadline.findings] == ["late_extension"]
    assert "该延期不生效" in "\n".join(deadline.explain())


def test_an_extension_within_the_period_still_works_and_respects_locked_years(
    world: World,
) -> None:
    app = world.register(received_on=date(2025, 12, 1))
    world.lock(2025)
    with pytest.raises(actions.YearLocked):
        actions.application_extend(
            actor=world.head, application=app, on=date(2025, 12, 10), working_days=5
        )
    actions.application_extend(
        actor=world.head,
        application=app,
        on=date(2025, 12, 10),
        working_days=5,
        correction_reason="负责人已批准延期，补录",
    )
    app.refresh_from_db()
    assert app.due_on is not None and app.due_on > date(2025, 12, 29)
