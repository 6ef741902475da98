"""The year's report in a real browser: write the prose from a draft, download the files, and the
published report on the portal; axe-core finds no serious or critical violation on these pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from playwright.sync_api import Browser, expect

from gongkai.application.outcome import Outcome
from gongkai.extract import extract_file
from gongkai.ledger import actions
from gongkai.ledger.annual import ledger_report
from tests.portal.test_browser import browser, serious_violations, shot

from .conftest import make_world

__all__ = ["browser"]  # the Chromium fixture, shared with the portal's browser tests
NAME = "示例区人民政府办公室2025年政府信息公开工作年度报告"


def test_prose_draft_and_downloads_in_a_browser(
    live_site: str, browser: Browser, tmp_path: Path
) -> None:
    world = make_world()
    for day in (3, 4):
        app = world.register(received_on=date(2025, 3, day))
        actions.application_close(
            actor=world.clerk, application=app, on=date(2025, 3, 20), outcome=Outcome.GRANTED
        )
    page = browser.new_page()
    page.goto(f"{live_site}/login/")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill("pw-clerk")
    page.get_by_role("button", name="登录").click()

    page.goto(f"{live_site}/years/2025/?agency={world.agency.pk}")
    assert serious_violations(page) == [], "year page"
    page.get_by_role("link", name="撰写第一、五、六部分文字").click()
    assert serious_violations(page) == [], "prose page"
    page.get_by_role("button", name="根据台账数据生成初稿").click()
    overview = page.get_by_role("textbox", name="一、总体情况")
    draft = overview.input_value()
    assert "本年新收政府信息公开申请2件（自然人2件、法人或其他组织0件）" in draft
    assert "其中予以公开2件" in draft
    shot(page, "report-prose-draft")
    overview.fill(draft.replace("【请补充：条数】", "120"))
    page.get_by_role("textbox", name="五、存在的主要问题及改进情况").fill(
        "一是公开形式还比较单一。"
    )
    page.get_by_role("button", name="保存").click()
    expect(page.locator("body")).to_contain_text("已保存 2 个部分")
    assert ledger_report(world.agency, 2025).prose[5] == "一是公开形式还比较单一。"

    page.get_by_role("link", name="返回 2025 年度报告").click()
    with page.expect_download() as docx:
        page.get_by_role("link", name="下载Word 文档（DOCX）").click()
    assert docx.value.suggested_filename == f"{NAME}.docx"
    saved = tmp_path / "from-browser.docx"
    docx.value.save_as(saved)
    assert extract_file(saved).report.requests["granted"]["total"] == 2
    shot(page, "report-year-downloads")

    world.lock(2025)
    public = browser.new_page()
    public.goto(f"{live_site}/open/{world.agency.pk}/reports/2025/")
    expect(public.locator("body")).to_contain_text("一是公开形式还比较单一。")
    assert serious_violations(public) == [], "published report page"
    with public.expect_download() as md:
        public.get_by_role("link", name="下载Markdown 文本（MD）").click()
    assert md.value.suggested_filename == f"{NAME}.md"
    shot(public, "portal-report-downloads")
