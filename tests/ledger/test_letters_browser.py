"""A clerk issues every one of the 29 kinds of letter from the application page in Chromium: the
facts the ledger holds fill the letter, the form asks only what the ledger lacks, and each letter
gets the agency's number."""

from __future__ import annotations

import re
from datetime import date

from playwright.sync_api import Browser, Page, expect

from gongkai.fees import FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.models import Application, Letter
from gongkai.ledger.views.letter import needs
from gongkai.letters import LetterKind
from tests.portal.test_browser import browser, serious_violations, shot

from .conftest import World, make_world

__all__ = ["browser"]  # the Chromium fixture, shared with the portal's browser tests
K = LetterKind


def ledger_states(world: World) -> dict[LetterKind, tuple[Application, str]]:
    """For each kind, an application in the state its letter speaks of, and the letter's date."""
    asked = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=asked, on=date(2025, 3, 5)
    )
    actions.application_deliver_correction_request(
        actor=world.clerk,
        application=asked,
        on=date(2025, 3, 6),
        channel="in_person",
        signed_by="王伟",
    )
    extended = world.register(received_on=date(2025, 3, 3))
    actions.application_extend(
        actor=world.head, application=extended, on=date(2025, 3, 20), working_days=10
    )
    charged = world.register(received_on=date(2025, 3, 3))
    actions.application_send_fee_notice(
        actor=world.clerk,
        application=charged,
        on=date(2025, 3, 10),
        method=FeeMethod.PER_PAGE,
        pages=101,
    )
    actions.application_deliver_fee_notice(
        actor=world.clerk,
        application=charged,
        on=date(2025, 3, 11),
        channel="in_person",
        signed_by="王伟",
    )
    consulting = world.register(received_on=date(2025, 3, 3))
    actions.application_start_consultation(
        actor=world.clerk, application=consulting, on=date(2025, 3, 10), party="agency"
    )
    open_ = world.register(received_on=date(2025, 3, 3))
    special = {
        K.CONSULTATION: (consulting, "2025-03-10"),
        K.CONSULTATION_AGENCY: (consulting, "2025-03-10"),
        K.CONSULTATION_NOTICE: (consulting, "2025-03-10"),
        K.CORRECTION_REQUEST: (asked, "2025-03-05"),
        K.OTHER_NO_CORRECTION: (asked, "2025-04-01"),
        K.EXTENSION: (extended, "2025-03-20"),
        K.FEE_NOTICE: (charged, "2025-03-10"),
        K.OTHER_FEE_UNPAID: (charged, "2025-04-10"),
    }
    return {kind: special.get(kind, (open_, "2025-03-20")) for kind in LetterKind}


def issue(page: Page, base: str, app: Application, kind: LetterKind, on: str) -> None:
    page.goto(f"{base}/applications/{app.pk}/")
    page.get_by_text("生成告知书", exact=True).click()
    form = page.locator("details[open] form")
    form.get_by_label("告知书", exact=True).select_option(kind.value)
    form.get_by_label("落款日期").fill(on)
    reasons, detail = needs(kind)
    if reasons:
        form.get_by_label("理由", exact=True).fill("经审查核实的具体理由")
    if detail:
        form.get_by_label("补充事项", exact=True).fill(f"{detail.split('（')[0]}：示例内容")
    form.get_by_role("button", name="生成").click()
    expect(page.get_by_role("status")).to_contain_text("已生成“")


def test_a_clerk_issues_every_kind_of_letter_from_the_page(
    live_site: str, browser: Browser
) -> None:
    world = make_world()
    states = ledger_states(world)
    assert len(states) == 29
    page = browser.new_page()
    page.goto(f"{live_site}/login/")
    page.get_by_label("用户名").fill("clerk")
    page.get_by_label("密码").fill("pw-clerk")
    page.get_by_role("button", name="登录").click()

    for kind, (app, on) in states.items():
        issue(page, live_site, app, kind, on)

    letters = Letter.objects.filter(application__agency=world.agency)
    assert sorted(letters.values_list("kind", flat=True)) == sorted(k.value for k in LetterKind)
    numbers = list(letters.values_list("number", flat=True))
    assert len(set(numbers)) == 29 and all(n.startswith("〔2025〕第") for n in numbers)

    notice = Letter.objects.get(kind=K.CONSULTATION_NOTICE).text
    assert "第三十四条的规定，本机关正在书面征求有关行政机关的意见" in notice

    # The letters as issued: the page lists them with their numbers, and they download.
    app = states[K.FEE_NOTICE][0]
    page.goto(f"{live_site}/applications/{app.pk}/")
    fee_notice = Letter.objects.get(kind=K.FEE_NOTICE)
    expect(page.locator("#main")).to_contain_text(fee_notice.number)
    assert "自收到本通知书之日起20个工作日内" in fee_notice.text
    with page.expect_download() as pdf:
        page.get_by_role("link", name=re.compile(f"^PDF.*{re.escape(fee_notice.number)}")).click()
    assert pdf.value.suggested_filename.endswith(".pdf")
    assert serious_violations(page) == [], "application page with letters"
    shot(page, "letters-issued")
