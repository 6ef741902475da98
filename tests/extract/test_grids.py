"""Tables read from their grids (issue 13): each number from the column its header and row label
give it, merged cells never shifting a number, section 四 and section 二 in the shapes real
conversions print them, and every row whose numbers cannot be placed for certain left out and
named."""

from __future__ import annotations

from pathlib import Path

from gongkai.extract import extract_file, extract_text
from gongkai.extract.grids import GridCell, from_rows
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

from .fixtures import document

_APPEAL_HEADER = "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 |\n|---|---|---|---|---|"


def _small_table(heading: str, values: str) -> str:
    return f"### {heading}\n{_APPEAL_HEADER}\n| {values} |\n"


def test_section_4_in_three_small_tables_named_by_their_headings() -> None:
    appeals = "\n".join(
        [
            _small_table("行政复议", "27 | 10 | 9 | 15 | 61"),
            _small_table("行政诉讼（未经复议直接起诉）", "3 | 0 | 0 | 0 | 3"),
            _small_table("行政诉讼（复议后起诉）", "8 | 0 | 1 | 1 | 10"),
        ]
    )
    report = extract_text(document(appeals=appeals)).report
    assert report.appeals == {
        "reconsideration": dict(upheld=27, corrected=10, other=9, pending=15, total=61),
        "litigation_direct": dict(upheld=3, corrected=0, other=0, pending=0, total=3),
        "litigation_after_reconsideration": dict(
            upheld=8, corrected=0, other=1, pending=1, total=10
        ),
    }


def test_a_sentence_naming_a_block_is_no_caption() -> None:
    """「注：行政复议…」 before a table of one row: no block is named, nothing is read as one."""
    appeals = (
        "注：行政复议数量含上年度结转数量。\n" + _APPEAL_HEADER + "\n| 27 | 10 | 9 | 15 | 61 |\n"
    )
    extraction = extract_text(document(appeals=appeals))
    assert "reconsideration" not in extraction.report.appeals
    assert any(d.rule == "table_missing" for d in extraction.doubts)


def test_two_tables_under_one_heading_name_no_block() -> None:
    appeals = "\n".join(
        [_small_table("行政复议", "1 | 0 | 0 | 0 | 1"), _APPEAL_HEADER, "| 2 | 0 | 0 | 0 | 2 |"]
    )
    report = extract_text(document(appeals=appeals)).report
    assert report.appeals == {
        "reconsideration": dict(upheld=1, corrected=0, other=0, pending=0, total=1)
    }


def test_the_row_of_15_under_a_scrambled_header() -> None:
    """A PDF→Markdown conversion: the header's words run together on plain lines, a note
    between, the 15 numbers one row."""
    appeals = (
        "行政复议行政诉讼\n未经复议直接起诉复议后起诉\n维持纠正结果审结维持纠正结果审结\n"
        "注：行政复议、行政诉讼数量含上年度结转数量。\n"
        "| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|\n"
        "| 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |\n"
    )
    report = extract_text(document(appeals=appeals)).report
    assert report.appeals["reconsideration"] == dict(
        upheld=40, corrected=0, other=10, pending=5, total=55
    )
    assert report.appeals["litigation_after_reconsideration"]["total"] == 22


def test_section_2_as_one_table_per_item_of_article_20() -> None:
    proactive = (
        "### 第二十条第（一）项\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        "|---|---|---|---|\n| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 6 | 1 | 32 |\n\n"
        "### 第二十条第（五）项\n| 信息内容 | 本年处理决定数量 |\n|---|---|\n"
        "| 行政许可 | 517645 |\n\n"
        "### 第二十条第（六）项\n| 信息内容 | 本年处理决定数量 |\n|---|---|\n"
        "| 行政处罚 | 693957 |\n| 行政强制 | 2154 |\n\n"
        "### 第二十条第（八）项\n| 信息内容 | 本年收费金额（单位：万元） |\n|---|---|\n"
        "| 行政事业性收费 | 4068.208 |\n"
    )
    report = extract_text(document(proactive=proactive)).report
    assert report.proactive["normative_documents"] == dict(issued=6, repealed=1, in_force=32)
    assert report.proactive["coercion"] == {"decisions": 2154}
    assert str(report.proactive["fees"]["amount_10k_yuan"]) == "4068.208"


def _requests_2021(key_: str, label: str, count: str) -> str:
    """Section 三 of the 2021 edition as a Markdown table, row `key_` printed as `label` with
    `count` from natural persons, every other cell 0."""
    rows = []
    for row in table(Edition.E2021, Section.REQUESTS).rows:
        mine = row.key == key_
        cells = [count, "0", "0", "0", "0", "0", count] if mine else ["0"] * 7
        rows.append("| " + " | ".join([label if mine else row.label, *cells]) + " |")
    text = "| 项目 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
    return text + "|---" * 8 + "|\n" + "\n".join(rows)


def test_a_label_with_a_comma_and_a_space_after_its_number() -> None:
    label = "1. 申请人无正当理由逾期不补正, 行政机关不再处理其政府信息公开申请"
    extraction = extract_text(document(requests=_requests_2021("other_no_correction", label, "9")))
    assert extraction.report.requests["other_no_correction"]["natural_person"] == 9


def _page(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "report.html"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>某区人民政府2020年政府信息公开工作年度报告</p>" + body + "</body></html>",
        encoding="utf-8",
    )
    return path


def _tr(*cells: str) -> str:
    return "<tr>" + "".join(c if c.startswith("<td") else f"<td>{c}</td>" for c in cells) + "</tr>"


_REQUEST_HEAD = _tr(
    "<td rowspan=2>序号</td>",
    "<td rowspan=2>项目</td>",
    "<td rowspan=2>自然人</td>",
    "<td colspan=5>法人或其他组织</td>",
    "<td rowspan=2>总计</td>",
) + _tr("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")


def _requests_page(rows: dict[str, list[str]]) -> str:
    body = ""
    for number, row in enumerate(table(Edition.E2019, Section.REQUESTS).rows, start=1):
        body += _tr(str(number), row.label, *rows.get(row.key, ["0"] * 7))
    return "<p>三、收到和处理政府信息公开申请情况</p><table>" + _REQUEST_HEAD + body + "</table>"


def test_a_numbering_column_is_no_column_of_values(tmp_path: Path) -> None:
    """序号 1, 2, 3 … before each label: the header says the column holds no values."""
    page = _requests_page({"granted": ["5", "1", "", "", "", "", "6"]})
    report = extract_file(_page(tmp_path, page)).report
    assert report.requests["granted"] == dict(
        natural_person=5,
        commercial_enterprise=1,
        research_institution=None,
        social_welfare_org=None,
        legal_service_org=None,
        other_org=None,
        total=6,
    )
    assert report.requests["new_received"]["total"] == 0


def test_a_number_spanning_two_rows_is_no_blank_below(tmp_path: Path) -> None:
    """A value merged over two rows: the lower row is not read with a blank in its place."""
    grid = table(Edition.E2019, Section.REQUESTS)
    rows = ""
    for number, row in enumerate(grid.rows, start=1):
        if row.key == "granted":
            rows += _tr(str(number), row.label, "<td rowspan=2>3</td>", *["0"] * 5, "3")
        elif row.key == "partially_granted":
            rows += _tr(str(number), row.label, *["0"] * 5, "0")
        else:
            rows += _tr(str(number), row.label, *["0"] * 7)
    page = "<p>三、收到和处理政府信息公开申请情况</p><table>" + _REQUEST_HEAD + rows + "</table>"
    extraction = extract_file(_page(tmp_path, page))
    assert "partially_granted" not in extraction.report.requests
    assert "requests.partially_granted" in extraction.report.ambiguous


def test_an_annotated_cell_reads_its_number_only_where_certain(tmp_path: Path) -> None:
    page = (
        "<p>二、主动公开政府信息情况</p><table>"
        + _tr("<td colspan=4>第二十条第（一）项</td>")
        + _tr("信息内容", "本年制发件数", "本年废止件数", "现行有效件数")
        + _tr("规章", "22（其中修订16件）", "0", "235")
        + _tr("行政规范性文件", "34", "55(29)", "189")
        + "</table>"
    )
    extraction = extract_file(_page(tmp_path, page))
    proactive = extraction.report.proactive
    assert proactive["rules"] == dict(issued=22, repealed=0, in_force=235)
    assert "repealed" not in proactive["normative_documents"]
    assert any(d.rule == "unreadable" and "55(29)" in d.message for d in extraction.doubts)


def test_section_4_as_small_html_tables_with_captions(tmp_path: Path) -> None:
    head = _tr("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    body = "<p>四、政府信息公开行政复议、行政诉讼情况</p>"
    for caption, values in [
        ("行政复议", ["1", "2", "0", "0", "3"]),
        ("行政诉讼（未经复议直接起诉）", ["0", "0", "0", "1", "1"]),
        ("行政诉讼（复议后起诉）", ["", "", "", "", ""]),
    ]:
        body += f"<p>{caption}</p><table>{head}{_tr(*values)}</table>"
    report = extract_file(_page(tmp_path, body)).report
    assert report.appeals["reconsideration"] == dict(
        upheld=1, corrected=2, other=0, pending=0, total=3
    )
    assert report.appeals["litigation_direct"]["pending"] == 1


def test_the_debug_output_shows_each_grid_and_its_mapping(tmp_path: Path) -> None:
    page = _requests_page({})
    text = extract_file(_page(tmp_path, page)).debug_text()
    assert "grid 1: html" in text
    assert "法人或其他组织⟨1×5⟩" in text
    assert "→ header before row 3:" in text
    assert "→ requests.granted:" in text


def test_grid_positions_and_signatures() -> None:
    grid = from_rows([["规章", "1", ""], ["x", "2", "3"]], "markdown")
    assert grid.width == 3 and grid.height == 2
    assert grid.signature(0) == ("规章", "1")
    merged = type(grid)([GridCell("a", 0, 0, 2, 2), GridCell("b", 0, 2), GridCell("c", 1, 2)], "x")
    assert merged.at(1, 1) is merged.cells[0]
    assert [c.text for c in merged.row_cells(1)] == ["a", "c"]


def test_cells_are_read_from_the_columns_their_header_names(tmp_path: Path) -> None:
    """A table printing 总计 first and an empty spacer column after the label: each number goes
    to the column its header names, the spacer to none."""
    head = _tr(
        "项目", "", "总计", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"
    )
    body = ""
    for row in table(Edition.E2019, Section.REQUESTS).rows:
        values = ["9", "5", "4", "0", "0", "0", "0"] if row.key == "granted" else ["0"] * 7
        body += _tr(row.label, "", *values)
    page = "<p>三、收到和处理政府信息公开申请情况</p><table>" + head + body + "</table>"
    extraction = extract_file(_page(tmp_path, page))
    assert extraction.report.requests["granted"] == dict(
        natural_person=5,
        commercial_enterprise=4,
        research_institution=0,
        social_welfare_org=0,
        legal_service_org=0,
        other_org=0,
        total=9,
    )
    assert "cells put in the columns their header names" in extraction.debug_text()


def test_a_label_with_its_parts_in_another_order_is_found() -> None:
    """The same two clauses swapped are the same label (`labels.LabelIndex` knows both orders)."""
    swapped = "1.行政机关不再处理其政府信息公开申请，申请人无正当理由逾期不补正"
    extraction = extract_text(
        document(requests=_requests_2021("other_no_correction", swapped, "3"))
    )
    assert extraction.report.requests["other_no_correction"]["total"] == 3


def _detached(values: dict[str, list[str]], lost: str = "") -> str:
    """Labels in one table, numbers in the next; `lost`: that row's numbers left out, a row of
    zeros added at the end (every row after it moves up one)."""
    rows = table(Edition.E2019, Section.REQUESTS).rows
    labels = "| 项目 |\n|---|\n" + "\n".join(f"| {r.label} |" for r in rows)
    numbers = "| 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |\n"
    numbers += "|---" * 7 + "|\n"
    printed = [values.get(r.key, ["0"] * 7) for r in rows if r.key != lost]
    printed += [["0"] * 7] * (len(rows) - len(printed))
    numbers += "\n".join("| " + " | ".join(cells) + " |" for cells in printed)
    return labels + "\n\n" + numbers


_SUMS = {
    "new_received": ["5", "1", "0", "0", "0", "0", "6"],
    "granted": ["3", "1", "0", "0", "0", "0", "4"],
    "unable_not_held": ["2", "0", "0", "0", "0", "0", "2"],
    "total_processed": ["5", "1", "0", "0", "0", "0", "6"],
}


def test_numbers_detached_from_their_labels_are_paired_where_the_sums_hold() -> None:
    """A conversion printed section 三's labels as one table and its numbers as another: paired
    in order, since every row's width and every sum among them (R1–R3) hold."""
    extraction = extract_text(document(requests=_detached(_SUMS)))
    requests = extraction.report.requests
    assert requests["granted"]["total"] == 4 and requests["unable_not_held"]["total"] == 2
    assert requests["carried_over_to_next_year"]["total"] == 0
    assert "by the labels of the grid before: [" in extraction.debug_text()


def test_detached_numbers_whose_sums_fail_are_not_paired() -> None:
    """One row of numbers lost: every row after it would move up one; R3 fails, nothing is
    paired, and every row is named ambiguous, with why."""
    extraction = extract_text(document(requests=_detached(_SUMS, lost="granted")))
    assert extraction.report.requests == {}
    grid = table(Edition.E2019, Section.REQUESTS)
    assert extraction.report.ambiguous == [f"requests.{row.key}" for row in grid.rows]
    assert any("数字与行标签分开印刷" in d.message for d in extraction.doubts)


def test_the_row_of_15_with_a_label_cell_of_its_own(tmp_path: Path) -> None:
    """The national two-level header with a first column 「项目」 and the row labelled 「件数」:
    each number's block and column from its header path."""
    heads = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
    page = (
        "<p>四、政府信息公开行政复议、行政诉讼情况</p><table>"
        + _tr(
            "<td rowspan=3>项目</td>", "<td colspan=5>行政复议</td>", "<td colspan=10>行政诉讼</td>"
        )
        + _tr(
            *(f"<td rowspan=2>{h}</td>" for h in heads),
            "<td colspan=5>未经复议直接起诉</td>",
            "<td colspan=5>复议后起诉</td>",
        )
        + _tr(*heads, *heads)
        + _tr("件数", *[str(n) for n in (2, 1, 0, 0, 3, 0, 0, 0, 1, 1, 1, 0, 0, 0, 1)])
        + "</table>"
    )
    appeals = extract_file(_page(tmp_path, page)).report.appeals
    assert appeals["reconsideration"] == dict(upheld=2, corrected=1, other=0, pending=0, total=3)
    assert appeals["litigation_direct"]["pending"] == 1
    assert appeals["litigation_after_reconsideration"]["upheld"] == 1
