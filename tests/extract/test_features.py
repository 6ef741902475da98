"""One layout feature per test, each on a small document written here."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.errors import ExtractionError
from gongkai.extract import extract_text
from gongkai.report.grid import Edition, Section

from ..conftest import SEEDS
from .fixtures import ZEROS, document, markdown_appeals, markdown_requests, plain_requests, tab_rows

SEVEN_ZEROS = [0] * 7


def _rules(doubts: list[object]) -> list[str]:
    return [d.rule for d in doubts]  # type: ignore[attr-defined]


# --- run-together digits -----------------------------------------------------------------------


def test_run_together_digits_with_one_split() -> None:
    text = document(
        requests=plain_requests(
            {"new_received": "120000012", "granted": "120000012", "total_processed": "120000012"}
        )
    )
    extraction = extract_text(text)
    report = extraction.report
    assert list(report.requests["granted"].values()) == [12, 0, 0, 0, 0, 0, 12]
    assert list(report.requests["denied_state_secret"].values()) == SEVEN_ZEROS
    assert not report.ambiguous and not report.inferred
    assert "ambiguous" not in _rules(extraction.doubts)


def test_run_together_digits_with_several_splits_are_ambiguous() -> None:
    proactive = "第二十条第（一）项\n信息内容本年新制作数量本年新公开数量对外公开总数量\n规章000\n规范性文件7777166"
    extraction = extract_text(document(proactive=proactive))
    report = extraction.report
    assert report.proactive["rules"] == {"new_made": 0, "new_published": 0, "total_published": 0}
    assert "normative_documents" not in report.proactive
    assert report.ambiguous == ["proactive.normative_documents"]
    (doubt,) = [d for d in extraction.doubts if d.rule == "ambiguous"]
    assert "规范性文件" in doubt.message and "7777166" in doubt.message
    assert doubt.cells[0].path == "proactive.normative_documents"


def test_fewer_digits_than_cells_is_ambiguous_and_says_why() -> None:
    text = document(requests=plain_requests({"denied_state_secret": "000 0  "}))
    extraction = extract_text(text)
    assert extraction.report.ambiguous == ["requests.denied_state_secret"]
    assert "denied_state_secret" not in extraction.report.requests
    (doubt,) = [d for d in extraction.doubts if d.rule == "ambiguous"]
    assert "4 个数字填不满 7 个单元格" in doubt.message


def test_column_sums_choose_between_splits() -> None:
    # "22": the 2 of 自然人 and the 2 of 总计, the blank cells lost; (七)总计 fixes which.
    values = {"new_received": "2000002", "granted": "22", "total_processed": "2000002"}
    report = extract_text(document(requests=plain_requests(values))).report
    assert list(report.requests["granted"].values()) == [2, None, None, None, None, None, 2]
    assert not report.ambiguous


def test_a_split_that_does_not_add_up_is_no_reading() -> None:
    # Seven digits, seven cells: only one split, and its total is wrong: cells were lost.
    report = extract_text(document(requests=plain_requests({"granted": "1500023"}))).report
    assert "requests.granted" in report.ambiguous
    assert "granted" not in report.requests


def test_space_separated_cells() -> None:
    requests = plain_requests({"granted": " 12 0 0 0 0 0 12", "new_received": " 12 0 0 0 0 0 12"})
    report = extract_text(document(requests=requests)).report
    assert list(report.requests["granted"].values()) == [12, 0, 0, 0, 0, 0, 12]


# --- blanks, units, extra cells ----------------------------------------------------------------


def test_blank_cells_are_none_not_zero() -> None:
    rows = [
        ["一、本年新收政府信息公开申请数量", "2", "", "—", "/", "", "0", "2"],
        ["（七）总计", "2", "", "", "", "", "", "2"],
    ]
    report = extract_text(document(requests=tab_rows(rows))).report
    assert list(report.requests["new_received"].values()) == [2, None, None, None, None, 0, 2]
    assert report.requests["total_processed"]["commercial_enterprise"] is None


def test_units_are_stripped_and_money_kept_in_10k_yuan() -> None:
    rows = [
        ["第二十条第（九）项"],
        ["信息内容", "采购项目数量", "采购总金额"],
        ["政府集中采购", "22个", "251000元"],
        ["第二十条第（八）项"],
        ["信息内容", "上一年项目数量", "本年增/减"],
        ["行政事业性收费", "3项", "-1"],
    ]
    report = extract_text(document(proactive=tab_rows(rows))).report
    assert report.proactive["procurement"] == {"projects": 22, "amount_10k_yuan": Decimal("25.1")}
    assert report.proactive["fees"] == {"last_year_items": 3, "change": -1}
    rows[2] = ["政府集中采购", "22", "113万元"]
    report = extract_text(document(proactive=tab_rows(rows))).report
    assert report.proactive["procurement"] == {"projects": 22, "amount_10k_yuan": 113}


def test_a_cell_that_is_no_number_is_left_out_with_an_error() -> None:
    requests = markdown_requests({"granted": ["十二", "0", "0", "0", "0", "0", "12"]})
    extraction = extract_text(document(requests=requests))
    assert "natural_person" not in extraction.report.requests["granted"]
    assert extraction.report.requests["granted"]["total"] == 12
    (error,) = [d for d in extraction.doubts if d.rule == "unreadable"]
    assert error.level.value == "error" and "十二" in error.message


def test_a_negative_count_is_left_out_with_an_error() -> None:
    requests = markdown_requests({"granted": ["-1", "0", "0", "0", "0", "0", "-1"]})
    extraction = extract_text(document(requests=requests))
    assert extraction.report.requests["granted"] == dict.fromkeys(
        ("commercial_enterprise", "research_institution", "social_welfare_org"), 0
    ) | {"legal_service_org": 0, "other_org": 0}
    errors = [d for d in extraction.doubts if d.rule == "unreadable"]
    assert len(errors) == 2 and all("非负整数" in d.message for d in errors)


def test_spurious_16th_cell_in_section_4_is_dropped() -> None:
    extraction = extract_text(document(appeals=markdown_appeals(["0"] * 16)))
    assert extraction.report.appeals["reconsideration"] == dict.fromkeys(
        ("upheld", "corrected", "other", "pending", "total"), 0
    )
    assert "extra_cell" in _rules(extraction.doubts)


def test_which_end_the_extra_cell_is_dropped_from_is_decided_by_the_totals() -> None:
    cells = ["1", "0", "0", "1", "2", *["0"] * 10, "7"]
    extraction = extract_text(document(appeals=markdown_appeals(cells)))
    reconsideration = extraction.report.appeals["reconsideration"]
    assert reconsideration == {"upheld": 1, "corrected": 0, "other": 0, "pending": 1, "total": 2}
    (doubt,) = [d for d in extraction.doubts if d.rule == "extra_cell"]
    assert "“7”" in doubt.message


def test_leftover_label_column_and_trailing_tab_are_not_cells() -> None:
    row = "一、本年新收政府信息公开申请数量\t\t5\t0\t0\t0\t0\t0\t5\t"
    total = "\t(七) 总计\t5\t0\t0\t0\t0\t0\t5"
    report = extract_text(document(requests=f"{row}\n{total}")).report
    assert list(report.requests["new_received"].values()) == [5, 0, 0, 0, 0, 0, 5]
    assert list(report.requests["total_processed"].values()) == [5, 0, 0, 0, 0, 0, 5]


# --- labels ------------------------------------------------------------------------------------


def test_labels_split_over_lines_with_odd_brackets_and_spaces() -> None:
    rows = [
        ["", "自然人", "法人或其他组织", "总计"],
        [
            "",
            "",
            "商业\n\n企业",
            "科研\n\n机构",
            "社会公\n\n益组织",
            "法律服\n\n务机构",
            "其他",
            "",
        ],
        ["一、本年新收政府信息公开\n\n申请数量", "3", "0", "0", "0", "0", "0", "3"],
        ["", "(四) 无 法提供", "1. 本机关不掌握相关\n政府信息", "3", "0", "0", "0", "0", "0", "3"],
        ["", "（ 七 ）总 计", "3", "0", "0", "0", "0", "0", "3"],
    ]
    report = extract_text(document(requests=tab_rows(rows))).report
    assert list(report.requests["new_received"].values()) == [3, 0, 0, 0, 0, 0, 3]
    assert list(report.requests["unable_not_held"].values()) == [3, 0, 0, 0, 0, 0, 3]
    assert list(report.requests["total_processed"].values()) == [3, 0, 0, 0, 0, 0, 3]


def test_label_typo_variant() -> None:
    text = document(requests="2.其他法律行政止公开0000000\n（七）总计0000000")
    report = extract_text(text).report
    assert report.requests["denied_prohibited_by_law"]["total"] == 0


def test_a_long_label_with_a_typo_is_found_and_said_so() -> None:
    text = document(requests="1.本机关不掌握相关政府信急0000000\n（七）总计0000000")
    extraction = extract_text(text)
    assert extraction.report.requests["unable_not_held"]["total"] == 0
    (doubt,) = [d for d in extraction.doubts if d.rule == "label_variant"]
    assert "政府信急" in doubt.message


@pytest.mark.parametrize("sentence", ["本年新制作规章0件。", "其中规章0件，规范性文件2件。"])
def test_a_sentence_ending_in_a_label_is_not_a_row(sentence: str) -> None:
    table = "| 第二十条第（一）项（单位：件） | | | |\n|---|---|---|---|\n| 规章 | 1 | 1 | 5 |"
    extraction = extract_text(document(proactive=f"{sentence}\n\n{table}"))
    assert extraction.report.proactive["rules"] == {
        "new_made": 1,
        "new_published": 1,
        "total_published": 5,
    }
    assert not extraction.report.ambiguous
    assert "duplicate" not in _rules(extraction.doubts)


def test_short_labels_need_their_number() -> None:
    # 「其他」 and 「总计」 head columns too: only 「3.其他」 and 「（七）总计」 are rows.
    rows = [["", "其他", ""], ["（七）总计", "1", "0", "0", "0", "0", "0", "1"]]
    report = extract_text(document(requests=tab_rows(rows))).report
    assert set(report.requests) == {"total_processed"}


def test_page_footer_inside_a_table_is_ignored() -> None:
    rows = tab_rows([["一、本年新收政府信息公开申请数量", "1", "0", "0"]])
    rows += "\n— 4 —\n\t0\n\t0\n\t0\n\t1"
    report = extract_text(document(requests=rows)).report
    assert list(report.requests["new_received"].values()) == [1, 0, 0, 0, 0, 0, 1]


# --- sections, editions, title -----------------------------------------------------------------


def test_mixed_editions_are_reported_table_by_table() -> None:
    proactive = tab_rows(
        [
            ["第二十条第（一）项"],
            ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
            ["规章", "0", "0", "0"],
            ["行政规范性文件", "3", "1", "12"],
        ]
    )
    extraction = extract_text(document(proactive=proactive, requests=markdown_requests()))
    report = extraction.report
    assert report.edition is Edition.E2019
    assert report.editions == {Section.PROACTIVE: Edition.E2021, Section.REQUESTS: Edition.E2019}
    assert report.proactive["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 12}
    assert "other" in report.requests
    assert "mixed_edition" in _rules(extraction.doubts)


def test_edition_2021_requests_rows() -> None:
    from gongkai.report.grid import Edition as E

    extraction = extract_text(document(requests=markdown_requests(edition=E.E2021)))
    assert extraction.report.edition is E.E2021
    assert extraction.report.requests["other_fee_unpaid"]["total"] == 0
    assert not extraction.report.editions


def test_a_lost_heading_while_the_table_survives() -> None:
    text = document(requests=markdown_requests(), headings=(1, 2, 4, 5, 6))
    extraction = extract_text(text)
    assert extraction.report.requests["total_processed"]["total"] == 0
    assert extraction.report.sections == frozenset(range(1, 7))
    (doubt,) = [d for d in extraction.doubts if d.rule == "heading_missing"]
    assert "第三部分" in doubt.message


def test_headings_without_numbers_and_variants() -> None:
    text = document(requests=markdown_requests())
    for old, new in (
        ("一、总体情况", "总体情况"),
        ("五、存在的主要问题及改进情况", "五、存在的主要问题及改进计划"),
        ("六、其他需要报告的事项", "六、其他需求报告的事项"),
    ):
        text = text.replace(old, new)
    report = extract_text(text).report
    assert report.sections == frozenset(range(1, 7))
    assert report.prose == {
        1: "2020年，本机关认真贯彻落实《条例》。",
        5: "公开形式比较单一。",
        6: "无。",
    }


def test_headings_with_a_word_changed_when_their_number_agrees() -> None:
    text = document(requests=markdown_requests())
    text = text.replace("五、存在的主要问题及改进情况", "五、存在的主要问题及改进措施")
    text = text.replace("二、主动公开政府信息情况", "二、主动公开政府信息")
    text = text.replace("一、总体情况", "一、加强组织领导")  # a different heading: not section 1
    report = extract_text(text).report
    assert report.sections == frozenset({2, 3, 4, 5, 6})


def test_markdown_headings() -> None:
    text = document(requests=markdown_requests())
    text = text.replace("一、总体情况", "## 一、总体情况").replace("五、存在", "**五、存在")
    text = text.replace("改进情况", "改进情况**")
    assert extract_text(text).report.sections == frozenset(range(1, 7))


def test_a_truncated_document_leaves_lost_cells_out() -> None:
    text = document(requests=markdown_requests())
    cut = text[: text.index("| （七）总计 | 0 | 0 |") + len("| （七）总计 | 0 | 0 |")]
    extraction = extract_text(cut)
    report = extraction.report
    assert report.requests["total_processed"] == {"natural_person": 0, "commercial_enterprise": 0}
    assert "carried_over_to_next_year" not in report.requests
    rules = _rules(extraction.doubts)
    assert rules.count("truncated") == 2  # the row cut short, and the rows never reached


@pytest.mark.parametrize(
    ("title", "agency", "year"),
    [
        ("栖霞区人民政府办公室\n\n2020年度政府信息公开工作年度报告", "栖霞区人民政府办公室", 2020),
        (
            "银川市兴庆区前进街街道办事处 2019 年政府信息公开工作年度报告",
            "银川市兴庆区前进街街道办事处",
            2019,
        ),
        ("2021年某市生态环境局政府信息公开工作年度报告", "某市生态环境局", 2021),
        ("某县自然资源局关于2022年度政府信息公开工作年度报告", "某县自然资源局", 2022),
        ("《某县人民政府2021年政府信息公开工作年度报告》", "某县人民政府", 2021),
        ("大洼区田家街道\n2021年度政府信息公开工作报告", "大洼区田家街道", 2021),
        ("某局\n\n二〇二〇年度政府信息公开工作年度报告", "某局", 2020),
        ("某局政府信息公开工作年度报告（2020年度）", "某局", 2020),
    ],
)
def test_agency_and_year_from_the_title(title: str, agency: str, year: int) -> None:
    report = extract_text(document(requests=markdown_requests(), title=title)).report
    assert (report.agency, report.year) == (agency, year)


def test_year_from_the_prose_when_the_title_has_none() -> None:
    text = document(requests=markdown_requests(), title="某局政府信息公开工作年度报告")
    report = extract_text(text).report
    assert (report.agency, report.year) == ("某局", 2020)


def test_a_report_before_2019_without_tables_is_legacy() -> None:
    text = "某局2017年政府信息公开工作年度报告\n\n一、总体情况\n\n2017年，我局……\n"
    report = extract_text(text).report
    assert report.edition is Edition.LEGACY
    assert report.sections == frozenset({1})


def test_web_page_chrome_and_metadata() -> None:
    text = (
        "无障碍浏览 长者专版\n首页 > 政务公开\n  • 信息来源某县人民政府\n  • 索 引 号 11530000-01\n"
        "  • 发布时间2021-02-16 14:57\n分享到：微信 微博\n"
        + document(requests=markdown_requests(), title="某县人民政府2020年政府信息公开工作年度报告")
        + "\nCopyRight 2016-2022 版权所有 | 备案号:滇ICP备05005095号-2\n"
    )
    report = extract_text(text).report
    assert report.extra["metadata"] == {
        "source": "某县人民政府",
        "index_number": "11530000-01",
        "published_at": "2021-02-16 14:57",
    }
    assert report.prose[6] == "无。"
    assert report.agency == "某县人民政府"


def test_text_with_no_report_is_an_extraction_error() -> None:
    with pytest.raises(ExtractionError, match="未找到"):
        extract_text("今天天气很好。\n我们去公园散步。\n", source="note.txt")


def test_debug_text_shows_every_stage() -> None:
    text = document(requests=plain_requests({"denied_state_secret": "000 0  "}))
    debug = extract_text(text, source="x.txt").debug_text()
    for stage in ("--- lines", "--- sections", "--- located tables", "--- cells", "--- report"):
        assert stage in debug
    assert "denied_state_secret ← “1.属于国家秘密”" in debug
    assert ZEROS in debug


def test_appeals_blocks_printed_as_labelled_rows() -> None:
    appeals = tab_rows(
        [
            ["", "结果维持", "结果纠正", "其他结果", "尚未审结", "总计"],
            ["行政复议", "2", "0", "0", "1", "3"],
            ["行政诉讼", "未经复议直接起诉", "1", "0", "0", "0", "1"],
            ["", "复议后起诉", "0", "0", "0", "0", "0"],
        ]
    )
    report = extract_text(document(appeals=appeals)).report
    assert report.appeals == {
        "reconsideration": {"upheld": 2, "corrected": 0, "other": 0, "pending": 1, "total": 3},
        "litigation_direct": {"upheld": 1, "corrected": 0, "other": 0, "pending": 0, "total": 1},
        "litigation_after_reconsideration": dict.fromkeys(
            ("upheld", "corrected", "other", "pending", "total"), 0
        ),
    }


def test_a_saved_web_page() -> None:
    page = """<!DOCTYPE html><html><head><title>年报</title><script>var x = "<td>9</td>";</script>
    </head><body><div class="nav">无障碍浏览</div>
    <h1>某县人民政府2020年政府信息公开工作年度报告</h1>
    <p>一、总体情况</p><p>2020年，本县认真贯彻落实《条例》。</p>
    <p>三、收到和处理政府信息公开申请情况</p>
    <table>
      <tr><td rowspan="2">三、本年度办理结果</td><td>（一）予以公开</td>
          <td>3</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
      <tr><td><p>（七）</p><p>总计</p></td>
          <td>3</td><td>&nbsp;</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>
    </table>
    <p>六、其他需要报告的事项</p><p>无。</p></body></html>"""
    report = extract_text(page).report
    assert (report.agency, report.year) == ("某县人民政府", 2020)
    assert list(report.requests["granted"].values()) == [3, None, 0, 0, 0, 0, 3]
    assert list(report.requests["total_processed"].values()) == [3, None, 0, 0, 0, 0, 3]
    assert report.prose[6] == "无。"


def test_a_row_that_lost_cells_before_more_text_is_not_cut_short() -> None:
    requests = markdown_requests({"carried_over_to_next_year": ["0", "0", "1"]})
    extraction = extract_text(document(requests=requests))
    assert "requests.carried_over_to_next_year" in extraction.report.ambiguous
    assert "carried_over_to_next_year" not in extraction.report.requests
    assert "truncated" not in _rules(extraction.doubts)


def test_the_edition_of_section_2_from_its_rows_when_its_header_is_lost() -> None:
    proactive = (
        "| 行政许可 | 152 | | |\n|---|---|---|---|\n| 行政处罚 | 7 | | |\n| 行政强制 | 0 | | |"
    )
    text = document(proactive=proactive, requests=markdown_requests())
    report = extract_text(text).report
    assert report.editions == {Section.PROACTIVE: Edition.E2021, Section.REQUESTS: Edition.E2019}
    assert report.proactive["licensing"] == {"decisions": 152}


def test_an_empty_prose_section_is_named() -> None:
    from gongkai.extract import extract_file

    seed = next(SEEDS.glob("002_*.txt"))
    rules = {d.rule: d for d in extract_file(seed).doubts}
    assert "section_empty" in rules and "第六部分" in rules["section_empty"].message
    for other in ("001", "004"):
        doubts = extract_file(next(SEEDS.glob(f"{other}_*.txt"))).doubts
        assert "section_empty" not in {d.rule for d in doubts}
