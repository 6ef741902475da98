"""Every rule, in both editions, on reports made consistent and then broken in one place."""

from __future__ import annotations

import random
from decimal import Decimal

import pytest

from gongkai.check import Blanks, Level, check, has_errors
from gongkai.report import Edition, Report
from gongkai.report.synthetic import consistent_report

EDITIONS = (Edition.E2019, Edition.E2021)


def make(edition: Edition = Edition.E2021, seed: int = 7, **kwargs: object) -> Report:
    return consistent_report(random.Random(seed), edition=edition, **kwargs)  # type: ignore[arg-type]


def rules_of(report: Report, **kwargs: object) -> list[str]:
    return [f.rule for f in check(report, **kwargs)]  # type: ignore[arg-type]


@pytest.mark.parametrize("edition", EDITIONS)
@pytest.mark.parametrize("seed", range(20))
def test_consistent_reports_are_clean(edition: Edition, seed: int) -> None:
    assert check(make(edition, seed)) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_r1_new_plus_carried_equals_processed_plus_carried(edition: Edition) -> None:
    report = make(edition)
    report.requests["carried_over_to_next_year"]["natural_person"] += 1  # type: ignore[operator]
    report.requests["carried_over_to_next_year"]["total"] += 1  # type: ignore[operator]
    findings = check(report)
    assert [f.rule for f in findings] == ["R1", "R1"]
    first = findings[0]
    assert first.level is Level.ERROR
    assert first.message.startswith("第三部分 自然人 列：本年新收")
    assert first.actual == first.expected + 1  # type: ignore[operator]
    assert "requests.carried_over_to_next_year.natural_person" in {c.path for c in first.cells}


@pytest.mark.parametrize("edition", EDITIONS)
def test_r2_row_total_is_the_sum_of_applicants(edition: Edition) -> None:
    report = make(edition)
    report.requests["rejected_duplicate"]["total"] += 2  # type: ignore[operator]
    findings = [f for f in check(report) if f.rule == "R2"]
    assert len(findings) == 1
    assert "“2.重复申请”行" in findings[0].message
    assert findings[0].actual == findings[0].expected + 2  # type: ignore[operator]


@pytest.mark.parametrize("edition", EDITIONS)
def test_r3_total_processed_is_the_sum_of_outcomes(edition: Edition) -> None:
    report = make(edition)
    last_outcome = "other" if edition is Edition.E2019 else "other_misc"
    report.requests[last_outcome]["legal_service_org"] = 5
    report.requests[last_outcome]["total"] = sum(  # keep R2 true: only the column breaks
        v
        for k, v in report.requests[last_outcome].items()
        if k != "total"  # type: ignore[misc]
    )
    report.requests["new_received"]["legal_service_org"] += 0  # type: ignore[operator]
    rules = rules_of(report)
    assert "R3" in rules
    r3 = next(f for f in check(report) if f.rule == "R3")
    assert f"requests.{last_outcome}.legal_service_org" in {c.path for c in r3.cells}


@pytest.mark.parametrize("edition", EDITIONS)
def test_r4_appeals_total(edition: Edition) -> None:
    report = make(edition)
    report.appeals["litigation_direct"]["pending"] += 1  # type: ignore[operator]
    (finding,) = check(report)
    assert finding.rule == "R4"
    assert finding.message.startswith("第四部分 行政诉讼·未经复议直接起诉")
    assert "appeals.litigation_direct.pending" in {c.path for c in finding.cells}


def test_blanks_as_zero_keep_rules() -> None:
    report = make(Edition.E2021, blank_zeros=True)
    assert any(v is None for cols in report.requests.values() for v in cols.values())
    assert check(report) == []


def test_blank_total_is_reported_both_ways() -> None:
    report = make(Edition.E2021, seed=3)
    report.requests["total_processed"]["natural_person"] = None
    findings = [f for f in check(report) if f.rule in ("R1", "R3")]
    assert findings and all(f.blanks is Blanks.AS_ZERO for f in findings)
    assert all("空白按 0 计算时不相等" in f.message for f in findings)
    r3 = next(f for f in findings if f.rule == "R3")
    assert f"第三部分 （七）总计 › 自然人 应为 {r3.expected}" in r3.message


def test_absent_cells_make_arithmetic_undecidable_not_wrong() -> None:
    report = make(Edition.E2019)
    del report.requests["carried_over_to_next_year"]
    assert rules_of(report) == ["R13"]


def test_ambiguous_rows_are_not_evaluated() -> None:
    report = make(Edition.E2019)
    del report.requests["denied_state_secret"]
    report.ambiguous.append("requests.denied_state_secret")
    findings = check(report)
    assert [f.rule for f in findings] == ["R13"]
    assert "1.属于国家秘密" in findings[0].message and "无法准确读取" in findings[0].message


# --- R5–R7: the year before -----------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_following_year_is_clean(edition: Edition) -> None:
    last = make(edition, year=2021 if edition is Edition.E2021 else 2019)
    this = consistent_report(random.Random(99), previous=last)
    assert check(this, previous=last) == []


def test_r5_carry_over_between_years() -> None:
    last = make(Edition.E2021, year=2022)
    this = consistent_report(random.Random(5), previous=last)
    this.requests["carried_over_from_last_year"]["research_institution"] += 1  # type: ignore[operator]
    this.requests["new_received"]["research_institution"] -= 1  # type: ignore[operator]
    if this.requests["new_received"]["research_institution"] < 0:  # type: ignore[operator]
        pytest.skip("seed gives no room")  # pragma: no cover
    findings = check(this, previous=last)
    r5 = [f for f in findings if f.rule == "R5"]
    assert len(r5) == 1 and r5[0].level is Level.WARNING
    assert r5[0].cells[0].path == "requests.carried_over_from_last_year.research_institution"
    assert not has_errors(findings) or {f.rule for f in findings if f.level is Level.ERROR} == {
        "R2"
    }


def test_r5_needs_consecutive_years() -> None:
    last = make(Edition.E2021, year=2021)
    this = make(Edition.E2021, year=2023)
    (finding,) = [f for f in check(this, previous=last) if f.rule == "R5"]
    assert "不是 2022 年度" in finding.message


def test_r6_in_force_continuity() -> None:
    last = make(Edition.E2021, year=2022)
    this = consistent_report(random.Random(8), previous=last)
    this.proactive["normative_documents"]["in_force"] += 3  # type: ignore[operator]
    (finding,) = check(this, previous=last)
    assert finding.rule == "R6"
    assert finding.actual == finding.expected + 3  # type: ignore[operator]


def test_r7_item_continuity_2019_to_2020() -> None:
    last = make(Edition.E2019, year=2019)
    this = consistent_report(random.Random(8), previous=last)
    assert this.year == 2020
    this.proactive["penalty"]["last_year_items"] += 1  # type: ignore[operator]
    (finding,) = check(this, previous=last)
    assert finding.rule == "R7"
    assert finding.cells[0].path == "proactive.penalty.last_year_items"


def test_r8_items_never_below_zero_and_totals_cover_new() -> None:
    report = make(Edition.E2019)
    report.proactive["coercion"].update(last_year_items=2, change=-5)
    report.proactive["normative_documents"].update(new_published=4, total_published=3)
    findings = check(report)
    assert [f.rule for f in findings] == ["R8", "R8"]
    assert all(f.level is Level.WARNING for f in findings)


def test_r8_is_edition_2019_only() -> None:
    report = make(Edition.E2021)
    assert rules_of(report) == []


@pytest.mark.parametrize("edition", EDITIONS)
def test_r9_values(edition: Edition) -> None:
    report = make(edition)
    report.appeals["reconsideration"]["upheld"] = -1
    report.requests["granted"]["natural_person"] = Decimal("1.5")
    r9 = [f for f in check(report) if f.rule == "R9"]
    assert {f.cells[0].path for f in r9} == {
        "appeals.reconsideration.upheld",
        "requests.granted.natural_person",
    }


def test_r9_allows_negative_change_and_decimal_money() -> None:
    report = make(Edition.E2019)
    report.proactive["licensing"].update(last_year_items=5, change=-2)
    report.proactive["procurement"]["amount_10k_yuan"] = Decimal("12.34")
    assert "R9" not in rules_of(report)


@pytest.mark.parametrize(
    ("agency", "warns"),
    [
        ("栖霞区人民政府办公室", True),
        ("湛河区荆山街道办事处", True),
        ("某市生态环境局", True),
        ("南京市人民政府", False),
        ("江苏省人民政府办公厅", False),
        ("广西壮族自治区人民政府", False),
        ("宁夏回族自治区银川市人民政府", False),
        ("教育部", False),
        ("国家税务总局", False),
    ],
)
def test_r10_rules_only_from_rule_makers(agency: str, warns: bool) -> None:
    report = make(Edition.E2021)
    report.agency = agency
    report.proactive["rules"].update(issued=2, in_force=report.proactive["rules"]["in_force"] + 2)  # type: ignore[operator]
    assert ("R10" in rules_of(report)) is warns


def test_r11_prose_numbers_against_tables() -> None:
    report = make(Edition.E2021, seed=11)
    received = report.requests["new_received"]["total"]
    report.prose = {1: f"2023年共收到政府信息公开申请{received}件。", 5: "", 6: "无"}
    assert "R11" not in rules_of(report)
    report.prose[1] = f"2023年共收到政府信息公开申请{received + 7}件。"  # type: ignore[operator]
    (finding,) = [f for f in check(report) if f.rule == "R11"]
    assert finding.level is Level.WARNING
    assert f"申请 {received + 7} 件" in finding.message and f"为 {received}" in finding.message  # type: ignore[operator]
    assert "requests.new_received.total" in {c.path for c in finding.cells}


@pytest.mark.parametrize("verb", ["共收到", "新收", "本年新收"])
def test_r11_reads_the_usual_verbs(verb: str) -> None:
    report = make(Edition.E2021, seed=11)
    received = report.requests["new_received"]["total"]
    report.prose = {1: f"2023年{verb}政府信息公开申请{received + 1}件。"}  # type: ignore[operator]
    assert "R11" in rules_of(report)


def test_r11_none_received_but_table_says_some() -> None:
    report = make(Edition.E2021, seed=11)
    assert report.requests["new_received"]["total"]
    report.prose = {1: "本年度没有收到依申请公开的申请。"}
    assert "R11" in rules_of(report)


def test_r11_appeals() -> None:
    report = make(Edition.E2021, seed=4)
    report.prose = {1: "没有因政府信息公开申请行政复议、提起行政诉讼的情况发生。"}
    has_appeals = any(report.appeals[r]["total"] for r in report.appeals)
    assert ("R11" in rules_of(report)) is bool(has_appeals)


def test_r12_fees_reported_in_section_six() -> None:
    report = make(Edition.E2021, seed=2)
    report.requests["other_fee_unpaid"]["natural_person"] += 1  # type: ignore[operator]
    report.requests["other_fee_unpaid"]["total"] += 1  # type: ignore[operator]
    report.requests["total_processed"]["natural_person"] += 1  # type: ignore[operator]
    report.requests["total_processed"]["total"] += 1  # type: ignore[operator]
    report.requests["new_received"]["natural_person"] += 1  # type: ignore[operator]
    report.requests["new_received"]["total"] += 1  # type: ignore[operator]
    report.prose = {6: "无。"}
    assert rules_of(report) == ["R12"]
    report.prose = {6: "本年度收取信息处理费 0.02 万元。"}
    assert rules_of(report) == []


@pytest.mark.parametrize(
    ("six", "reported"),
    [
        # Any 收费 is not a report on the fees of information requests (第四十二条).
        ("本机关已主动公开行政事业性收费项目、依据和标准。", False),
        ("收费项目目录清单已全部公开。", False),
        ("本年度依申请提供政府信息暂不收费。", True),
        ("政府信息公开的收费及减免情况：无。", True),
        ("办理政府信息公开申请未收取任何费用。", True),
        ("本年度未收取信息处理费。", True),
    ],
)
def test_r12_looks_for_the_fees_of_information_requests(six: str, reported: bool) -> None:
    report = make(Edition.E2021, seed=2)
    report.prose = {1: "本年度共收取信息处理费 200 元。", 6: six}
    assert ("R12" in rules_of(report)) is not reported


def test_r12_without_prose_is_not_evaluated() -> None:
    report = make(Edition.E2021)
    report.requests["other_fee_unpaid"]["total"] = 1
    assert "R12" not in rules_of(report)


def test_r13_missing_sections_and_tables() -> None:
    report = make(Edition.E2019)
    report.sections = frozenset({1, 2, 3, 4, 5})
    report.appeals = {}
    findings = [f for f in check(report) if f.rule == "R13"]
    assert len(findings) == 2
    assert "缺少第六部分" in findings[0].message
    assert "第四部分（政府信息公开行政复议、行政诉讼情况）表格缺失" in findings[1].message


def test_r13_partial_row() -> None:
    report = make(Edition.E2021)
    del report.proactive["fees"]["amount_10k_yuan"]
    (finding,) = check(report)
    assert (
        finding.rule == "R13"
        and "“行政事业性收费”缺少本年收费金额（单位：万元）" in finding.message
    )


@pytest.mark.parametrize(("edition", "year"), [(Edition.E2019, 2021), (Edition.E2021, 2020)])
def test_r14_edition_matches_year(edition: Edition, year: int) -> None:
    report = make(edition)
    report.year = year
    (finding,) = check(report)
    assert finding.rule == "R14" and finding.level is Level.ERROR
    assert str(year) in finding.message


def test_r14_mixed_report_names_the_wrong_table() -> None:
    report = make(Edition.E2021, year=2021)
    report.edition = Edition.E2019  # section 三 in the old edition: rebuild it to be complete
    report.requests = make(Edition.E2019).requests
    report.editions = {s: e for s, e in report.editions.items()}
    from gongkai.report.grid import Section

    report.editions[Section.PROACTIVE] = Edition.E2021
    report.editions[Section.APPEALS] = Edition.E2021
    findings = [f for f in check(report) if f.rule == "R14"]
    assert len(findings) == 1 and "第三部分却使用了2019年版格式" in findings[0].message


def test_legacy_reports_only_need_sections() -> None:
    report = Report(
        agency="某县人民政府", year=2017, edition=Edition.LEGACY, sections=frozenset(range(1, 7))
    )
    assert check(report) == []
