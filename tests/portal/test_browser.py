"""The portal in a real browser: Debian's Chromium driven by Playwright (no browser download).

The whole path of a request, applicant and clerk taking turns; screenshots are kept in
`test-artifacts/`; axe-core must find no serious or critical violation on the public pages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect, sync_playwright

from ..conftest import ROOT
from ..ledger.conftest import make_world

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    assert Path(CHROMIUM).exists(), (
        f"需要 Chromium（{CHROMIUM}）：运行 scripts/system-packages.sh 安装"
    )
    # Playwright's sync API keeps an event loop on this thread; the test's own database calls are
    # still synchronous (Django's documented switch for exactly this case).
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as p:
            instance = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            yield instance
            instance.close()
    finally:
        del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def serious_violations(page: Page) -> list[str]:
    results = Axe().run(page)
    return [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in results.response["violations"]
        if v.get("impact") in ("serious", "critical")
    ]


def test_a_request_from_application_to_answer(live_site: str, browser: Browser) -> None:
    world = make_world()
    applicant = browser.new_page()
    applicant.goto(f"{live_site}/open/{world.agency.pk}/")
    applicant.get_by_role("link", name="在线提交申请").click()
    applicant.get_by_label("姓名或名称").fill("李明")
    applicant.get_by_label("身份证件号码", exact=False).fill("110101198506061235")
    applicant.get_by_label("联系电话").fill("13800001111")
    applicant.get_by_label("所需政府信息的名称", exact=False).fill("申请公开某小区旧改项目实施方案")
    applicant.get_by_label("我确认以上信息真实、准确").check()
    applicant.get_by_role("button", name="提交申请").click()
    code = applicant.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}", code)
    shot(applicant, "1-submitted")

    clerk = browser.new_page()
    clerk.goto(f"{live_site}/login/")
    clerk.get_by_label("用户名").fill("clerk")
    clerk.get_by_label("密码").fill("pw-clerk")
    clerk.get_by_role("button", name="登录").click()
    clerk.get_by_role("link", name=re.compile(r"\d{4}-\d{5}")).first.click()
    clerk.get_by_text("告知补正", exact=False).first.click()
    clerk.locator("details[open] form").get_by_role("button", name="确认").click()
    expect(clerk.locator("body")).to_contain_text("待补正")
    shot(clerk, "2-correction-requested")

    def stage() -> str:
        applicant.goto(f"{live_site}/open/track/")
        applicant.get_by_label("查询码").fill(code)
        applicant.get_by_label("申请时填写的联系电话").fill("138 0000 1111")
        applicant.get_by_role("button", name="查询").click()
        return applicant.locator("#stage").inner_text()

    assert stage() == "待补正"
    shot(applicant, "3-applicant-sees-correction")

    clerk.get_by_text("收到补正", exact=False).first.click()
    clerk.locator("details[open] form").get_by_role("button", name="确认").click()
    clerk.get_by_text("办结", exact=True).click()
    form = clerk.locator("details[open] form")
    form.get_by_label("办理结果").select_option("granted")
    form.get_by_role("button", name="确认").click()
    expect(clerk.locator("body")).to_contain_text("已办结")
    # The answer: the letter for the outcome, generated and recorded as delivered.
    clerk.get_by_role("button", name="生成").click()
    expect(clerk.locator("body")).to_contain_text("已生成")
    with clerk.expect_download() as pdf:
        clerk.get_by_role("link", name="PDF").click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    clerk.get_by_role("button", name="记录送达").click()
    expect(clerk.locator("body")).to_contain_text("已送达")
    shot(clerk, "4-closed-with-letter")

    assert stage() == "已办结"
    shot(applicant, "5-applicant-sees-closed")


def test_portal_pages_pass_axe(live_site: str, browser: Browser) -> None:
    world = make_world()
    page = browser.new_page()
    for path in (
        "/open/",
        f"/open/{world.agency.pk}/",
        f"/open/{world.agency.pk}/catalogue/",
        f"/open/{world.agency.pk}/reports/",
        f"/open/{world.agency.pk}/apply/",
        "/open/track/",
    ):
        page.goto(live_site + path)
        assert serious_violations(page) == [], path
    page.goto(f"{live_site}/open/text-size/?next=/open/{world.agency.pk}/apply/")
    assert serious_violations(page) == [], "large-text mode"
    shot(page, "large-text-apply")
