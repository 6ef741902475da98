"""Changing an agency's fee setting or periods recomputes its open applications in the same
action, with a history row for every date that moves (one mechanism with the holiday schedule's
recompute, `actions.recompute`)."""

from __future__ import annotations

from datetime import date

import pytest
from django.contrib.auth import get_user_model

from gongkai.application.status import Action
from gongkai.fees import FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.deadlines import deadline_of
from gongkai.ledger.models import Agency, Application, AuditEntry, StatusChange

from .conftest import World, login


def _charged(world: World, *, paid: bool) -> Application:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_send_fee_notice(
        actor=world.clerk, application=app, on=date(2025, 3, 4), method=FeeMethod.PER_PAGE, pages=40
    )
    actions.application_deliver_fee_notice(
        actor=world.clerk, application=app, on=date(2025, 3, 4), channel="electronic"
    )
    if paid:
        actions.application_receive_fee(actor=world.clerk, application=app, on=date(2025, 3, 14))
    app.refresh_from_db()
    return app


def _admin_form(agency: Agency, **changes: object) -> dict[str, object]:
    fields = {
        "name": agency.name,
        "code": agency.code,
        "parent": agency.parent_id or "",
        "index_pattern": agency.index_pattern,
        "fee_payment_working_days": agency.fee_payment_working_days,
        "correction_working_days": agency.correction_working_days,
        "address": agency.address,
        "office_hours": agency.office_hours,
        "phone": agency.phone,
        "reconsideration_body": agency.reconsideration_body,
        "court": agency.court,
        **changes,
    }
    if agency.fee_notice_pauses_clock and "fee_notice_pauses_clock" not in changes:
        fields["fee_notice_pauses_clock"] = "on"
    return {k: v for k, v in fields.items() if v is not False}


def test_the_fee_setting_changed_in_the_admin_moves_the_deadline(world: World) -> None:
    paid = _charged(world, paid=True)
    # 3-05…3-14 (8 working days) paused: 20 working days from 3-03 end on 4-11, not 3-31.
    assert paid.due_on == date(2025, 4, 11)
    siteadmin = get_user_model().objects.create_superuser(username="siteadmin", password="x")
    response = login(siteadmin).post(
        f"/admin/ledger/agency/{world.agency.pk}/change/",
        _admin_form(world.agency, fee_notice_pauses_clock=False),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    paid.refresh_from_db()
    assert paid.due_on == date(2025, 3, 31)
    row = StatusChange.objects.get(application=paid, action=Action.RECOMPUTE_DEADLINE)
    assert "答复期限由 2025-04-11 改为 2025-03-31" in row.note
    assert "收费通知期间暂停计算答复期限" in row.note
    assert AuditEntry.objects.filter(action="agency_save", object_id=str(world.agency.pk)).exists()


def test_a_shorter_payment_period_moves_the_lapse_date_with_history(world: World) -> None:
    waiting = _charged(world, paid=False)
    assert deadline_of(waiting).lapses_on == date(2025, 4, 2)
    world.agency.fee_payment_working_days = 10
    moved = agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 10))
    assert moved == [waiting]
    row = StatusChange.objects.get(application=waiting, action=Action.RECOMPUTE_DEADLINE)
    assert row.note.endswith("视为放弃申请之日由 2025-04-02 改为 2025-03-19")
    # Nothing else moved: no row for an application the change does not touch.
    untouched = world.register(received_on=date(2025, 3, 3))
    world.agency.fee_payment_working_days = 15
    agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 11))
    assert not StatusChange.objects.filter(
        application=untouched, action=Action.RECOMPUTE_DEADLINE
    ).exists()


def test_only_the_agencys_administrator_or_the_site_administrator(world: World) -> None:
    world.agency.fee_payment_working_days = 5
    for outsider in (world.clerk, world.head, world.stranger):
        with pytest.raises(AccessDenied):
            agency_save(actor=outsider, agency=world.agency, on=date(2025, 3, 10))
    world.agency.fee_payment_working_days = 0
    with pytest.raises(actions.InvalidRequest, match="缴费期限"):
        agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 10))


def test_the_agency_administrator_sets_the_periods_on_the_settings_page(world: World) -> None:
    waiting = _charged(world, paid=False)
    assert (
        login(world.clerk).get(f"/settings/deadlines/?agency={world.agency.pk}").status_code == 404
    )
    client = login(world.admin)
    page = client.get(f"/settings/deadlines/?agency={world.agency.pk}").content.decode()
    assert 'name="fee_payment_working_days" value="20"' in page
    response = client.post(
        f"/settings/deadlines/?agency={world.agency.pk}",
        {
            "fee_payment_working_days": "10",
            "correction_working_days": "15",
            "fee_notice_pauses_clock": "on",
        },
        follow=True,
    )
    assert "已重新计算 1 件申请的期限" in response.content.decode()
    assert deadline_of(Application.objects.get(pk=waiting.pk)).lapses_on == date(2025, 3, 19)
    response = client.post(
        f"/settings/deadlines/?agency={world.agency.pk}",
        {"fee_payment_working_days": "0", "correction_working_days": "15"},
    )
    assert response.status_code == 200
    assert Agency.objects.get(pk=world.agency.pk).fee_payment_working_days == 10
