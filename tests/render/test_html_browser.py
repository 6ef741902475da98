"""The web page in a real browser: axe-core finds no serious or critical violation; a screenshot
is kept in tests/render/artefacts/."""

from __future__ import annotations

import os
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from gongkai.render import Format, render
from gongkai.report import load

from ..conftest import gold

CHROMIUM = os.environ.get("GONGKAI_CHROMIUM", "/usr/bin/chromium")
ARTEFACTS = Path(__file__).parent / "artefacts"


def test_the_report_page_passes_axe() -> None:
    assert Path(CHROMIUM).exists(), (
        f"需要 Chromium（{CHROMIUM}）：运行 scripts/system-packages.sh 安装"
    )
    page_html = render(load(gold("004")), Format.HTML, previous=load(gold("003"))).decode()
    ARTEFACTS.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        try:
            page = browser.new_page()
            page.set_content(page_html)
            page.screenshot(path=str(ARTEFACTS / "004-page.png"), full_page=True)
            violations = [
                f"{v['id']}: {v['help']} ({len(v['nodes'])})"
                for v in Axe().run(page).response["violations"]
                if v.get("impact") in ("serious", "critical")
            ]
        finally:
            browser.close()
    assert not violations
