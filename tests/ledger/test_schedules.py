"""Deadlines that run into a year with no holiday schedule (issue 12): provisional, never missing,
recomputed with a history row when the schedule is entered on the schedule page."""

from __future__ import annotations

from datetime import date
from typing import Any

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
    world: World, settings: Any
) -> None:
    settings.GONGKAI_TODAY = date(2026, 11, 2)
    page = login(world.clerk).get(reverse("ledger:queue")).content.decode()
    assert "2027 年的放假安排尚未录入" in page
    settings.GONGKAI_TODAY = date(2026, 10, 30)
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


def test_the_schedule_page_counts_the_provisional_deadlines_and_reopens_an_entered_year(
    world: World, siteadmin: object
) -> None:
    """On the site's fixed day (2026-12-14, tests/conftest.py) 2027 is missing: the page says how
    many open applications wait on it; once entered, 「修改」 brings back the text as typed."""
    world.register(received_on=RECEIVED)
    world.register(received_on=date(2026, 9, 28))
    client = login(siteadmin)
    page = client.get(reverse("ledger:schedules")).content.decode()
    assert "2027 年：1 件办理中的申请答复期限为暂定" in page
    text = "1月1日至3日放假，1月9日上班"
    client.post(reverse("ledger:schedules"), {"year": 2027, "text": text, "save": ""})
    page = client.get(reverse("ledger:schedules")).content.decode()
    assert "件办理中的申请答复期限为暂定" not in page
    assert "<td>2027</td><td>录入</td>" in page and "?year=2027" in page
    reopened = client.get(reverse("ledger:schedules"), {"year": "2027"}).content.decode()
    assert text in reopened
    for bad in ("²⁰²⁷", "99999999999999999999", "<2027"):
        assert client.get(reverse("ledger:schedules"), {"year": bad}).status_code == 200


def test_the_site_date_is_fixed_in_tests(settings: Any) -> None:
    """Whatever the real calendar says, the site's today is the one tests/conftest.py sets."""
    from gongkai.site.clock import current_date

    assert current_date() == date(2026, 12, 14)
    settings.GONGKAI_TODAY = "2027-06-01"
    assert current_date() == date(2027, 6, 1)


def test_an_answer_on_the_provisional_last_day_shows_late_once_the_schedule_moves_it(
    world: World, siteadmin: object
) -> None:
    """A schedule can make a provisional deadline earlier (a Saturday 调休上班): an application
    already answered on the provisional date is recomputed too, so the late answer shows."""
    from gongkai.application.outcome import Outcome
    from gongkai.ledger import actions

    app = world.register(received_on=RECEIVED)
    actions.application_close(
        actor=world.clerk, application=app, on=date(2027, 1, 4), outcome=Outcome.GRANTED
    )
    login(siteadmin).post(
        reverse("ledger:schedules"),
        {"year": 2027, "text": "1月1日放假，1月2日上班", "save": ""},
    )
    app.refresh_from_db()
    assert (app.due_on, app.due_provisional) == (date(2027, 1, 2), False)
    row = StatusChange.objects.get(application=app, action=Action.RECOMPUTE_DEADLINE)
    assert "由 2027-01-04（暂定） 改为 2027-01-02" in row.note
