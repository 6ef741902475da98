"""The demo the main command starts with: a generated corpus the demo supervisor oversees."""

from __future__ import annotations

from django.test import Client
from django.urls import reverse

from gongkai.oversight.demo import create_oversight_demo
from gongkai.oversight.models import CorpusReport, ImportFailure, RegionAccess

from ..ledger.conftest import make_world


def test_the_demo_supervisor_oversees_an_imported_corpus(db: None) -> None:
    supervisor = make_world().supervisor
    stored = create_oversight_demo(supervisor=supervisor, count=40, seed=3)
    assert stored == CorpusReport.objects.count() > 30
    assert ImportFailure.objects.exists()  # the generator damages a few files on purpose
    assert RegionAccess.objects.filter(user=supervisor).count() >= 1

    client = Client()
    client.force_login(supervisor)
    page = client.get(reverse("ledger:queue")).content.decode()
    assert reverse("oversight:dashboard") in page and "监督分析" in page
    assert client.get(reverse("oversight:dashboard")).status_code == 200
    listed = client.get(reverse("oversight:reports")).content.decode()
    assert CorpusReport.objects.first().agency.name in listed  # type: ignore[union-attr]


def test_staff_without_oversight_see_no_way_in(db: None) -> None:
    client = Client()
    client.force_login(make_world().clerk)
    page = client.get(reverse("ledger:queue"))
    assert page.status_code == 200 and "监督分析" not in page.content.decode()
