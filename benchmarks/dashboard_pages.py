"""Oversight pages on a corpus of 20,000 reports (4,000 agencies × 5 years in 1 province › 8
cities › 80 counties), bulk-inserted from synthetic reports' values — cells, findings and key
figures as an import stores them — served by waitress on SQLite, or on PostgreSQL with
GONGKAI_DATABASE_URL set.

    python benchmarks/dashboard_pages.py [--reports 20000] [--rounds 7]

Times, over HTTP, the login page (the baseline), the dashboard at province, city and county
level, a sorted ranking, the report list, a review page, an API page; prints medians and their
ratio to the baseline. Target: every dashboard page < 1 s.
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

from site_database import fresh_database

TARGET_MS = 1000.0
YEARS = (2019, 2020, 2021, 2022, 2023)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=20_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)

    fresh_database()
    started = time.perf_counter()
    ids = _populate(args.reports)
    print(f"\ninserted in {time.perf_counter() - started:.0f} s", file=sys.stderr)

    from django.core.wsgi import get_wsgi_application
    from waitress.server import create_server

    server = create_server(get_wsgi_application(), host="127.0.0.1", port=0, threads=4)
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{server.effective_port}"
    opener = _login(base)
    pages = {
        "baseline": "/login/",
        "dashboard": "/oversight/dashboard/",
        "province 2023": f"/oversight/dashboard/?region={ids['province']}&year=2023",
        "city": f"/oversight/dashboard/?region={ids['city']}",
        "county 2022": f"/oversight/dashboard/?region={ids['county']}&year=2022",
        "ranking sorted": "/oversight/dashboard/?sort=received&dir=asc&page=3",
        "report list": "/oversight/?errors=1&year=2021",
        "review": f"/oversight/reports/{ids['report']}/",
        "api cells": "/oversight/api/cells?year=2022&row=granted&page=50",
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

    from django.db import connection

    print(f"reports: {args.reports:,}  database: {connection.vendor}")
    ok = True
    for name, ms in medians.items():
        dashboard = name not in ("baseline", "report list", "review", "api cells")
        verdict = ("  met" if ms < TARGET_MS else "  NOT MET") if dashboard else ""
        ok &= not dashboard or ms < TARGET_MS
        print(f"{name:<15} {ms:8.1f} ms  {ms / medians['baseline']:6.1f}× baseline{verdict}")
    return 0 if ok else 1


def _populate(n: int) -> dict[str, int]:
    from django.contrib.auth import get_user_model

    from gongkai.check import check
    from gongkai.oversight.actions import region_save
    from gongkai.oversight.actions.store import _figures, _insert_cells, flagged_paths
    from gongkai.oversight.models import CorpusAgency, CorpusReport, FindingRow, Level
    from gongkai.report import interchange
    from gongkai.report.grid import Edition
    from gongkai.report.synthetic import consistent_report

    get_user_model().objects.create_superuser(username="bench", password="bench-password-1")
    rng = random.Random(1)
    province = region_save(name="基准省", level=Level.PROVINCE, parent=None)
    counties = []
    for c in range(8):
        city = region_save(name=f"第{c}市", level=Level.CITY, parent=province)
        counties += [
            region_save(name=f"第{c}市第{k}县", level=Level.COUNTY, parent=city) for k in range(10)
        ]
    agencies_per_county = max(1, n // len(YEARS) // len(counties))
    agencies = CorpusAgency.objects.bulk_create(
        CorpusAgency(name=f"{county.name}第{i}局", region=county)
        for county in counties
        for i in range(agencies_per_county)
    )
    done = 0
    from django.db import transaction

    for agency in agencies:
        previous = None
        with transaction.atomic():  # one agency's years at a time
            for year in YEARS:
                if done >= n:
                    break
                edition = Edition.for_year(year)
                report = (
                    consistent_report(rng, previous=previous)
                    if previous is not None and Edition.for_year(year - 1) is edition
                    else consistent_report(rng, edition=edition, year=year)
                )
                report.agency = agency.name
                if rng.random() < 0.15:  # an arithmetic error, as real corpora have
                    report.set(
                        "requests.granted.total", (report.value("requests.granted.total") or 0) + 2
                    )
                if rng.random() < 0.6:
                    day = rng.randint(5, 60)
                    report.extra["metadata"] = {
                        "published_at": f"{year + 1}-{1 + day // 31:02d}-{1 + day % 28:02d}"
                    }
                findings = [f.as_dict() for f in check(report)]
                stored = CorpusReport(
                    agency=agency,
                    year=year,
                    edition=report.edition.value,
                    sha256=f"{agency.pk:08d}{year}".ljust(64, "0"),
                    source_name=f"{agency.pk}-{year}.txt",
                    format="text",
                    source_text="（基准测试：无源文本）",
                    report=interchange.to_dict(report),
                )
                _figures(stored, report, findings)
                stored.save(force_insert=True)
                _insert_cells(stored, report, flagged_paths(report, findings))
                FindingRow.objects.bulk_create(
                    FindingRow(
                        report=stored,
                        rule=f["rule"],
                        level=f["level"],
                        message=f["message"],
                        cells=f["cells"],
                    )
                    for f in findings
                )
                previous = report
                done += 1
        if done % 500 < len(YEARS):
            print(f"\r生成报告 {done:,}/{n:,}", end="", file=sys.stderr)
        if done >= n:
            break
    last = CorpusReport.objects.order_by("-pk").first()
    assert last is not None
    return {
        "province": province.pk,
        "city": counties[0].parent_id or 0,
        "county": counties[0].pk,
        "report": last.pk,
    }


def _login(base: str) -> urllib.request.OpenerDirector:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{base}/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    assert token
    data = urllib.parse.urlencode(
        {
            "username": "bench",
            "password": "bench-password-1",
            "csrfmiddlewaretoken": token.group(1),
            "next": "/oversight/",
        }
    ).encode()
    opener.open(urllib.request.Request(f"{base}/login/", data=data, headers={"Referer": base}))
    return opener


if __name__ == "__main__":
    sys.exit(main())
