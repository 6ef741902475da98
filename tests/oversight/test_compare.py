"""Year on year: two imported reports of one agency, every cell's change, R5–R7, copied prose."""

from __future__ import annotations

import random
from pathlib import Path

from gongkai.oversight import actions
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CorpusReport
from gongkai.render import Format, render
from gongkai.report.synthetic import consistent_report

from ..ledger.conftest import login
from .conftest import Regions

COPIED = "本机关认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外，持续推进政务公开标准化规范化建设。"


def test_year_on_year_page(regions: Regions, tmp_path: Path) -> None:
    rng = random.Random(5)
    before = consistent_report(rng, year=2022)
    before.agency = "示例市示例区司法局"
    before.prose = {
        1: COPIED + "\n\n去年新增的一段文字，讲述二〇二二年的重点工作。",
        5: "无。",
        6: "无。",
    }
    after = consistent_report(rng, previous=before)
    after.prose = {
        1: COPIED + "\n\n今年写的新内容：完善依申请公开办理流程，规范答复文书。",
        5: "无。",
        6: "无。",
    }
    carried = after.value("requests.carried_over_from_last_year.total")
    after.set("requests.carried_over_from_last_year.total", (carried or 0) + 3)  # breaks R5
    for report in (before, after):
        (tmp_path / f"{report.year}.md").write_bytes(render(report, Format.MD))
    run_import(tmp_path, region=regions.east, workers=1)
    old = CorpusReport.objects.get(year=2022)
    new = CorpusReport.objects.get(year=2023)
    assert old.agency_id == new.agency_id
    client = login(regions.east_supervisor)
    review = client.get(f"/oversight/reports/{new.pk}/").content.decode()
    assert f"/oversight/reports/{new.pk}/compare/{old.pk}/" in review
    page = client.get(f"/oversight/reports/{new.pk}/compare/{old.pk}/").content.decode()
    assert "R5" in page
    assert '<p class="copied"><strong>[照搬上年]</strong> ' + COPIED in page
    assert "[新写]</strong> 今年写的新内容" in page
    assert "有变化" in page
    # reversed order is the same comparison; another agency's report is refused
    assert (
        client.get(f"/oversight/reports/{old.pk}/compare/{new.pk}/").content.decode().count("R5")
        >= 1
    )
    assert (
        login(regions.west_supervisor)
        .get(f"/oversight/reports/{new.pk}/compare/{old.pk}/")
        .status_code
        == 404
    )


def test_carry_over_findings_are_stored_whichever_year_comes_first(
    regions: Regions, tmp_path: Path
) -> None:
    rng = random.Random(6)
    before = consistent_report(rng, year=2022)
    before.agency = "示例市示例区民政局"
    after = consistent_report(rng, previous=before)
    carried = after.value("requests.carried_over_from_last_year.total")
    after.set("requests.carried_over_from_last_year.total", (carried or 0) + 3)
    for report in (after, before):  # the later year first
        folder = tmp_path / str(report.year)
        folder.mkdir()
        (folder / "report.md").write_bytes(render(report, Format.MD))
        run_import(folder, region=regions.east, workers=1)
        stored = CorpusReport.objects.get(year=2023)
        has_r5 = stored.findings.filter(rule="R5").exists()
        assert has_r5 is (report is before), report.year  # only once last year's is in
    stored = CorpusReport.objects.get(year=2023)
    assert stored.status == "errors" and stored.errors >= 1
    # correcting last year's carried-over cell to match clears the finding
    old = CorpusReport.objects.get(year=2022)
    value = stored.cells.get(
        section="requests", row="carried_over_from_last_year", column="total"
    ).value
    actions.report_correct_cell(
        actor=regions.root,
        report=old,
        path="requests.carried_over_to_next_year.total",
        value=int(value or 0),
        reason="核对 2022 年原件",
    )
    assert not CorpusReport.objects.get(year=2023).findings.filter(rule="R5").exists()
