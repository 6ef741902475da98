"""The named actions: status machine, clock rows, roles, audit, locked years."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.application.outcome import Outcome
from gongkai.application.status import Status, TransitionRefused
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.actions.application import InvalidRequest, identity_hash
from gongkai.ledger.models import AuditEntry, ClockEventKind, ReportCorrection, StatusChange

from .conftest import World


def test_register_gives_serial_due_date_history_and_audit(world: World) -> None:
    first = world.register()
    second = world.register()
    assert (first.serial, second.serial) == ("2025-00001", "2025-00002")
    # Received Sunday 2025-09-28 (a make-up working day before 国庆); 10-01…10-08 are holidays,
    # 10-11 (Saturday) is worked: counted from the next day, 9-29, 9-30, 10-09, 10-10, 10-11 and
    # then 10-13 … 10-31 make 20 working days.
    assert first.due_on == date(2025, 10, 31)
    assert first.status == Status.REGISTERED
    assert StatusChange.objects.filter(application=first, to_status=Status.REGISTERED).count() == 1
    entry = AuditEntry.objects.get(action="application_register", object_id=str(first.pk))
    assert entry.user == world.clerk
    assert "110101198001011232" not in str(entry.details) and "13912345678" not in str(
        entry.details
    )
    assert first.id_number_hash == identity_hash(" 110101198001011232 ")


def test_register_needs_the_contents_of_article_29(world: World) -> None:
    with pytest.raises(InvalidRequest, match="第二十九条"):
        world.register(description="  ")


def test_correction_restarts_the_period(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    before = app.due_on
    actions.application_request_correction(actor=world.clerk, application=app, on=date(2025, 3, 5))
    app.refresh_from_db()
    assert app.status == Status.AWAITING_CORRECTION
    actions.application_receive_correction(actor=world.clerk, application=app, on=date(2025, 3, 20))
    app.refresh_from_db()
    assert app.status == Status.REGISTERED
    assert before is not None and app.due_on is not None and app.due_on > before
    kinds = list(app.clock_events.values_list("kind", flat=True))
    assert kinds == [ClockEventKind.CORRECTION_REQUESTED, ClockEventKind.CORRECTION_RECEIVED]
    with pytest.raises(InvalidRequest, match="只能告知一次"):
        actions.application_request_correction(
            actor=world.clerk, application=app, on=date(2025, 3, 21)
        )


def test_consultation_time_is_not_counted(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    before = app.due_on
    actions.application_start_consultation(
        actor=world.clerk, application=app, on=date(2025, 3, 10), party="third_party"
    )
    actions.application_end_consultation(actor=world.clerk, application=app, on=date(2025, 3, 24))
    app.refresh_from_db()
    assert before is not None and app.due_on is not None and app.due_on > before


def test_extension_only_by_the_head_once_and_at_most_20(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    with pytest.raises(AccessDenied):
        actions.application_extend(
            actor=world.clerk, application=app, on=date(2025, 3, 20), working_days=10
        )
    with pytest.raises(InvalidRequest, match="20 个工作日"):
        actions.application_extend(
            actor=world.head, application=app, on=date(2025, 3, 20), working_days=21
        )
    before = app.due_on
    actions.application_extend(
        actor=world.head, application=app, on=date(2025, 3, 20), working_days=20
    )
    app.refresh_from_db()
    assert before is not None and app.due_on is not None and app.due_on > before
    event = app.clock_events.get(kind=ClockEventKind.EXTENSION)
    assert event.approver == world.head and event.working_days == 20
    with pytest.raises(InvalidRequest, match="只能延长一次"):
        actions.application_extend(
            actor=world.head, application=app, on=date(2025, 3, 21), working_days=5
        )


def test_close_sets_exactly_one_outcome(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_close(
        actor=world.clerk, application=app, on=date(2025, 3, 10), outcome=Outcome.GRANTED
    )
    app.refresh_from_db()
    assert (app.status, app.outcome, app.closed_on) == (Status.CLOSED, "granted", date(2025, 3, 10))
    with pytest.raises(TransitionRefused, match="已办结"):
        actions.application_close(
            actor=world.clerk,
            application=app,
            on=date(2025, 3, 11),
            outcome=Outcome.UNABLE_NOT_HELD,
        )


def test_dates_before_receipt_are_refused(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    with pytest.raises(InvalidRequest, match="早于收到申请之日"):
        actions.application_close(
            actor=world.clerk, application=app, on=date(2025, 3, 1), outcome=Outcome.GRANTED
        )


def test_other_agencies_and_supervisors_cannot_act(world: World) -> None:
    app = world.register()
    for outsider in (world.stranger, world.supervisor):
        with pytest.raises(AccessDenied):
            actions.application_close(
                actor=outsider, application=app, on=date(2025, 10, 9), outcome=Outcome.GRANTED
            )
        with pytest.raises(AccessDenied):
            world.register(actor=outsider)


def test_locked_year_refuses_silent_changes(world: World) -> None:
    app = world.register(received_on=date(2025, 12, 1))
    world.lock(2025)
    with pytest.raises(actions.YearLocked):
        world.register(received_on=date(2025, 12, 2))
    with pytest.raises(actions.YearLocked):
        actions.application_close(
            actor=world.clerk, application=app, on=date(2025, 12, 5), outcome=Outcome.GRANTED
        )
    # A change with a reason goes through and is recorded as a correction.
    actions.application_close(
        actor=world.clerk,
        application=app,
        on=date(2025, 12, 5),
        outcome=Outcome.GRANTED,
        correction_reason="漏登记办结日期",
    )
    correction = ReportCorrection.objects.get()
    assert (correction.year, correction.reason, correction.by) == (
        2025,
        "漏登记办结日期",
        world.clerk,
    )
    # A later year is not affected.
    world.register(received_on=date(2026, 1, 5))


def test_only_the_head_locks_and_only_once(world: World) -> None:
    with pytest.raises(AccessDenied):
        actions.year_lock(actor=world.clerk, agency=world.agency, year=2025)
    world.lock(2025)
    with pytest.raises(actions.YearLocked, match="已经锁定"):
        world.lock(2025)
