"""A generated corpus (text and HTML, both editions, errors and damage) imported: every stored
cell equals the value its file was generated from, or is flagged; damaged files are listed."""

from __future__ import annotations

from pathlib import Path

from gongkai.corpus.generate import generate_corpus
from gongkai.corpus.manifest import Outcome
from gongkai.corpus.verify import expected_cells
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CorpusReport, ImportFailure

from .conftest import Regions


def test_generated_corpus_imports_to_its_truth(regions: Regions, tmp_path: Path) -> None:
    manifest = generate_corpus(tmp_path, 60, seed=4)
    run = run_import(tmp_path, region=regions.east, workers=2)
    assert run.total == 60  # manifest.json is not a report
    failed = set(ImportFailure.objects.values_list("file", flat=True))
    stored = {r.source_name: r for r in CorpusReport.objects.all()}
    wrong: list[str] = []
    for entry in manifest.entries:
        if entry.outcome is Outcome.FAILS:
            assert entry.file in failed, entry.file
            continue
        if entry.duplicate_of is not None:
            assert entry.file not in stored  # the same bytes as another file: skipped
            continue
        report = stored[entry.file]
        assert report.year == entry.year
        want = expected_cells(entry.values)
        for cell in report.cells.all():
            expected = want.get(cell.path)
            if not cell.flagged and (expected is None or cell.value != expected):
                wrong.append(f"{entry.file} {cell.path}: {cell.value} ≠ {expected}")
    assert not wrong, "\n".join(wrong[:20])
    assert run.done + run.skipped + run.failed == 60
    agencies = {a.name for a in manifest.agencies}
    assert {r.agency.name for r in stored.values()} <= agencies | {
        v for a in manifest.agencies for v in a.variants
    }
