"""The first draft of section 一 states the tables' own numbers, so the checker's R11 (prose
numbers match the tables) finds nothing in it."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import check
from gongkai.render.draft import draft_overview
from gongkai.report import load
from gongkai.report.grid import Edition
from gongkai.report.synthetic import consistent_report

from ..conftest import gold


def test_the_draft_of_seed_004() -> None:
    text = draft_overview(load(gold("004")))
    assert text.startswith("2020年，栖霞区人民政府办公室新收到政府信息公开申请52件，上年结转0件；")
    assert "其中予以公开13件、部分公开5件、不予公开4件、无法提供29件、不予处理1件；" in text
    assert "被申请行政复议3件，被提起行政诉讼4件" in text


@settings(max_examples=40, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1), edition=st.sampled_from([Edition.E2019, Edition.E2021]))
def test_the_draft_agrees_with_the_tables(seed: int, edition: Edition) -> None:
    report = consistent_report(random.Random(seed), edition=edition, blank_zeros=seed % 2 == 0)
    report.prose = {1: draft_overview(report)}
    assert [f for f in check(report) if f.rule == "R11"] == []
    assert f"{report.requests['new_received']['total']}件" in report.prose[1]


def test_a_wrong_number_in_the_draft_would_be_found() -> None:
    report = load(gold("004"))
    text = draft_overview(report)
    for right, wrong in (("申请52件", "申请53件"), ("复议3件", "复议5件"), ("诉讼4件", "诉讼7件")):
        report.prose = {1: text.replace(right, wrong)}
        assert [f.rule for f in check(report)] == ["R11"], right
