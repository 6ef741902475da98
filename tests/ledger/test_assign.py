"""Assigning an application to a member of the agency's staff, on the application page."""

from __future__ import annotations

import pytest

from gongkai.ledger.models import AuditEntry

from .conftest import World, login


@pytest.mark.parametrize("who", ["head", "admin", "clerk"])
def test_staff_assign_and_the_queue_filters_by_it(world: World, who: str) -> None:
    app = world.register()
    client = login(getattr(world, who))
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert '<label for="id_assignee">分配经办人</label>' in page
    assert "stranger" not in page and "supervisor" not in page  # only this agency's staff
    response = client.post(f"/applications/{app.pk}/assign/", {"assignee": world.clerk.pk})
    assert response.status_code == 302
    app.refresh_from_db()
    assert app.assigned_to == world.clerk
    entry = AuditEntry.objects.get(action="application_assign")
    assert entry.details == {"assignee": world.clerk.pk}
    mine = login(world.clerk).get(f"/?agency={world.agency.pk}&mine=on").content.decode()
    assert app.serial in mine
    others = login(world.head).get(f"/?agency={world.agency.pk}&mine=on").content.decode()
    assert app.serial not in others


def test_unassign(world: World) -> None:
    app = world.register()
    client = login(world.head)
    client.post(f"/applications/{app.pk}/assign/", {"assignee": world.clerk.pk})
    response = client.post(f"/applications/{app.pk}/assign/", {"assignee": ""}, follow=True)
    assert "已取消分配" in response.content.decode()
    app.refresh_from_db()
    assert app.assigned_to is None


def test_nobody_outside_the_agency_assigns_or_is_assigned(world: World) -> None:
    app = world.register()
    refused = login(world.head).post(
        f"/applications/{app.pk}/assign/", {"assignee": world.stranger.pk}, follow=True
    )
    assert "有效" in refused.content.decode()  # not one of the choices
    supervisor = login(world.supervisor)
    assert 'name="assignee"' not in supervisor.get(f"/applications/{app.pk}/").content.decode()
    response = supervisor.post(
        f"/applications/{app.pk}/assign/", {"assignee": world.clerk.pk}, follow=True
    )
    assert "只有示例区人民政府办公室的" in response.content.decode()
    stranger = login(world.stranger)
    assert stranger.post(f"/applications/{app.pk}/assign/", {"assignee": ""}).status_code == 404
    app.refresh_from_db()
    assert app.assigned_to is None
