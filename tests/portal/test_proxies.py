"""Rate limits behind a reverse proxy (issue 15): the client's address comes from X-Forwarded-For
only when the direct peer is a trusted proxy; by default the direct peer is the client."""

from __future__ import annotations

import ipaddress
from typing import Any

from django.test import Client, RequestFactory

from gongkai.ledger.models import Application
from gongkai.portal.throttle import client_address

from .conftest import World, application_form
from .test_public import submit

PROXY = "127.0.0.1"


def _resident_id(serial: int) -> str:
    """An 18-digit resident ID number with its GB 11643 check digit."""
    body = f"11010119900101{serial:03d}"
    weights = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
    total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
    return body + "10X98765432"[total % 11]


def _address(settings: Any, peer: str, forwarded: str | None = None) -> str:
    headers = {"REMOTE_ADDR": peer}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **headers))  # type: ignore[arg-type]


def test_by_default_the_direct_peer_is_the_client(settings: Any) -> None:
    assert settings.GONGKAI_TRUSTED_PROXIES == ()
    assert _address(settings, PROXY, "198.51.100.7") == PROXY


def test_a_trusted_proxy_names_the_client_and_a_client_cannot_name_itself(settings: Any) -> None:
    settings.GONGKAI_TRUSTED_PROXIES = (
        ipaddress.ip_network("127.0.0.1/32"),
        ipaddress.ip_network("10.0.0.0/8"),
    )
    assert _address(settings, PROXY, "198.51.100.7") == "198.51.100.7"
    # Two proxies in a chain; what the client wrote itself (the left end) is never read.
    assert _address(settings, PROXY, "1.1.1.1, 198.51.100.7, 10.2.3.4") == "198.51.100.7"
    assert _address(settings, "198.51.100.9", "1.1.1.1") == "198.51.100.9"  # not a proxy
    assert _address(settings, PROXY) == PROXY  # a proxy that forwards nothing


def test_behind_a_trusted_proxy_each_client_has_its_own_limit(world: World, settings: Any) -> None:
    settings.GONGKAI_TRUSTED_PROXIES = (ipaddress.ip_network("127.0.0.0/8"),)
    for i in range(12):
        client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
        submit(client, world, id_number=_resident_id(i))
    assert Application.objects.count() == 12
    one = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="198.51.100.1")
    for i in range(9):
        one.post(
            f"/open/{world.agency.pk}/apply/", application_form(id_number=_resident_id(50 + i))
        )
    assert Application.objects.count() == 12 + 9  # this client's 10 of the hour
    refused = one.post(
        f"/open/{world.agency.pk}/apply/", application_form(id_number=_resident_id(99))
    )
    assert "提交过于频繁" in refused.content.decode()


def test_without_trusted_proxies_a_forwarded_header_changes_nothing(world: World) -> None:
    for i in range(10):
        client = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR=f"198.51.100.{i}")
        submit(client, world, id_number=_resident_id(i))
    spoofed = Client(REMOTE_ADDR=PROXY, HTTP_X_FORWARDED_FOR="203.0.113.250")
    refused = spoofed.post(
        f"/open/{world.agency.pk}/apply/", application_form(id_number=_resident_id(77))
    )
    assert "提交过于频繁" in refused.content.decode()
