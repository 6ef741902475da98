"""Real reports from other agencies and sites (tests/real_corpus, a copy of shared/corpus), read
against their checked gold files: never a wrong value stated as read, and every cell not read
named by a doubt (issue 13). Exactness is measured by the scorecard; this is the floor."""

from __future__ import annotations

import json
from typing import Any

import pytest

from gongkai.extract import extract_file
from gongkai.report.interchange import to_dict

from ..conftest import ROOT

CORPUS = ROOT / "tests" / "real_corpus"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"
NAMES = sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))


def _cells(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        f"{section}.{row}.{col}": value
        for section in ("proactive", "requests", "appeals")
        for row, cols in (doc.get(section) or {}).items()
        for col, value in cols.items()
    }


def _named(path: str, doubts: list[dict[str, Any]], ambiguous: list[str]) -> bool:
    """Whether a doubt names the cell, its row or its section (a whole table in doubt)."""
    section, row, _ = path.split(".")
    names = {path, f"{section}.{row}", section}
    if names & set(ambiguous):
        return True
    for doubt in doubts:
        cells = {c["path"] for c in doubt.get("cells", [])}
        if names & cells or any(path.startswith(c + ".") for c in cells):
            return True
        if not cells and doubt.get("data", {}).get("section") == section:
            return True
    return False


def _extract(name: str) -> dict[str, Any]:
    (document,) = (p for p in CORPUS.iterdir() if p.is_file() and p.stem == name)
    extraction = extract_file(document)
    out = to_dict(extraction.report)
    out["doubts"] = [d.as_dict() for d in extraction.doubts]
    return out


def test_the_corpus_is_here() -> None:
    assert len(NAMES) == 5


def test_the_copy_equals_the_originals_when_they_are_here() -> None:
    for original in sorted(SHARED_CORPUS.rglob("*.*")) if SHARED_CORPUS.is_dir() else []:
        assert (CORPUS / original.relative_to(SHARED_CORPUS)).read_bytes() == original.read_bytes()


@pytest.mark.parametrize("name", NAMES)
def test_no_silent_error_and_every_miss_named(name: str) -> None:
    gold = json.loads((CORPUS / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    got = _extract(name)
    assert (got["agency"], got["year"], got["edition"]) == (
        gold["agency"],
        gold["year"],
        gold["edition"],
    )
    want, read = _cells(gold), _cells(got)
    wrong = {p: (v, want.get(p)) for p, v in read.items() if p not in want or want[p] != v}
    assert not wrong, f"values stated as read that the gold does not hold: {wrong}"
    unnamed = [
        p for p in want if p not in read and not _named(p, got["doubts"], got.get("ambiguous", []))
    ]
    assert not unnamed, f"cells neither read nor named by a doubt: {unnamed}"
