"""Staff accounts in a real browser (Chromium via Playwright): the lockout message after repeated
wrong passwords, and a clerk changing their own password then signing in with it."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from gongkai.site.accounts import LOCKED

from ..ledger.conftest import make_world
from ..portal.test_browser import browser, serious_violations, shot

__all__ = ["browser"]


def _sign_in(page: Page, site: str, username: str, password: str) -> None:
    page.goto(f"{site}/login/")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(password)
    page.get_by_role("button", name="登录").click()


def test_repeated_wrong_passwords_lock_the_account(live_site: str, browser: Browser) -> None:
    make_world()
    page = browser.new_page()
    for i in range(4):
        _sign_in(page, live_site, "clerk", f"guess-{i}")
        expect(page.get_by_role("alert")).to_have_text("用户名或密码不正确。")
    _sign_in(page, live_site, "clerk", "guess-4")
    expect(page.get_by_role("alert")).to_have_text(LOCKED)
    _sign_in(page, live_site, "clerk", "pw-clerk")  # the right password, too late
    expect(page.get_by_role("alert")).to_have_text(LOCKED)
    expect(page.get_by_role("heading", name="登录")).to_be_visible()
    shot(page, "login-locked")
    assert serious_violations(page) == []


def test_a_clerk_changes_their_password(live_site: str, browser: Browser) -> None:
    make_world()
    page = browser.new_page()
    _sign_in(page, live_site, "clerk", "pw-clerk")
    page.get_by_role("link", name="修改密码").click()
    page.get_by_label("旧密码").fill("pw-clerk")
    page.locator("#id_new_password1").fill("20262026")
    page.locator("#id_new_password2").fill("20262026")
    page.get_by_role("button", name="修改密码").click()
    expect(page.locator("body")).to_contain_text("密码只包含数字。")
    expect(page.locator("body")).to_contain_text("密码太短，至少要有 10 个字符。")
    shot(page, "password-weak")
    assert serious_violations(page) == []

    page.get_by_label("旧密码").fill("pw-clerk")
    page.locator("#id_new_password1").fill("Qing-he 2026 lu")
    page.locator("#id_new_password2").fill("Qing-he 2026 lu")
    page.get_by_role("button", name="修改密码").click()
    expect(page.get_by_role("heading", name="密码已修改")).to_be_visible()

    page.get_by_role("button", name="退出（clerk）").click()
    _sign_in(page, live_site, "clerk", "Qing-he 2026 lu")
    expect(page.get_by_role("link", name="修改密码")).to_be_visible()
