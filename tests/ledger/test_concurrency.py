"""Simultaneous registrations through a live server: none lost, none duplicated, serials unique.

Meant for PostgreSQL (CI runs the ledger tests there too); on SQLite the same test shows that
writers queue rather than fail.
"""

from __future__ import annotations

import http.cookiejar
import re
import threading
import urllib.parse
import urllib.request

from gongkai.ledger.models import Application

from .conftest import make_world

CLIENTS = 50


def _session(base: str) -> tuple[urllib.request.OpenerDirector, str]:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    data = urllib.parse.urlencode(
        {"username": "clerk", "password": "pw-clerk", "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    opener.open(
        urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": base}), timeout=30
    )
    form = opener.open(f"{base}/applications/new/", timeout=30).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
    assert token
    return opener, token.group(1)


def test_fifty_simultaneous_registrations(live_site: str) -> None:
    world = make_world()
    base = live_site
    sessions = [_session(base) for _ in range(CLIENTS)]
    barrier = threading.Barrier(CLIENTS)
    statuses: list[int] = []
    errors: list[str] = []

    def register(i: int) -> None:
        opener, token = sessions[i]
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "channel": "in_person",
                "handed_in": "2025-06-02",
                "applicant_kind": "natural_person",
                "applicant_name": f"申请人{i:02d}",
                "description": f"第 {i} 份申请",
            }
        ).encode()
        request = urllib.request.Request(
            f"{base}/applications/new/?agency={world.agency.pk}",
            data=data,
            headers={"Referer": base},
        )
        barrier.wait(timeout=60)
        try:
            with opener.open(request, timeout=60) as response:
                statuses.append(response.status)
        except Exception as exc:  # collected and reported by the assertion below
            errors.append(f"{i}: {exc}")

    threads = [threading.Thread(target=register, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert not errors, errors
    apps = Application.objects.filter(agency=world.agency)
    names = sorted(apps.values_list("applicant_name", flat=True))
    assert names == [f"申请人{i:02d}" for i in range(CLIENTS)]  # none lost, none twice
    serials = sorted(apps.values_list("serial", flat=True))
    assert serials == [f"2025-{n:05d}" for n in range(1, CLIENTS + 1)]  # unique and gapless
