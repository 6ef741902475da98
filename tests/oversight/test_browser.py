"""The oversight pages in a real browser: a supervisor drills down from the dashboard to a report
and a cell, corrects it with the keyboard only; axe-core finds no serious or critical violation."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Browser, expect

from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CellCorrection
from tests.portal.test_browser import browser, serious_violations, shot

from .conftest import make_regions, write_corpus

__all__ = ["browser"]


def test_dashboard_drill_down_and_correction(
    live_site: str, browser: Browser, tmp_path: Path
) -> None:
    regions = make_regions()
    write_corpus(tmp_path, 6, seed=21)
    run = run_import(tmp_path, region=regions.east, workers=1)
    page = browser.new_page()
    page.goto(f"{live_site}/login/?next=/oversight/dashboard/")
    page.get_by_label("用户名").fill("city")
    page.get_by_label("密码").fill("pw-city")
    page.get_by_role("button", name="登录").click()
    page.wait_for_url("**/oversight/dashboard/")
    assert serious_violations(page) == [], "dashboard"
    shot(page, "oversight-dashboard")

    page.get_by_role("link", name="新收申请").first.click()  # a server-side sort link
    assert "sort=received" in page.url
    page.get_by_role("link", name="东区").first.click()  # drill down to the county
    assert serious_violations(page) == [], "county dashboard"
    page.get_by_role("link", name="示例县第0局").click()  # to the agency's reports
    assert serious_violations(page) == [], "report list"
    page.get_by_role("link", name="示例县第0局").click()  # to the report
    assert serious_violations(page) == [], "review"
    shot(page, "oversight-review")

    # correct a cell with the keyboard only
    page.get_by_label("单元格", exact=True).focus()
    page.get_by_label("单元格", exact=True).select_option("requests.granted.total")
    page.keyboard.press("Tab")
    page.keyboard.type("7")
    page.keyboard.press("Tab")
    page.keyboard.type("与纸质原件核对")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.locator("body")).to_contain_text("已更正，并已重新核对")
    correction = CellCorrection.objects.get()
    assert (correction.path, correction.new, correction.reason) == (
        "requests.granted.total",
        7,
        "与纸质原件核对",
    )

    for path in ("/oversight/import/", f"/oversight/runs/{run.pk}/", "/oversight/runs/"):
        page.goto(live_site + path)
        assert serious_violations(page) == [], path
