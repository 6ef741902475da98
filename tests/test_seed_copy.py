"""The seeds the tests use are the project's own copy of shared/seeds: all five, and the same
bytes as the originals wherever those sit beside the repository."""

from __future__ import annotations

from .conftest import GOLD, SEEDS, SHARED_SEEDS


def test_the_copy_holds_five_reports_and_their_gold() -> None:
    reports = sorted(p.stem for p in SEEDS.glob("*.txt"))
    assert len(reports) == 5
    assert sorted(p.stem for p in GOLD.glob("*.json")) == reports


def test_the_copy_equals_the_originals_when_they_are_here() -> None:
    originals = sorted(SHARED_SEEDS.rglob("*.*")) if SHARED_SEEDS.is_dir() else []
    for original in originals:
        copy = SEEDS / original.relative_to(SHARED_SEEDS)
        assert copy.read_bytes() == original.read_bytes(), copy
