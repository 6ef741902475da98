"""Reminders to clerks, through the command a cron job runs."""

from __future__ import annotations

from datetime import date

from click.testing import CliRunner

from gongkai.cli import main
from gongkai.ledger import actions
from gongkai.ledger.models import OutboxMessage

from .conftest import World


def test_reminders_for_due_and_overdue_requests(world: World) -> None:
    due_soon = world.register(received_on=date(2025, 3, 3))  # due 2025-03-31
    world.register(received_on=date(2025, 6, 2))  # due in July: no reminder yet
    result = CliRunner().invoke(main, ["remind", "--today", "2025-03-26"])
    assert result.exit_code == 0, result.output
    reminders = OutboxMessage.objects.filter(application=due_soon)
    # Unassigned: every clerk and head of the agency, not the other agency's clerk.
    assert {m.to_user for m in reminders} == {world.clerk, world.head}
    assert all("即将到期" in m.subject for m in reminders)
    assert OutboxMessage.objects.count() == 2

    actions.application_assign(actor=world.head, application=due_soon, assignee=world.clerk)
    CliRunner().invoke(main, ["remind", "--today", "2025-04-02"])
    late = OutboxMessage.objects.filter(application=due_soon, subject__contains="已超过答复期限")
    assert [m.to_user for m in late] == [world.clerk]
