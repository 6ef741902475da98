"""The generated corpus: reproducible, truthful manifest, and every file reads back as generated
or is flagged (the bar the oversight import is held to)."""

from __future__ import annotations

import hashlib
from collections import Counter
from pathlib import Path

import pytest

from gongkai.check import check
from gongkai.corpus import AgencyIndex, KnownAgency
from gongkai.corpus.generate import generate_corpus, main
from gongkai.corpus.manifest import MANIFEST, Entry, Injected, Manifest, Outcome, load_manifest
from gongkai.corpus.verify import read_back, verify
from gongkai.errors import InputError
from gongkai.report.document import Report
from gongkai.report.interchange import from_dict

COUNT = 60


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Manifest]:
    directory = tmp_path_factory.mktemp("corpus")
    return directory, generate_corpus(directory, COUNT, seed=11)


def _digest(directory: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(directory.iterdir()):
        h.update(path.name.encode() + path.read_bytes())
    return h.hexdigest()


def _report(entry: Entry) -> Report:
    return from_dict(entry.values)


def test_same_seed_same_corpus(tmp_path: Path, corpus: tuple[Path, Manifest]) -> None:
    directory, _ = corpus
    again = tmp_path / "again"
    generate_corpus(again, COUNT, seed=11)
    assert _digest(again) == _digest(directory)
    other = tmp_path / "other"
    generate_corpus(other, COUNT, seed=12)
    assert _digest(other) != _digest(directory)


def test_manifest_describes_every_file(corpus: tuple[Path, Manifest]) -> None:
    directory, manifest = corpus
    assert len(manifest.entries) == COUNT
    files = {p.name for p in directory.iterdir()} - {MANIFEST}
    assert files == {e.file for e in manifest.entries}
    assert load_manifest(directory).entries[5].values == manifest.entries[5].values
    counts = Counter((e.format, e.encoding, e.edition) for e in manifest.entries)
    assert {f for f, _, _ in counts} == {"txt", "html"}
    assert any(enc == "gbk" for _, enc, _ in counts)
    assert {ed for _, _, ed in counts} == {"2019", "2021"}, "both editions"
    kinds = {i.kind for e in manifest.entries for i in e.injected}
    assert kinds == set(Injected), "every kind of error and damage at least once"


def test_manifest_values_are_the_printed_values(corpus: tuple[Path, Manifest]) -> None:
    _, manifest = corpus
    for entry in manifest.entries:
        report = _report(entry)
        assert report.year == entry.year and report.agency == entry.printed_agency
        assert report.edition.value == entry.edition
        if entry.outcome is not Outcome.FAILS:
            assert len(list(report.cells())) > 150


def test_years_follow_on_for_one_agency(corpus: tuple[Path, Manifest]) -> None:
    _, manifest = corpus
    by_file = {e.file: e for e in manifest.entries}
    followed = [e for e in manifest.entries if e.previous]
    assert len(followed) >= COUNT // 3
    for entry in followed:
        before = manifest.previous(entry)
        assert before is not None and before is by_file[entry.previous]  # type: ignore[index]
        assert before.agency == entry.agency and before.year == entry.year - 1
        assert manifest.entry(before.file) is before
    renamed = [e for e in followed if e.printed_agency != by_file[e.previous].printed_agency]  # type: ignore[index]
    assert renamed, "some agencies print their name differently from one year to the next"


def test_recorded_findings_are_the_checkers(corpus: tuple[Path, Manifest]) -> None:
    """The manifest's findings equal what the full checker says on the values as printed."""
    _, manifest = corpus
    by_file = {e.file: e for e in manifest.entries}
    for entry in manifest.entries:
        if entry.outcome is Outcome.FAILS and not entry.values.get("requests"):
            continue
        previous = _report(by_file[entry.previous]) if entry.previous else None
        rules = sorted(f.rule for f in check(_report(entry), previous=previous))
        assert rules == sorted(f.rule for f in entry.findings), entry.file
        if entry.has(Injected.ARITHMETIC):
            assert {"R1", "R2", "R3", "R4"} & set(rules), entry.file
        if entry.has(Injected.CARRY_OVER):
            assert {"R5", "R6", "R7"} & set(rules), entry.file
        if not entry.has(Injected.ARITHMETIC) and not entry.has(Injected.CARRY_OVER):
            assert not {"R1", "R2", "R3", "R4"} & set(rules), entry.file
            # a 现行有效件数 misprinted last year shows again against this year's
            if not (entry.previous and by_file[entry.previous].has(Injected.CARRY_OVER)):
                assert not {"R6", "R7"} & set(rules), entry.file


def test_duplicates_are_byte_for_byte(corpus: tuple[Path, Manifest]) -> None:
    directory, manifest = corpus
    duplicates = [e for e in manifest.entries if e.duplicate_of]
    assert duplicates
    for entry in duplicates:
        original = directory / entry.duplicate_of  # type: ignore[operator]
        assert (directory / entry.file).read_bytes() == original.read_bytes()


def test_every_file_reads_back_as_generated_or_is_flagged(corpus: tuple[Path, Manifest]) -> None:
    directory, manifest = corpus
    by_file = {e.file: e for e in manifest.entries}
    read: dict[str, Report] = {}
    outcomes: Counter[tuple[Outcome, bool]] = Counter()
    for entry in manifest.entries:
        previous = read.get(entry.previous or "")
        result = read_back(directory, entry, previous=previous)
        outcomes[entry.outcome, result.read] += 1
        if entry.outcome is Outcome.FAILS:
            assert not result.read and result.error, entry.file
            continue
        assert result.read, f"{entry.file}: {result.error}"
        assert result.report is not None
        read[entry.file] = result.report
        assert not result.mismatches, f"{entry.file} {entry.injected}: {result.mismatches[:3]}"
        if entry.outcome is Outcome.EXACT:
            assert not result.doubts, entry.file
            assert verify(result.report, [], entry.values) == [], "exact: no flag needed"
            assert result.report.agency == entry.printed_agency
            assert result.report.year == entry.year
            assert entry.published
            metadata = result.report.extra.get("metadata", {})
            assert metadata.get("published_at", "").startswith(entry.published), entry.file
        if entry.has(Injected.TRUNCATED):
            assert result.doubts, f"{entry.file}: a file cut short must be flagged"
        if entry.outcome is Outcome.EXACT and (
            entry.has(Injected.ARITHMETIC) or entry.has(Injected.CARRY_OVER)
        ):
            if entry.previous and entry.previous not in read:
                continue  # last year's file was unreadable: R5–R7 cannot run
            found = {f.rule for f in result.findings}
            assert {f.rule for f in entry.findings} <= found, entry.file
        assert by_file[entry.file] is entry
    assert outcomes[Outcome.FAILS, False] >= 2


def test_names_of_the_corpus_link_to_their_agency_or_to_none(
    corpus: tuple[Path, Manifest],
) -> None:
    _, manifest = corpus
    index = AgencyIndex(KnownAgency(a.name, a.name, region=a.region) for a in manifest.agencies)
    linked = 0
    for entry in manifest.entries:
        found = index.match(entry.printed_agency)
        if found is not None:
            assert found.agency.key == entry.agency, entry.printed_agency
            linked += 1
    assert linked >= COUNT * 0.8


def test_command_line_entry(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "c"), "--count", "5", "--seed", "3"]) == 0
    assert "已生成 5 份报告" in capsys.readouterr().out
    assert len(load_manifest(tmp_path / "c").entries) == 5


def test_same_corpus_in_another_process(tmp_path: Path, corpus: tuple[Path, Manifest]) -> None:
    """No set or hash order leaks into the files: another interpreter, another hash seed."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    target = tmp_path / "elsewhere"
    command = [sys.executable, "-m", "gongkai.corpus.generate", str(target)]
    subprocess.run([*command, "--count", str(COUNT), "--seed", "11"], check=True, env=env)
    assert _digest(target) == _digest(corpus[0])


def test_refuses_a_directory_that_is_not_empty(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "note.txt").write_text("x")
    with pytest.raises(InputError, match="不是空的"):
        generate_corpus(tmp_path, 5, seed=1)
    assert main([str(tmp_path / "note.txt"), "--count", "5"]) == 2
    assert "是文件，不是目录" in capsys.readouterr().err
    with pytest.raises(InputError, match="正整数"):
        generate_corpus(tmp_path / "new", 0, seed=1)


def test_damage_names_the_row_it_hurt(corpus: tuple[Path, Manifest]) -> None:
    from gongkai.report.editions import table
    from gongkai.report.grid import Edition, Section

    _, manifest = corpus
    named = 0
    for entry in manifest.entries:
        for injection in entry.injected:
            if injection.kind not in (Injected.LABEL_MANGLED, Injected.DIGITS_MERGED):
                continue
            (where,) = injection.cells
            section, _, row = where.partition(".")
            grid = table(Edition(entry.edition), Section(section))
            assert not row or grid.has_row(row), where
            named += 1
    assert named >= 2
