"""Ledger pages at scale: 100,000 applications in one agency, served by waitress (the server
`gongkai serve` runs) on SQLite, or on PostgreSQL with GONGKAI_DATABASE_URL set.

    python benchmarks/ledger_pages.py [--applications 100000] [--rounds 15]

Times, over HTTP, the login page (a trivial page: the baseline), the work queue, and the year's
report computed from the ledger; prints medians and their ratios to the baseline.
Targets: the queue < 300 ms, the year's report < 1 s.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import random
import re
import statistics
import sys
import threading
import time
import urllib.parse
import urllib.request
from datetime import date, timedelta

from site_database import fresh_database

TARGETS_MS = {"queue": 300.0, "year": 1000.0}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--applications", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args(argv)

    fresh_database()
    agency_id = _populate(args.applications)

    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    server = create_server(get_wsgi_application(), host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    opener = _login(base)

    pages = {
        "baseline": "/login/",
        "queue": f"/?agency={agency_id}",
        "year": f"/years/2025/?agency={agency_id}",
    }
    medians = {}
    for name, path in pages.items():
        opener.open(base + path).read()  # warm up
        samples = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            body = opener.open(base + path).read()
            samples.append((time.perf_counter() - start) * 1000)
        assert body, name
        medians[name] = statistics.median(samples)
    server.close()

    print(f"applications: {args.applications:,}  database: {_engine()}")
    ok = True
    for name, ms in medians.items():
        ratio = ms / medians["baseline"]
        target = TARGETS_MS.get(name)
        verdict = "" if target is None else ("  met" if ms < target else "  NOT MET")
        ok &= target is None or ms < target
        print(
            f"{name:<9} {ms:9.1f} ms  {ratio:6.1f}× baseline"
            + (f"  (target < {target:.0f} ms){verdict}" if target else "")
        )
    return 0 if ok else 1


def _engine() -> str:
    from django.db import connection

    return connection.vendor


def _populate(n: int) -> int:
    """Bulk-insert a realistic ledger: six years, most closed, a few hundred open."""
    from django.contrib.auth import get_user_model

    from gongkai.application.applicant import ApplicantKind
    from gongkai.application.outcome import Outcome
    from gongkai.application.status import Status
    from gongkai.clock import Calendar, Channel
    from gongkai.ledger.models import Agency, Application, Membership, Role

    rng = random.Random(1)
    cal = Calendar.official()
    agency = Agency.objects.create(name="基准测试区人民政府办公室", code="BENCH")
    user = get_user_model().objects.create_user(username="bench", password="bench-password-1")
    Membership.objects.create(user=user, agency=agency, role=Role.CLERK)
    kinds, outcomes, channels = list(ApplicantKind), list(Outcome), list(Channel)
    first, last = date(2021, 1, 4), date(2026, 11, 20)
    span = (last - first).days
    batch: list[Application] = []
    for i in range(n):
        received = first + timedelta(days=rng.randrange(span))
        due = cal.add_working_days(received, 20)
        is_open = received > last - timedelta(days=40) and rng.random() < 0.5
        closed = None if is_open else min(last, received + timedelta(days=rng.randint(1, 40)))
        batch.append(
            Application(
                agency=agency,
                serial=f"{received.year}-{i:06d}",
                channel=rng.choice(channels),
                received_on=received,
                applicant_kind=rng.choice(kinds),
                applicant_name=f"申请人{i}",
                description="申请公开某地块征收补偿方案",
                status=Status.REGISTERED if is_open else Status.CLOSED,
                outcome="" if is_open else rng.choice(outcomes),
                closed_on=closed,
                due_on=due,
            )
        )
        if len(batch) == 5000:
            Application.objects.bulk_create(batch)
            batch.clear()
            _progress(i + 1, n)
    Application.objects.bulk_create(batch)
    _progress(n, n)
    print(file=sys.stderr)
    return agency.pk


def _progress(done: int, total: int) -> None:
    width = 40
    filled = width * done // total
    print(
        f"\r生成申请 [{'#' * filled}{'.' * (width - filled)}] {done:,}/{total:,}",
        end="",
        file=sys.stderr,
    )


def _login(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    data = urllib.parse.urlencode(
        {"username": "bench", "password": "bench-password-1", "csrfmiddlewaretoken": token.group(1)}
    ).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": base}))
    return opener


if __name__ == "__main__":
    sys.exit(main())
