"""Importing a directory or a ZIP: every report stored with cells equal to the values it was
written from (or flagged), bad files listed with their reason, re-runs adding nothing."""

from __future__ import annotations

import json
import random
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.errors import InputError
from gongkai.oversight.importing import run_import, summary
from gongkai.oversight.models import Cell, CorpusAgency, CorpusReport, ImportFailure
from gongkai.oversight.sources import ZipLimits
from gongkai.report import interchange
from gongkai.report.synthetic import consistent_report

from ..conftest import gold
from ..extract import scans
from .conftest import Regions, copy_seeds, decimal, write_corpus


def _stored_cells(report: CorpusReport) -> dict[str, tuple[object, bool]]:
    return {c.path: (c.value, c.flagged) for c in report.cells.all()}


def test_directory_import_stores_the_truth(regions: Regions, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 12)
    seeds = copy_seeds(tmp_path)
    ticks: list[int] = []
    run = run_import(tmp_path, region=regions.east, workers=2, progress=ticks.append)
    assert (run.total, run.done, run.skipped, run.failed) == (19, 17, 0, 2)
    assert sum(ticks) == 19
    assert {f.file for f in run.failures.all()} == set(corpus.bad)
    assert {f.reason for f in run.failures.all()} >= {"文件为空"}
    for name, (agency, year, cells) in corpus.truth.items():
        stored = CorpusReport.objects.get(source_name=name)
        assert (stored.agency.name, stored.year) == (agency, year)
        assert stored.agency.region.full_name() == "示例省 › 示例市 › 东区 › 示例县"
        got = _stored_cells(stored)
        assert set(got) == set(cells)
        for path, value in cells.items():
            stored_value, flagged = got[path]
            assert stored_value == decimal(value) or flagged, (name, path)
    assert CorpusReport.objects.filter(source_name__in=seeds).count() == 5
    assert summary(run) == "共 19 个文件：新导入 17 份报告，已存在跳过 0 个，失败 2 个"


def test_key_figures_are_the_cells(regions: Regions, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path, 3, bad=False)
    run_import(tmp_path, region=regions.east, workers=1)
    name, (_, _, cells) = next(iter(corpus.truth.items()))
    stored = CorpusReport.objects.get(source_name=name)
    assert stored.received == cells["requests.new_received.total"]
    assert stored.granted == cells["requests.granted.total"]
    denied = sum(
        v or 0
        for p, v in cells.items()
        if p.startswith("requests.denied_") and p.endswith(".total")
    )
    assert stored.denied == denied
    assert stored.status == "clean" and stored.errors == 0


def test_a_rerun_adds_nothing(regions: Regions, tmp_path: Path) -> None:
    write_corpus(tmp_path, 6)
    first = run_import(tmp_path, region=regions.east, workers=2)
    cells = Cell.objects.count()
    second = run_import(tmp_path, region=regions.east, workers=2)
    assert (first.done, second.done, second.skipped, second.failed) == (6, 0, 6, 2)
    assert CorpusReport.objects.count() == 6 and Cell.objects.count() == cells
    assert CorpusAgency.objects.count() == 6


def test_the_same_content_twice_in_one_batch_is_stored_once(
    regions: Regions, tmp_path: Path
) -> None:
    copy_seeds(tmp_path)
    (tmp_path / "copy").mkdir()
    copy_seeds(tmp_path / "copy")
    run = run_import(tmp_path, region=regions.east, workers=2)
    assert (run.done, run.skipped) == (5, 5)
    assert CorpusReport.objects.count() == 5


def test_zip_import(regions: Regions, tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "src", 4)
    archive = tmp_path / "reports.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted((tmp_path / "src").rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(tmp_path / "src").as_posix())
        z.writestr("../escape.txt", "二〇二四年政府信息公开工作年度报告")
        z.writestr("__MACOSX/._0001.md", b"\x00")
    run = run_import(archive, region=regions.west, workers=2)
    assert (run.done, run.failed) == (4, 3)
    reasons = dict(ImportFailure.objects.filter(run=run).values_list("file", "reason"))
    assert reasons["../escape.txt"] == "文件名指向压缩包以外的位置，已拒绝"
    assert set(reasons) == {"../escape.txt", *corpus.bad}
    assert set(CorpusReport.objects.values_list("source_name", flat=True)) == set(corpus.truth)


def test_zip_bomb_is_refused_whole(regions: Regions, tmp_path: Path) -> None:
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(3):
            z.writestr(f"{i}.txt", b"0" * 2_000_000)
    with pytest.raises(InputError, match="超过上限"):
        run_import(archive, region=regions.east, limits=ZipLimits(max_total_bytes=5_000_000))
    run = run_import(archive, region=regions.east, workers=1)
    assert run.failed == 3
    assert set(run.failures.values_list("reason", flat=True)) == {
        "压缩比异常（疑似压缩炸弹），已拒绝"
    }


def test_not_a_directory_or_zip(regions: Regions, tmp_path: Path) -> None:
    (tmp_path / "x.txt").write_text("x", encoding="utf-8")
    with pytest.raises(InputError, match="既不是目录也不是 ZIP 压缩包"):
        run_import(tmp_path / "x.txt", region=regions.east)


def test_variants_of_a_name_are_one_agency_placed_by_its_name(
    regions: Regions, tmp_path: Path
) -> None:
    rng = random.Random(3)
    first = consistent_report(rng, year=2022)
    first.agency = "平顶山市湛河区人民政府办公室"
    second = consistent_report(rng, previous=first)
    second.agency = "湛河区政府办"
    third = consistent_report(rng, year=2023)
    third.agency = "湛河区荆山街道办事处"
    for i, report in enumerate((first, second, third)):
        (tmp_path / f"{i}.json").write_text(interchange.dumps(report), encoding="utf-8")
    run_import(tmp_path, region=regions.east, workers=1)
    office = CorpusAgency.objects.get(name="平顶山市湛河区人民政府办公室")
    assert office.aliases == ["湛河区政府办"]
    assert sorted(office.reports.values_list("year", flat=True)) == [2022, 2023]
    assert office.region.full_name() == "示例省 › 示例市 › 东区 › 平顶山市 › 湛河区"
    township = CorpusAgency.objects.get(name="湛河区荆山街道办事处")
    assert (
        township.region.full_name() == "示例省 › 示例市 › 东区 › 平顶山市 › 湛河区 › 荆山街道"
        or (township.region.full_name() == "示例省 › 示例市 › 东区 › 湛河区 › 荆山街道")
    )


@pytest.mark.slow
def test_import_on_a_dask_cluster(regions: Regions, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = write_corpus(tmp_path, 6)
    with distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        run = run_import(tmp_path, region=regions.east, scheduler=cluster.scheduler_address)
    assert (run.done, run.failed) == (6, 2)
    assert set(CorpusReport.objects.values_list("source_name", flat=True)) == set(corpus.truth)


def test_a_scan_with_a_misread_total_is_flagged_on_import_as_by_the_cli(
    regions: Regions, tmp_path: Path
) -> None:
    """Issue 13: the import once extracted a scan's text without the OCR sum checks, so a total
    OCR misread (52 read as 25) was stored as read. Imported, the scan is held to the sums exactly
    as `gongkai extract` holds it: the same doubts, and the row's cells not stored as values."""
    (tmp_path / "scans").mkdir()
    path = tmp_path / "scans" / "misread.pdf"
    path.write_bytes(scans.misread_total_scan(interchange.load(gold("004"))))
    cli = CliRunner().invoke(main, ["extract", str(path)])
    assert cli.exit_code == 0, cli.output
    printed = json.loads(cli.output)
    run = run_import(tmp_path / "scans", region=regions.east, workers=1)
    assert (run.done, run.failed) == (1, 0)
    stored = CorpusReport.objects.get(source_name="misread.pdf")
    assert stored.doubts == printed["doubts"]
    rules = [d["rule"] for d in stored.doubts]
    assert rules[0] == "ocr_pages" and "ocr_inconsistent" in rules
    (sums,) = [d for d in stored.doubts if d["rule"] == "ocr_inconsistent"]
    assert "本年新收政府信息公开申请数量" in sums["message"] and "（R2）" in sums["message"]
    row = {c.column: c for c in stored.cells.filter(section="requests", row="new_received")}
    assert "total" not in row and "natural_person" not in row
    assert "requests.new_received.total" in printed["ambiguous"]
