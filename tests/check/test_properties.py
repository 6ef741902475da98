"""Property tests: consistent reports of both editions give no finding; breaking one cell makes
the right rule fire and name that cell."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import check
from gongkai.report import Edition, Report, from_dict, to_dict
from gongkai.report.grid import Kind, Section
from gongkai.report.synthetic import consistent_report

editions = st.sampled_from([Edition.E2019, Edition.E2021])
# A seeded Random, not st.randoms(): the generator calls it hundreds of times per report.
rngs = st.integers(0, 2**32 - 1).map(random.Random)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    rng = draw(rngs)
    return consistent_report(rng, edition=draw(editions), blank_zeros=draw(st.booleans()))


@given(reports())
@settings(max_examples=200)
def test_consistent_reports_have_no_finding(report: Report) -> None:
    assert check(report) == []


@given(reports())
@settings(max_examples=100)
def test_reports_survive_the_json_round_trip(report: Report) -> None:
    again = from_dict(to_dict(report))
    assert to_dict(again) == to_dict(report)
    assert check(again) == []


@given(rngs, editions, st.data())
@settings(max_examples=200)
def test_one_perturbed_arithmetic_cell_is_named(
    rng: random.Random, edition: Edition, data: st.DataObject
) -> None:
    report = consistent_report(rng, edition=edition)
    section = data.draw(st.sampled_from([Section.REQUESTS, Section.APPEALS]))
    rows = report.rows(section)
    row = data.draw(st.sampled_from(sorted(rows)))
    col = data.draw(st.sampled_from(sorted(rows[row])))
    rows[row][col] = int(rows[row][col] or 0) + data.draw(st.integers(1, 50))
    path = f"{section.value}.{row}.{col}"

    findings = check(report)
    expected_rules = {"R4"} if section is Section.APPEALS else {"R1", "R2", "R3"}
    assert findings, f"perturbing {path} went unnoticed"
    assert {f.rule for f in findings} <= expected_rules
    assert any(path in {c.path for c in f.cells} for f in findings)


@given(rngs, editions, st.data())
@settings(max_examples=100)
def test_negative_count_is_named_by_r9(
    rng: random.Random, edition: Edition, data: st.DataObject
) -> None:
    report = consistent_report(rng, edition=edition)
    grid = report.table(Section.PROACTIVE)
    assert grid is not None
    cells = [(r.key, c.key) for r, c in grid.cells() if c.kind is Kind.COUNT]
    row, col = data.draw(st.sampled_from(cells))
    report.proactive[row][col] = -data.draw(st.integers(1, 9))
    r9 = [f for f in check(report) if f.rule == "R9"]
    assert [f.cells[0].path for f in r9] == [f"proactive.{row}.{col}"]


@given(rngs, editions)
@settings(max_examples=50)
def test_consecutive_years_are_clean(rng: random.Random, edition: Edition) -> None:
    last = consistent_report(rng, edition=edition, year=2019 if edition is Edition.E2019 else 2022)
    this = consistent_report(rng, previous=last)
    assert check(this, previous=last) == []
