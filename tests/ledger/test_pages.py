"""The staff pages through the Django test client, and the isolation between agencies."""

from __future__ import annotations

from datetime import date

import pytest
from django.test import Client

from gongkai.ledger.models import Application

from .conftest import World, login


def test_login_required(world: World) -> None:
    response = Client().get("/")
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_queue_shows_own_agency(world: World) -> None:
    app = world.register()
    page = login(world.clerk).get("/").content.decode()
    assert app.serial in page and "王伟" in page
    assert "110101198001011232" not in page  # never in lists


def test_register_through_the_form(world: World) -> None:
    client = login(world.clerk)
    response = client.post(
        f"/applications/new/?agency={world.agency.pk}",
        {
            "channel": "online",
            "confirmed": "2025-03-03",
            "applicant_kind": "natural_person",
            "applicant_name": "李娜",
            "description": "申请公开某小区旧改项目实施方案",
        },
    )
    assert response.status_code == 302
    app = Application.objects.get(applicant_name="李娜")
    assert app.agency == world.agency and app.due_on is not None
    detail = client.get(response["Location"]).content.decode()
    assert "答复期限" in detail and "2025-03-03（星期一） 收到申请" in detail


def test_step_and_close_through_pages(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    client = login(world.clerk)
    client.post(
        f"/applications/{app.pk}/request_correction/", {"on": "2025-03-05", "note": "请补正"}
    )
    app.refresh_from_db()
    assert app.status == "awaiting_correction"
    assert app.clock_events.get().working_days == 15  # the agency's default
    client.post(
        f"/applications/{app.pk}/deliver_correction_request/",
        {"on": "2025-03-06", "channel": "electronic"},
    )
    client.post(
        f"/applications/{app.pk}/close/", {"on": "2025-03-28", "outcome": "other_no_correction"}
    )
    app.refresh_from_db()
    assert app.status == "closed" and app.outcome == "other_no_correction"


def test_refused_step_is_a_message_not_an_error(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    client = login(world.clerk)
    response = client.post(
        f"/applications/{app.pk}/receive_fee/", {"on": "2025-03-05"}, follow=True
    )
    assert response.status_code == 200
    assert "不能“收到缴费”" in response.content.decode()


def test_personal_data_only_for_own_staff(world: World) -> None:
    app = world.register()
    own = login(world.clerk).get(f"/applications/{app.pk}/").content.decode()
    assert "110101198001011232" in own and "13912345678" in own
    sup = login(world.supervisor).get(f"/applications/{app.pk}/").content.decode()
    assert "110101198001011232" not in sup and "1101************32" in sup
    assert "13912345678" not in sup


@pytest.mark.parametrize(
    "url",
    [
        "/applications/{pk}/",
        "/years/2025/?agency={agency}",
        "/years/2025/report.json?agency={agency}",
        "/?agency={agency}",
    ],
)
def test_other_agency_sees_nothing(world: World, url: str) -> None:
    app = world.register()
    client = login(world.stranger)
    response = client.get(url.format(pk=app.pk, agency=world.agency.pk))
    body = response.content.decode()
    # Either refused, or answered for the stranger's own agency only.
    assert response.status_code in (200, 404)
    assert app.serial not in body and "王伟" not in body and world.agency.name not in body


def test_other_agency_cannot_post_steps(world: World) -> None:
    app = world.register()
    response = login(world.stranger).post(
        f"/applications/{app.pk}/close/", {"on": "2025-10-09", "outcome": "granted"}
    )
    assert response.status_code == 404
    app.refresh_from_db()
    assert app.status == "registered"


def test_supervisor_sees_agencies_below(world: World) -> None:
    app = world.register()
    page = login(world.supervisor).get(f"/?agency={world.agency.pk}").content.decode()
    assert app.serial in page


def test_year_report_page_and_lock(world: World) -> None:
    world.register(received_on=date(2025, 3, 3))
    page = login(world.head).get(f"/years/2025/?agency={world.agency.pk}").content.decode()
    assert "核对结果" in page and "第三部分" in page and "锁定 2025 年度" in page
    json_response = login(world.clerk).get(f"/years/2025/report.json?agency={world.agency.pk}")
    assert json_response["Content-Type"].startswith("application/json")
    assert b'"gongkai.annual-report/1"' in json_response.content


def test_appeals_from_the_application_page(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    client = login(world.clerk)
    client.post(
        f"/applications/{app.pk}/appeals/",
        {"kind": "reconsideration", "filed_on": "2025-05-06", "case_number": "示复〔2025〕1号"},
    )
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "示复〔2025〕1号" in page and "尚未审结" in page
    appeal = app.appeals.get()
    outsider = login(world.stranger)
    assert (
        outsider.post(
            f"/appeals/{appeal.pk}/decide/", {"result": "upheld", "decided_on": "2025-06-30"}
        ).status_code
        == 404
    )
    client.post(f"/appeals/{appeal.pk}/decide/", {"result": "upheld", "decided_on": "2025-06-30"})
    appeal.refresh_from_db()
    assert (appeal.result, appeal.decided_on) == ("upheld", date(2025, 6, 30))
    from gongkai.ledger.annual import ledger_report

    assert ledger_report(world.agency, 2025).appeals["reconsideration"]["upheld"] == 1


def test_the_queue_says_when_a_waiting_request_has_lapsed(world: World) -> None:
    from gongkai.ledger import actions

    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(actor=world.clerk, application=app, on=date(2025, 3, 5))
    actions.application_deliver_correction_request(
        actor=world.clerk, application=app, on=date(2025, 3, 5), channel="electronic"
    )
    client = login(world.clerk)
    # The correction period (15 working days by default) ends in late March; long past today.
    page = client.get(f"/?agency={world.agency.pk}&status=awaiting_correction").content.decode()
    assert app.serial in page and "视为放弃申请" in page
