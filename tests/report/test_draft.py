"""The draft of section 一 states the report's own numbers and nothing else."""

from __future__ import annotations

import random
import re
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.check import check
from gongkai.report import interchange
from gongkai.report.document import Report
from gongkai.report.draft import draft_overview
from gongkai.report.editions import APPLICANT_KEYS
from gongkai.report.grid import Edition
from gongkai.report.synthetic import consistent_report
from tests.conftest import GOLD, gold

NUMBER = re.compile(r"\d+(?:\.\d+)?")
EDITIONS = st.sampled_from([Edition.E2019, Edition.E2021])


def total(report: Report, row: str) -> int:
    return int(report.requests.get(row, {}).get("total") or 0)


def first(pattern: str, text: str) -> int:
    match = re.search(pattern, text)
    assert match, f"「{pattern}」 not in the draft:\n{text}"
    return int(match.group(1))


def allowed(report: Report, previous: Report | None) -> set[Decimal]:
    """Cells of both reports, the years, and the sums and differences the draft may state."""
    numbers: set[Decimal] = set()
    for rep in (report, previous):
        if rep is None:
            continue
        numbers.update(Decimal(v) for _, v in rep.cells() if v is not None)
        numbers.add(Decimal(rep.year or 0))
        req = rep.requests
        for row in req:
            numbers.add(Decimal(sum(int(req[row].get(k) or 0) for k in APPLICANT_KEYS[1:])))
        for prefix in ("denied_", "unable_", "rejected_", "other"):
            numbers.add(Decimal(sum(total(rep, k) for k in req if k.startswith(prefix))))
        ap = rep.appeals
        for col in ("corrected", "pending", "total"):
            numbers.add(Decimal(sum(int(ap[r].get(col) or 0) for r in ap)))
        suits = ("litigation_direct", "litigation_after_reconsideration")
        numbers.add(Decimal(sum(int(ap.get(r, {}).get("total") or 0) for r in suits)))
    if previous is not None:
        now, before = total(report, "new_received"), total(previous, "new_received")
        numbers.add(Decimal(abs(now - before)))
        if before:
            numbers.add(Decimal(abs(now - before) * 200 + before) // (2 * before))
    return numbers


def assert_numbers_from_report(text: str, report: Report, previous: Report | None) -> None:
    ok = allowed(report, previous)
    stray = [n for n in NUMBER.findall(text) if Decimal(n) not in ok]
    assert not stray, f"numbers not in the report: {stray}\n{text}"


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32), edition=EDITIONS, blanks=st.booleans())
def test_draft_states_the_report_cells(seed: int, edition: Edition, blanks: bool) -> None:
    rng = random.Random(seed)
    report = consistent_report(rng, edition=edition, blank_zeros=blanks)
    text = draft_overview(report, agency_name="示例区人民政府办公室")
    assert text.startswith(f"{report.year}年，示例区人民政府办公室")
    assert "【请补充：" in text
    new = total(report, "new_received")
    if new or total(report, "carried_over_from_last_year"):
        assert first(r"本年新收政府信息公开申请(\d+)件", text) == new
        assert first(r"（自然人(\d+)件", text) == report.requests["new_received"]["natural_person"]
        legal = sum(int(report.requests["new_received"][k] or 0) for k in APPLICANT_KEYS[1:])
        assert first(r"法人或其他组织(\d+)件", text) == legal
        assert first(r"上年结转(\d+)件", text) == total(report, "carried_over_from_last_year")
        assert first(r"办结(\d+)件", text) == total(report, "total_processed")
        assert first(r"结转下年度继续办理(\d+)件", text) == total(
            report, "carried_over_to_next_year"
        )
        for key, name in (("granted", "予以公开"), ("partially_granted", "部分公开")):
            if total(report, key):
                assert first(rf"、?{name}(\d+)件", text.split("其中", 1)[1]) == total(report, key)
        denied = sum(total(report, k) for k in report.requests if k.startswith("denied_"))
        if denied:
            assert first(r"不予公开(\d+)件", text) == denied
    ap = report.appeals
    if ap["reconsideration"]["total"] or any(
        ap[r]["total"] for r in ("litigation_direct", "litigation_after_reconsideration")
    ):
        assert first(r"行政复议(\d+)件", text) == ap["reconsideration"]["total"]
        assert first(r"直接起诉(\d+)件", text) == ap["litigation_direct"]["total"]
        corrected = sum(int(ap[r]["corrected"] or 0) for r in ap)
        assert first(r"被纠错(\d+)件", text) == corrected
    else:
        assert "未发生因政府信息公开工作被申请行政复议" in text
    proactive = report.proactive
    if edition is Edition.E2021:
        issued = first(r"制发行政规范性文件(\d+)件", text)
        assert issued == proactive["normative_documents"]["issued"]
        assert first(r"制发规章(\d+)件", text) == proactive["rules"]["issued"]
    else:
        assert (
            first(r"新制作规范性文件(\d+)件", text) == proactive["normative_documents"]["new_made"]
        )
    assert_numbers_from_report(text, report, None)


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32), edition=EDITIONS)
def test_year_on_year_against_the_previous_report(seed: int, edition: Edition) -> None:
    rng = random.Random(seed)
    previous = consistent_report(rng, edition=edition, year=2020)
    report = consistent_report(rng, previous=previous)
    text = draft_overview(report, agency_name="某机关", previous=previous)
    now, before = total(report, "new_received"), total(previous, "new_received")
    if now or total(report, "carried_over_from_last_year"):
        assert first(r"较上年（(\d+)件）", text) == before
        if now == before:
            assert "持平" in text
        else:
            word = "增加" if now > before else "减少"
            assert first(rf"{word}(\d+)件", text) == abs(now - before)
    assert_numbers_from_report(text, report, previous)


def test_what_the_report_does_not_hold_is_a_marked_gap() -> None:
    report = consistent_report(random.Random(7), edition=Edition.E2021, year=2024)
    del report.proactive["rules"]  # a row not entered yet: one gap for the row
    report.proactive["normative_documents"]["in_force"] = None  # a blank cell: a gap for it
    report.requests["new_received"]["total"] = None
    text = draft_overview(report, agency_name="某机关")
    assert (
        "本年规章【请补充：本年制发件数、本年废止件数、现行有效件数（第二部分尚未填写）】；" in text
    )
    assert "现行有效【请补充：行政规范性文件现行有效件数】件" in text
    assert "本年新收政府信息公开申请【请补充：本年新收申请件数】件" in text
    assert "主动公开政府信息【请补充：条数】条" in text
    assert_numbers_from_report(text, report, None)


def test_a_quiet_year_says_so() -> None:
    report = consistent_report(random.Random(3), edition=Edition.E2021, year=2023)
    for cols in [*report.requests.values(), *report.appeals.values()]:
        for key in cols:
            cols[key] = 0
    text = draft_overview(report, agency_name="某街道办事处", published=0)
    assert "本年未收到政府信息公开申请，也没有上年结转的申请。" in text
    assert "本年未发生因政府信息公开工作被申请行政复议、提起行政诉讼的情况。" in text
    assert "登记并公开政府信息0条" in text


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.name[:3])
def test_seed_reports_draft_without_stray_numbers(path: object) -> None:
    report = interchange.load(path)  # type: ignore[arg-type]
    text = draft_overview(report, agency_name=report.agency or "某机关")
    found = {Decimal(n) for n in NUMBER.findall(text)}
    cells = {Decimal(v) for _, v in report.cells() if v is not None} | {Decimal(report.year or 0)}
    assert found <= allowed(report, None) | cells


@pytest.mark.parametrize("edition", list(Edition), ids=str)
def test_an_empty_report_is_all_gaps(edition: Edition) -> None:
    text = draft_overview(Report(edition=edition), agency_name="某机关")
    assert text.startswith("本年度，某机关")
    assert not NUMBER.findall(text.replace("【请补充", "").replace("（一）", ""))
    assert "本年新收政府信息公开申请【请补充：本年新收申请件数】件" in text
    assert "被申请行政复议【请补充：行政复议件数】件" in text


@settings(max_examples=40, deadline=None, derandomize=True)
@given(seed=st.integers(0, 2**32 - 1), edition=EDITIONS)
def test_the_checker_finds_the_draft_agrees_with_the_tables(seed: int, edition: Edition) -> None:
    """R11 compares the numbers of section 一 with the tables: a draft passes it."""
    report = consistent_report(random.Random(seed), edition=edition, blank_zeros=seed % 2 == 0)
    report.prose = {1: draft_overview(report, agency_name="某区人民政府")}
    assert [f for f in check(report) if f.rule == "R11"] == []


def test_a_wrong_number_put_in_the_draft_is_found_by_the_checker() -> None:
    report = interchange.load(gold("004"))
    text = draft_overview(report, agency_name="栖霞区人民政府办公室")
    for right, wrong in (("申请52件", "申请53件"), ("复议3件", "复议5件"), ("诉讼4件", "诉讼7件")):
        assert right in text
        report.prose = {1: text.replace(right, wrong)}
        assert "R11" in [f.rule for f in check(report)], right
