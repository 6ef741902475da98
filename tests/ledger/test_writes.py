"""Every write through a named action: a ledger row saved or deleted anywhere else is refused at
run time, the code outside the actions holds no write that the run-time guard cannot see (a
queryset's `update()`), and a report year with errors cannot be locked however it is asked."""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from django.apps import apps
from django.db import transaction

from gongkai.ledger import actions
from gongkai.ledger.models import (
    Agency,
    Application,
    ClockEvent,
    ClockEventKind,
    HolidaySchedule,
    YearLock,
)
from gongkai.ledger.writes import UNGUARDED, WriteOutsideAction

from .conftest import World, login

LEDGER = Path(__file__).resolve().parents[2] / "src" / "gongkai" / "ledger"
#: Modules outside `actions/` allowed a direct write, and why (their models are not guarded).
ALLOWED = {
    "demo.py": "users and their roles (Membership) for the demo site",
    "notify.py": "the outbox (OutboxMessage), written after an action's commit",
}
WRITES = {"save", "delete", "create", "bulk_create", "bulk_update", "get_or_create"}
WRITES |= {"update_or_create", "create_user", "create_superuser"}
QUERYSETS = {"objects", "filter", "exclude", "all", "select_for_update"}


def test_a_save_outside_an_action_is_refused(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    app.due_on = date(2025, 12, 31)
    world.agency.fee_payment_working_days = 5
    writes = [
        app.save,
        lambda: HolidaySchedule.objects.create(year=2027, holidays=["2027-01-01"], workdays=[]),
        lambda: ClockEvent.objects.create(
            application=app,
            kind=ClockEventKind.EXTENSION,
            on=date(2025, 3, 10),
            working_days=20,
            created_by=world.head,
        ),
        world.agency.save,
        app.delete,
    ]
    for write in writes:
        with pytest.raises(WriteOutsideAction, match="只能通过台账的操作"), transaction.atomic():
            write()
    app.refresh_from_db()
    assert app.due_on == date(2025, 3, 31)
    assert not HolidaySchedule.objects.exists()
    assert Agency.objects.get(pk=world.agency.pk).fee_payment_working_days == 20


def test_every_ledger_model_is_guarded_or_says_why_not() -> None:
    names = {m.__name__ for m in apps.get_app_config("ledger").get_models()}
    assert set(UNGUARDED) <= names
    assert {"Application", "ClockEvent", "Agency", "HolidaySchedule", "YearLock"} <= names - set(
        UNGUARDED
    )


def test_every_action_is_marked() -> None:
    for name in actions.__all__:
        fn = getattr(actions, name)
        if callable(fn) and not isinstance(fn, type):
            assert hasattr(fn, "__wrapped__"), f"{name} is not marked with @action"


def _writes(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        attr, receiver = node.func.attr, node.func.value
        on_queryset = (isinstance(receiver, ast.Attribute) and receiver.attr in QUERYSETS) or (
            isinstance(receiver, ast.Call)
            and isinstance(receiver.func, ast.Attribute)
            and receiver.func.attr in QUERYSETS
        )
        if attr in WRITES or (attr == "update" and on_queryset):
            found.append(f"{path.name}:{node.lineno} .{attr}()")
    return found


def test_the_ledger_writes_only_in_its_actions() -> None:
    """Static: the run-time guard cannot see a queryset's update(); no module outside
    `ledger/actions/` (and the allowed ones) calls a write at all."""
    outside = [
        path
        for path in LEDGER.rglob("*.py")
        if not {"actions", "migrations"} & set(path.relative_to(LEDGER).parts)
        and path.name not in ALLOWED
    ]
    assert len(outside) > 20
    assert [w for path in outside for w in _writes(path)] == []


def test_the_static_check_sees_a_write(tmp_path: Path) -> None:
    sample = tmp_path / "stray.py"
    sample.write_text(
        "def _x(a, names):\n"
        "    names.update({1})\n"  # a set: not a write
        "    Application.objects.filter(pk=1).update(due_on=None)\n"
        "    a.save()\n",
        encoding="utf-8",
    )
    assert _writes(sample) == ["stray.py:3 .update()", "stray.py:4 .save()"]


def test_a_year_with_errors_is_not_locked_by_a_plain_post(world: World) -> None:
    """The page disables the button; a POST made anyway is refused by the action."""
    world.register(received_on=date(2025, 3, 3))
    response = login(world.head).post(
        f"/years/2025/lock/?agency={world.agency.pk}", {"agency": world.agency.pk}, follow=True
    )
    page = response.content.decode()
    assert "不能锁定" in page and "R13" in page
    assert not YearLock.objects.exists()
    with pytest.raises(actions.YearLocked, match="错误级别"):
        actions.year_lock(actor=world.head, agency=world.agency, year=2025)
    lock = world.lock(2025)  # once section 二 is entered, it locks
    assert lock.report["year"] == 2025
    assert Application.objects.count() == 1
