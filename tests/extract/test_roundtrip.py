"""Made-up consistent reports, laid out the ways real documents arrive, extracted again.

Where the layout keeps cell boundaries the extraction must be exact. Where it loses them (digits
run together, blank cells dropped), every cell it states must still be right, and every cell it
leaves out must lie in a row it lists as ambiguous: never a wrong number stated with confidence.
"""

from __future__ import annotations

import random

import pytest

from gongkai.extract import extract_text
from gongkai.report.document import Report
from gongkai.report.grid import Edition
from gongkai.report.synthetic import consistent_report

from .layouts import EXACT, LAYOUTS, document, one_line

SEEDS = range(12)


def _report(seed: int) -> Report:
    rng = random.Random(seed)
    edition = rng.choice([Edition.E2019, Edition.E2021])
    return consistent_report(rng, edition=edition, blank_zeros=seed % 3 == 0)


@pytest.mark.parametrize("layout", EXACT)
@pytest.mark.parametrize("seed", SEEDS)
def test_layouts_that_keep_cells_extract_exactly(layout: str, seed: int) -> None:
    truth = _report(seed)
    extraction = extract_text(document(truth, LAYOUTS[layout]))
    report = extraction.report
    assert (report.agency, report.year, report.edition) == (truth.agency, truth.year, truth.edition)
    assert dict(report.cells()) == dict(truth.cells())
    assert not report.ambiguous and not extraction.doubts


@pytest.mark.parametrize("layout", sorted(set(LAYOUTS) - set(EXACT)))
@pytest.mark.parametrize("seed", SEEDS)
def test_layouts_that_lose_cells_never_state_a_wrong_number(layout: str, seed: int) -> None:
    truth = _report(seed)
    report = extract_text(document(truth, LAYOUTS[layout])).report
    _never_wrong(report, truth)


@pytest.mark.parametrize("seed", SEEDS)
def test_a_page_run_into_one_line(seed: int) -> None:
    truth = _report(seed)
    report = extract_text(one_line(truth)).report
    assert (report.agency, report.year) == (truth.agency, truth.year)
    assert report.sections == frozenset(range(1, 7))
    _never_wrong(report, truth)


def _never_wrong(report: Report, truth: Report) -> None:
    expected = dict(truth.cells())
    got = dict(report.cells())
    wrong = {k: (expected.get(k, "absent"), v) for k, v in got.items() if expected.get(k, "x") != v}
    assert not wrong
    blank_as_zero = {k for k, v in got.items() if v is not None and expected[k] is None}
    assert not blank_as_zero
    unexplained = [
        k
        for k in expected
        if k not in got and not any(k.startswith(f"{a}.") for a in report.ambiguous)
    ]
    assert not unexplained
