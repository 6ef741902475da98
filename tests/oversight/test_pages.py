"""The oversight pages: who sees what, the review page and its correction, the dashboard's
numbers against a hand count, the upload page."""

from __future__ import annotations

import re
from decimal import Decimal

from django.test import Client

from gongkai.oversight.figures import DENIED_ROWS
from gongkai.oversight.models import CellCorrection, CorpusReport

from ..ledger.conftest import login
from .conftest import Imported


def _number(html: str, element_id: str) -> int:
    match = re.search(rf'id="{element_id}">(\d+)', html)
    assert match, element_id
    return int(match[1])


def test_a_supervisor_sees_only_their_region(imported: Imported) -> None:
    r = imported.regions
    west = login(r.west_supervisor)
    page = west.get("/oversight/").content.decode()
    assert "共 4 份报告" in page
    east_report = CorpusReport.objects.filter(agency__region__path__startswith=r.east.path).first()
    assert east_report is not None
    assert west.get(f"/oversight/reports/{east_report.pk}/").status_code == 404
    assert west.get(f"/oversight/?region={r.east.pk}").status_code == 400
    assert "共 12 份报告" in login(r.city_supervisor).get("/oversight/").content.decode()
    assert "共 12 份报告" in login(r.root).get("/oversight/").content.decode()


def test_anonymous_and_outsiders_are_kept_out(
    imported: Imported, django_user_model: object
) -> None:
    assert Client().get("/oversight/").status_code == 302
    outsider = django_user_model.objects.create_user(username="x", password="pw-x")  # type: ignore[attr-defined]
    assert login(outsider).get("/oversight/dashboard/").status_code == 403


def test_report_list_filters(imported: Imported) -> None:
    client = login(imported.regions.root)
    years = {t[1] for t in imported.east.truth.values()}
    year = sorted(years)[0]
    expected = sum(1 for t in imported.east.truth.values() if t[1] == year)
    page = client.get(f"/oversight/?region={imported.regions.east.pk}&year={year}").content.decode()
    assert f"共 {expected} 份报告" in page
    assert client.get("/oversight/?year=abc").status_code == 400


def test_review_shows_findings_and_source_and_records_a_correction(imported: Imported) -> None:
    r = imported.regions
    report = (
        CorpusReport.objects.filter(agency__region__path__startswith=r.east.path)
        .order_by("pk")
        .first()
    )
    assert report is not None
    client = login(r.east_supervisor)
    page = client.get(
        f"/oversight/reports/{report.pk}/?cell=requests.granted.total"
    ).content.decode()
    assert 'id="L1"' in page and "源文本" in page and "更正单元格" in page
    assert 'class="marked"' in page  # the granted row's source line
    old = report.granted
    assert old is not None
    response = client.post(
        f"/oversight/reports/{report.pk}/correct/",
        {"path": "requests.granted.total", "value": str(old + 5), "reason": "与原件核对"},
    )
    assert response.status_code == 302
    correction = CellCorrection.objects.get(report=report)
    assert (correction.old, correction.new, correction.by, correction.reason) == (
        Decimal(old),
        Decimal(old + 5),
        r.east_supervisor,
        "与原件核对",
    )
    report.refresh_from_db()
    assert report.granted == old + 5
    assert report.cells.get(section="requests", row="granted", column="total").value == old + 5
    assert report.findings.filter(rule="R3").exists()  # the checker ran again: totals disagree
    assert report.status == "errors"
    page = client.get(f"/oversight/reports/{report.pk}/").content.decode()
    assert "与原件核对" in page


def test_a_correction_needs_a_reason_and_a_number(imported: Imported) -> None:
    r = imported.regions
    report = CorpusReport.objects.filter(agency__region__path__startswith=r.east.path).first()
    assert report is not None
    client = login(r.east_supervisor)
    url = f"/oversight/reports/{report.pk}/correct/"
    page = client.post(
        url, {"path": "requests.granted.total", "value": "3", "reason": " "}, follow=True
    )
    assert "请填写更正理由" in page.content.decode()
    page = client.post(
        url, {"path": "requests.granted.total", "value": "三", "reason": "x"}, follow=True
    )
    assert "不是数字" in page.content.decode()
    page = client.post(
        url, {"path": "requests.granted.total", "value": "-1", "reason": "x"}, follow=True
    )
    assert "非负整数" in page.content.decode()
    assert not CellCorrection.objects.exists()
    west = login(r.west_supervisor)
    assert (
        west.post(url, {"path": "requests.granted.total", "value": "1", "reason": "x"}).status_code
        == 404
    )


def test_dashboard_numbers_equal_a_hand_count(imported: Imported) -> None:
    r = imported.regions
    truth = list(imported.east.truth.values()) + list(imported.west.truth.values())

    def total(path: str) -> int:
        return sum(int(cells.get(path) or 0) for _, _, cells in truth)

    def denied() -> int:
        return sum(
            int(v or 0)
            for _, _, cells in truth
            for p, v in cells.items()
            if p.startswith("requests.denied_") and p.endswith(".total")
        )

    page = (
        login(r.city_supervisor).get(f"/oversight/dashboard/?region={r.city.pk}").content.decode()
    )
    assert _number(page, "t-reports") == 12
    assert _number(page, "t-received") == total("requests.new_received.total")
    assert _number(page, "t-granted") == total("requests.granted.total")
    assert _number(page, "t-partial") == total("requests.partially_granted.total")
    assert _number(page, "t-denied") == denied()
    for i, row in enumerate(DENIED_ROWS, 1):
        assert _number(page, f"g-{i}") == total(f"requests.{row}.total"), row
    appeals = sum(
        total(f"appeals.{row}.total")
        for row in ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
    )
    assert _number(page, "t-appeals") == appeals
    assert "<svg" in page and "东区" in page and "西区" in page
    # sorting links and drill-down
    assert "sort=received" in page and "/oversight/?agency=" in page
    received = sorted(int(cells["requests.new_received.total"] or 0) for _, _, cells in truth)
    ranked = re.findall(
        r'<td class="num">\d+</td><td class="num">\d+</td><td class="num">\d+</td>'
        r'<td class="num">\d+</td><td class="num">(\d+)</td>',
        login(r.root).get("/oversight/dashboard/?sort=received&dir=asc").content.decode(),
    )
    assert [int(n) for n in ranked][-12:] == received  # the ranking, sorted by the database
    sorted_page = login(r.root).get("/oversight/dashboard/?sort=received&dir=asc").content.decode()
    assert 'aria-sort="ascending"' in sorted_page
    east_only = login(r.east_supervisor).get("/oversight/dashboard/").content.decode()
    assert _number(east_only, "t-reports") == 8


def test_moving_a_region_moves_everything_below(imported: Imported) -> None:
    from gongkai.oversight.actions import region_save
    from gongkai.oversight.models import Region

    r = imported.regions
    county = Region.objects.get(parent=r.west, name="示例县")
    region_save(name="西区", level="county", parent=r.east, region=r.west)  # west now under east
    county.refresh_from_db()
    assert county.path.startswith(r.east.path) and county.full_name().endswith(
        "东区 › 西区 › 示例县"
    )
    page = login(r.east_supervisor).get("/oversight/").content.decode()
    assert "共 12 份报告" in page
    admin = login(r.root)
    assert admin.get("/admin/oversight/region/").status_code == 200
