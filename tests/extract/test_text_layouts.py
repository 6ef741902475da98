"""Text without column positions, as taken from PDFs (issue 13): row labels broken over several
lines with the numbers on a middle line, labels printed with other punctuation or their clauses
the other way round, and a table's numbers printed as a block apart from its labels.

Each document in `documents/` comes with the values it was written from (`<name>.json`). Rows are
found by what their labels say; where the numbers cannot be given to rows by labels and order,
every row in question is in doubt, with the reason — never a number assigned by position alone.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gongkai.extract import extract_file, extract_text
from gongkai.report.grid import Edition, Section
from gongkai.report.interchange import from_dict

from .fixtures import document

DOCUMENTS = Path(__file__).parent / "documents"


def _read(name: str) -> tuple[dict[str, object], dict[str, object], list[str], list[str]]:
    """The cells read, the cells written, the rows in doubt and the doubts' rules."""
    extraction = extract_file(DOCUMENTS / f"{name}.txt")
    gold = from_dict(json.loads((DOCUMENTS / f"{name}.json").read_text(encoding="utf-8")))
    return (
        dict(extraction.report.cells()),
        dict(gold.cells()),
        list(extraction.report.ambiguous),
        [d.rule for d in extraction.doubts],
    )


@pytest.mark.parametrize(
    "name",
    [
        "pdf-text-labels-wrapped",  # numbers on a label's middle or last line
        "pdf-text-numbers-detached",  # every label, then every row's numbers
        "pdf-text-labels-punctuation",  # 「1. 申请人…补正, 行政机关…」, clauses reversed
    ],
)
def test_text_from_pdfs_reads_exactly(name: str) -> None:
    got, want, ambiguous, rules = _read(name)
    assert got == want
    assert ambiguous == []
    assert set(rules) <= {"label_variant"}


def test_a_block_of_numbers_that_does_not_fit_its_labels_leaves_every_row_in_doubt() -> None:
    """One row printed no numbers: 25 labels, 24 lines of numbers. Which line is whose cannot be
    told but by position, so no line is given to a row: every row of the table is in doubt, with
    the reason, and the other tables are read as usual."""
    got, want, ambiguous, rules = _read("pdf-text-numbers-detached-one-row-unprinted")
    assert {p: v for p, v in got.items() if want[p] != v} == {}
    assert not [p for p in got if p.startswith("requests.")]
    requests_rows = {p.rsplit(".", 1)[0] for p in want if p.startswith("requests.")}
    assert set(ambiguous) == requests_rows
    assert rules == ["ambiguous"]  # one doubt names every row of the block
    assert {p: v for p, v in want.items() if not p.startswith("requests.")} == {
        p: v for p, v in got.items() if not p.startswith("requests.")
    }
    extraction = extract_file(DOCUMENTS / "pdf-text-numbers-detached-one-row-unprinted.txt")
    assert "该表的数字与行名分开排列，25 个行名却有 24 行数字" in extraction.doubts[0].message


def test_a_line_of_numbers_short_of_its_rows_cells_leaves_the_block_in_doubt() -> None:
    """As many lines as labels, but one line has six numbers for a row of seven cells: the lines
    may not be the rows' in order (a row unprinted, another's numbers wrapped), so none is read."""
    proactive = (
        "第二十条第（一）项\n信息内容 本年制发件数 本年废止件数 现行有效件数\n"
        "规章\n行政规范性文件\n0 0 3\n5 1\n"
    )
    extraction = extract_text(document(proactive, title="某县司法局2021年政府信息公开工作年度报告"))
    report = extraction.report
    assert "rules" not in report.proactive and "normative_documents" not in report.proactive
    assert {"proactive.rules", "proactive.normative_documents"} <= set(report.ambiguous)
    (doubt,) = [d for d in extraction.doubts if d.rule == "ambiguous"]  # one for the block
    assert "有的数字行与其行的单元格个数不符" in doubt.message
    assert [ref.path for ref in doubt.cells] == ["proactive.rules", "proactive.normative_documents"]


def test_numbers_on_a_label_s_first_line_go_to_the_label_they_open() -> None:
    """「1.申请人无正当理由逾期不补 0 0 0 0 0 0 0 / 正、行政机关不再处理其政府 / 信息公开申请」:
    the text before the numbers is no label, but with the lines after them it is one."""
    requests = "\n".join(
        [
            "（六）其他处理",
            "1.申请人无正当理由逾期不补   3   0   0   0   0   0   3",
            "正、行政机关不再处理其政府",
            "信息公开申请",
            "2.申请人逾期未按收费通知要   0   0   0   0   0   0   0",
            "求缴纳费用、行政机关不再处",
            "理其政府信息公开申请",
            "3.其他   1   0   0   0   0   0   1",
        ]
    )
    report = extract_text(document(requests=requests)).report
    assert report.edition_of(Section.REQUESTS) is Edition.E2021
    assert report.requests["other_no_correction"]["total"] == 3
    assert report.requests["other_fee_unpaid"]["total"] == 0
    assert report.requests["other_misc"]["natural_person"] == 1


def test_numbers_between_label_lines_that_each_carry_numbers_are_not_guessed() -> None:
    """「1.申请人无正当理由逾期不补 3 … / 正、行政机关不再处理其政府信息公开申请 5 …」: two
    lines of numbers for one label; which is the row's is not said, so neither is read."""
    requests = "\n".join(
        [
            "5.要求行政机关确认或重新出具已获取信息   0   0   0   0   0   0   0",
            "（六）其他处理",
            "1.申请人无正当理由逾期不补   3   0   0   0   0   0   3",
            "正、行政机关不再处理其政府信息公开申请   5   0   0   0   0   0   5",
            "3.其他   1   0   0   0   0   0   1",
        ]
    )
    extraction = extract_text(document(requests=requests))
    assert extraction.report.requests["other_misc"]["total"] == 1
    assert "other_no_correction" not in extraction.report.requests
    named = {ref.path for d in extraction.doubts for ref in d.cells}
    assert "requests.other_no_correction" in named


def _detached_lines(text: str) -> list[str]:
    """The lines of numbers of section 三's block in the detached fixture."""
    return [line for line in text.splitlines() if line.count(" ") == 6 and line[:1].isdigit()]


def test_a_row_no_label_names_among_the_labels_leaves_the_block_in_doubt() -> None:
    """A row the national table has not (「其中：网上申请」) printed with its numbers, and a row
    printed with none: as many lines as labels, but a line's row would be guessed by position."""
    text = (DOCUMENTS / "pdf-text-numbers-detached.txt").read_text(encoding="utf-8")
    lines = _detached_lines(text)
    text = text.replace(
        "二、上年结转政府信息公开申请数量\n", "其中：网上申请\n二、上年结转政府信息公开申请数量\n"
    )
    text = text.replace(lines[5] + "\n", "").replace(
        lines[0] + "\n", lines[0] + "\n1 0 0 0 0 0 1\n"
    )
    extraction = extract_text(text)
    gold = from_dict(json.loads((DOCUMENTS / "pdf-text-numbers-detached.json").read_text("utf-8")))
    want = dict(gold.cells())
    got = dict(extraction.report.cells())
    assert {p: v for p, v in got.items() if want[p] != v} == {}
    assert not [p for p in got if p.startswith("requests.")]


def test_lines_whose_sums_fail_in_their_rows_leave_the_block_in_doubt() -> None:
    """Two lines of numbers printed in each other's place: the labels and their count agree, but
    the rows' sums (R2) do not hold, so the order is not confirmed and no line is read."""
    text = (DOCUMENTS / "pdf-text-numbers-detached.txt").read_text(encoding="utf-8")
    lines = _detached_lines(text)
    first, second = lines[2], lines[3]
    swapped = " ".join(first.split()[:6] + second.split()[6:])
    text = text.replace(first + "\n", swapped + "\n", 1)
    extraction = extract_text(text)
    assert not [p for p, _ in extraction.report.cells() if p.startswith("requests.")]
    (doubt,) = [d for d in extraction.doubts if d.rule == "ambiguous"]
    assert "各栏之和与总计不符" in doubt.message


def test_section_2_numbers_detached_from_labels_of_one_and_three_cells() -> None:
    """Section 二 taken from a PDF column by column: each group's labels, then its numbers."""
    proactive = "\n".join(
        [
            "第二十条第（一）项",
            "信息内容 本年制发件数 本年废止件数 现行有效件数",
            "规章",
            "行政规范性文件",
            "0 0 3",
            "5 1 36",
            "第二十条第（六）项",
            "信息内容 本年处理决定数量",
            "行政处罚",
            "行政强制",
            "80",
            "178",
        ]
    )
    report = extract_text(
        document(proactive, title="某县司法局2021年政府信息公开工作年度报告")
    ).report
    assert report.proactive == {
        "rules": {"issued": 0, "repealed": 0, "in_force": 3},
        "normative_documents": {"issued": 5, "repealed": 1, "in_force": 36},
        "penalty": {"decisions": 80},
        "coercion": {"decisions": 178},
    }
