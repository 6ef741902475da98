"""Deadlines that run into a year with no holiday schedule (issue 12): provisional, never missing,
recomputed with a history row when the schedule is entered on the schedule page."""

from __future__ import annotations

from datetime import date

import pytest
from click.testing import CliRunner
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.application.status import Action
from gongkai.cli.remind import remind
from gongkai.clock import provisional_note
from gongkai.ledger.deadlines import deadline_of
from gongkai.ledger.models import HolidaySchedule, StatusChange
from tests.ledger.conftest import World, login

RECEIVED = date(2026, 12, 5)  # a Saturday in the year whose successor has no schedule (2027)


@pytest.fixture
def siteadmin(db: None) -> object:
    return get_user_model().objects.create_superuser(username="siteadmin", password="x")


def test_a_deadline_into_a_year_without_schedule_is_provisional(world: World) -> None:
    app = world.register(received_on=RECEIVED)
    assert app.due_on == date(2027, 1, 4)  # weekends and 1 January only
    assert app.due_provisional
    explanation = deadline_of(app).explain()
    assert any(provisional_note(2027) in line for line in explanation)
    page = login(world.clerk).get(reverse("ledger:application", kwargs={"pk": app.pk}))
    text = page.content.decode()
    assert "2027-01-04（暂定）" in text
    assert provisional_note(2027) in text
    queue = login(world.clerk).get(reverse("ledger:queue")).content.decode()
    assert "暂定" in queue


def test_a_deadline_inside_known_years_is_not_provisional(world: World) -> None:
    app = world.register(received_on=date(2026, 9, 28))
    assert app.due_on is not None and not app.due_provisional


def test_entering_the_schedule_recomputes_with_history(world: World, siteadmin: object) -> None:
    app = world.register(received_on=RECEIVED)
    settled = world.register(received_on=date(2026, 9, 28))
    client = login(siteadmin)
    text = "一、元旦：1月1日至4日放假，共4天。"
    preview = client.post(reverse("ledger:schedules"), {"year": 2027, "text": text, "preview": ""})
    assert preview.status_code == 200
    body = preview.content.decode()
    assert "2027 年预览" in body and "放假 4 天" in body
    assert not HolidaySchedule.objects.exists()  # a preview saves nothing
    saved = client.post(reverse("ledger:schedules"), {"year": 2027, "text": text, "save": ""})
    assert saved.status_code == 302
    app.refresh_from_db()
    assert (app.due_on, app.due_provisional) == (date(2027, 1, 5), False)
    row = StatusChange.objects.get(application=app, action=Action.RECOMPUTE_DEADLINE)
    assert "由 2027-01-04（暂定） 改为 2027-01-05" in row.note
    assert not StatusChange.objects.filter(
        application=settled, action=Action.RECOMPUTE_DEADLINE
    ).exists()
    page = login(world.clerk).get(reverse("ledger:application", kwargs={"pk": app.pk}))
    assert "重新计算答复期限" in page.content.decode()
    assert "答复期限：2027-01-05</h2>" in page.content.decode()


def test_the_schedule_page_lists_built_in_years_and_refuses_what_it_cannot_read(
    siteadmin: object,
) -> None:
    client = login(siteadmin)
    page = client.get(reverse("ledger:schedules")).content.decode()
    assert "<td>2026</td><td>内置</td>" in page
    bad = client.post(
        reverse("ledger:schedules"), {"year": 2027, "text": "1月32日放假", "save": ""}
    )
    assert "不是有效日期" in bad.content.decode()
    assert not HolidaySchedule.objects.exists()


def test_only_the_site_administrator_enters_schedules(world: World) -> None:
    assert login(world.clerk).get(reverse("ledger:schedules")).status_code == 403
    admin_add = login(world.clerk).get("/admin/ledger/holidayschedule/add/")
    assert admin_add.status_code in (302, 403)


def test_staff_pages_warn_from_november_when_next_year_is_missing(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("gongkai.ledger.context.timezone.localdate", lambda: date(2026, 11, 2))
    page = login(world.clerk).get(reverse("ledger:queue")).content.decode()
    assert "2027 年的放假安排尚未录入" in page
    monkeypatch.setattr("gongkai.ledger.context.timezone.localdate", lambda: date(2026, 10, 30))
    assert (
        "放假安排尚未录入" not in login(world.clerk).get(reverse("ledger:queue")).content.decode()
    )


def test_remind_says_the_schedule_is_missing_and_reminds_on_provisional_dates(
    world: World,
) -> None:
    app = world.register(received_on=RECEIVED)
    result = CliRunner().invoke(remind, ["--today", "2026-12-28"])
    assert result.exit_code == 0, result.output
    assert "2027 年放假安排尚未录入" in result.output
    bodies = [m.body for m in app.messages.all()]
    assert bodies and all("2027-01-04（暂定" in b for b in bodies)
