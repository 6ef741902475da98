"""Every URL pattern of the site, and every query parameter it reads, with malformed values: no
answer is a 500, and every refusal (400/404) is a page in Chinese.

The walk is driven by the URL resolver, so a new pattern without an entry in `GOOD` (its valid
arguments) fails `test_every_pattern_is_walked`."""

from __future__ import annotations

import contextlib
import random
import re
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.http import QueryDict
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from gongkai.ledger.demo import create_demo
from gongkai.ledger.models import Appeal, Application, CatalogueItem, Letter
from gongkai.oversight.actions import region_path
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CorpusReport, ImportRun, RegionAccess
from gongkai.portal.models import Attachment

from ..oversight.conftest import write_corpus

#: Malformed values for a query parameter or a path segment.
MALFORMED = [
    "",
    "abc",
    "²",  # str.isdigit() says yes, int() says no
    "١٢",  # Arabic-Indic digits: int() accepts them
    "２０２５",  # full-width digits
    "-1",
    "0",
    "1.5",
    "1e999",
    "NaN",
    "Infinity",
    "99999999999999999999999",
    "9223372036854775808",
    "2147483648",
    "2018",  # a year before the 2019 regulation (the year page links to it)
    "0000",
    "9999",
    "<2019",
    "\x00",
    "' OR 1=1 --",
    "../../etc/passwd",
    "%ff",
    "x" * 5000,
    "2026-13-45",
    "[]",
]

#: Every query parameter the site reads (pages, filters, the API, the portal).
PARAMETERS = [
    "page", "page_size", "q", "status", "light", "mine", "agency", "assignee", "overdue",
    "title", "index_number", "category", "made_from", "made_to", "year",
    "region", "errors", "sort", "dir", "cell", "all", "parent", "report", "section", "row",
    "column", "level", "rule", "source", "from", "to", "next", "kind",
]  # fmt: skip


def _routes(patterns: list[Any], prefix: str = "", namespace: str = "") -> list[tuple[str, str]]:
    """(name, route) for every pattern below `patterns`."""
    out: list[tuple[str, str]] = []
    for p in patterns:
        if isinstance(p, URLResolver):
            ns = p.namespace or namespace
            out += _routes(p.url_patterns, prefix + str(p.pattern), ns)
        elif isinstance(p, URLPattern) and p.name:
            out.append((f"{namespace}:{p.name}" if namespace else p.name, prefix + str(p.pattern)))
    return out


def site_routes() -> list[tuple[str, str]]:
    return [(n, r) for n, r in _routes(get_resolver().url_patterns) if not r.startswith("admin/")]


@pytest.fixture
def site(db: None, tmp_path: Path) -> dict[str, Any]:
    demo = create_demo(today=date(2026, 3, 2), rng=random.Random(3))
    User = get_user_model()
    supervisor = User.objects.get(username="supervisor")
    east = region_path(["示例省", "示例市", "东区"])
    RegionAccess.objects.create(user=supervisor, region=east)
    write_corpus(tmp_path / "corpus", 2, bad=False)
    run_import(tmp_path / "corpus", region=east, workers=1)
    app = Application.objects.filter(agency=demo.agency).order_by("pk").first()
    assert app is not None
    report = CorpusReport.objects.order_by("pk").first()
    assert report is not None
    letter, appeal = Letter.objects.first(), Appeal.objects.first()
    item, attachment = CatalogueItem.objects.first(), Attachment.objects.first()
    year, agency = demo.year, demo.agency.pk
    good: dict[str, dict[str, object]] = {
        "ledger:application": {"pk": app.pk},
        "ledger:assign": {"pk": app.pk},
        "ledger:letter_issue": {"pk": app.pk},
        "ledger:appeal_register": {"pk": app.pk},
        "ledger:appeal_decide": {"pk": appeal.pk if appeal else 1},
        "ledger:step": {"pk": app.pk, "step": "accept"},
        "ledger:letter_download": {"pk": letter.pk if letter else 1, "fmt": "docx"},
        "ledger:letter_send": {"pk": letter.pk if letter else 1},
        "ledger:catalogue_publish": {"pk": item.pk if item else 1},
        "ledger:year": {"year": year},
        "ledger:proactive": {"year": year},
        "ledger:year_json": {"year": year},
        "ledger:year_file": {"year": year, "fmt": "xlsx"},
        "ledger:prose": {"year": year},
        "ledger:year_lock": {"year": year},
        "portal:guide": {"agency_id": agency},
        "portal:catalogue": {"agency_id": agency},
        "portal:reports": {"agency_id": agency},
        "portal:report": {"agency_id": agency, "year": year},
        "portal:report_file": {"agency_id": agency, "year": year, "fmt": "docx"},
        "portal:apply": {"agency_id": agency},
        "portal:attachment": {"pk": attachment.pk if attachment else 1},
        "portal:settings_letter": {"kind": "grant"},
        "oversight:review": {"pk": report.pk},
        "oversight:correct": {"pk": report.pk},
        "oversight:compare": {"pk": report.pk, "other": report.pk},
        "oversight:run": {"pk": ImportRun.objects.get().pk},
        "oversight:export": {"fmt": "csv"},
        "oversight:api": {"name": "reports"},
    }
    clients = {
        "anonymous": Client(),
        "clerk": _login(User.objects.get(username="clerk")),
        "supervisor": _login(supervisor),
        "siteadmin": _login(User.objects.get(username="siteadmin")),
    }
    return {"good": good, "clients": clients}


def _login(user: Any) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _client_for(site: dict[str, Any], name: str) -> Client:
    """Who uses the page: the public, a clerk, the site administrator, a supervisor."""
    if name == "ledger:schedules":
        return site["clients"]["siteadmin"]
    if name.startswith("ledger:") or name.startswith("portal:settings"):
        return site["clients"]["clerk"]
    return site["clients"]["anonymous" if name.startswith("portal:") else "supervisor"]


def _path(route: str, values: dict[str, object]) -> str:
    return "/" + re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m[1]]), route)


def _problem(client: Client, url: str, query: dict[str, str] | None = None) -> str | None:
    """What is wrong with the answer to a GET, or None."""
    shown = f"{url} {query or ''}"
    try:
        response = client.get(url, query)
    except Exception as exc:  # the test client re-raises a view's exception
        return f"{shown}: 500 ({type(exc).__name__}: {str(exc)[:80]})"
    if response.status_code >= 500:
        return f"{shown}: {response.status_code}"
    refused = response.status_code in (400, 404) and "html" in response.get("Content-Type", "")
    if refused and not re.search(r"[\u4e00-\u9fff]", response.content.decode("utf-8", "replace")):
        return f"{shown}: a refusal not in Chinese"
    return None


def test_every_pattern_is_walked(site: dict[str, Any]) -> None:
    with_arguments = {n for n, r in site_routes() if "<" in r}
    assert with_arguments == set(site["good"]), "add the new pattern's valid arguments to GOOD"


def test_malformed_path_segments_never_give_a_500(site: dict[str, Any]) -> None:
    tried, problems = 0, []
    for name, route in site_routes():
        slots = re.findall(r"<(?:\w+:)?(\w+)>", route)
        for slot in slots:
            for bad in MALFORMED:
                values = {**site["good"][name], slot: bad}
                url = _path(route, values)
                for client in site["clients"].values():
                    problems.append(_problem(client, url))
                    tried += 1
    assert [p for p in problems if p] == [], "\n".join(p for p in problems if p)
    assert tried > 1000


def _reads(request: Any, monkeypatch: pytest.MonkeyPatch) -> set[str]:
    """The parameters a request reads (recorded on its QueryDicts): `request()` sends it with
    one neutral parameter, so that forms bound on the data are bound."""
    read: set[str] = set()
    original_get, original_item = QueryDict.get, QueryDict.__getitem__

    def get(self: QueryDict, key: str, default: Any = None) -> Any:
        read.add(key)
        return original_get(self, key, default)

    def item(self: QueryDict, key: str) -> Any:
        read.add(key)
        return original_item(self, key)

    with monkeypatch.context() as patch:
        patch.setattr(QueryDict, "get", get)
        patch.setattr(QueryDict, "__getitem__", item)
        with contextlib.suppress(Exception):  # a defect: the walk reports it
            request()
    return read - {"walk", "csrfmiddlewaretoken"}


def test_malformed_query_parameters_never_give_a_500(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each page gets every malformed value in every parameter it reads (found by recording
    what it reads), one at a time, and all of them at once."""
    tried, problems, readers = 0, [], set()
    for name, route in site_routes():
        if name in ("logout", "ledger:year_lock") or name.endswith("send"):
            continue  # POST-only actions
        url = _path(route, site["good"].get(name, {}))
        client = _client_for(site, name)
        parameters = _reads(partial(client.get, url, {"walk": "1"}), monkeypatch) & set(PARAMETERS)
        readers |= {(name, p) for p in parameters}
        for bad in MALFORMED:
            problems.append(_problem(client, url, dict.fromkeys(PARAMETERS, bad)))
            for parameter in parameters:
                problems.append(_problem(client, url, {parameter: bad}))
                tried += 1
    assert [p for p in problems if p] == [], "\n".join(p for p in problems if p)
    # the recording works: pages known to read parameters are among those walked
    assert {
        ("oversight:review", "cell"),
        ("ledger:queue", "status"),
        ("oversight:api", "page"),
    } <= readers
    assert tried > 1000


def test_malformed_form_fields_never_give_a_500(
    site: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every POST a page accepts, with each malformed value in each field it reads."""
    tried, problems = 0, []
    for name, route in site_routes():
        if name in ("logout", "login"):
            continue
        url = _path(route, site["good"].get(name, {}))
        client = _client_for(site, name)
        fields = _reads(partial(client.post, url, {"walk": "1"}), monkeypatch)
        for bad in MALFORMED:
            for field in fields:
                try:
                    response = client.post(url, {field: bad})
                except Exception as exc:
                    problems.append(f"POST {url} {field}={bad[:20]!r}: {type(exc).__name__}: {exc}")
                    continue
                if response.status_code >= 500:
                    problems.append(f"POST {url} {field}={bad[:20]!r}: {response.status_code}")
                tried += 1
    assert problems == [], "\n".join(problems)
    assert tried > 1000


#: The query parameters Django's admin reads on its lists: page, ordering, search, show all,
#: popup and the field a popup returns.
ADMIN_PARAMETERS = ["p", "o", "q", "all", "_popup", "_to_field", "e"]


def test_the_admin_never_gives_a_500(site: dict[str, Any]) -> None:
    """The Django admin (the site administrator's pages) with malformed object ids and list
    parameters: refused or redirected, never a 500."""
    from django.contrib import admin

    client = site["clients"]["siteadmin"]
    # the walk is inside the admin, not at its login page
    assert client.get("/admin/").status_code == 200
    tried, problems = 0, []
    for model in admin.site._registry:
        base = f"/admin/{model._meta.app_label}/{model._meta.model_name}/"
        for bad in MALFORMED:
            for view in ("change/", "delete/", "history/"):
                problems.append(_problem(client, f"{base}{bad}/{view}"))
                tried += 1
            for parameter in ADMIN_PARAMETERS:
                problems.append(_problem(client, base, {parameter: bad}))
                tried += 1
    found = [p for p in problems if p]
    assert tried > 100 and not found, "\n".join(found[:20])
