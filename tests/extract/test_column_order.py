"""Section 三 with its applicant columns printed in another order than the national one (总计
first, or 自然人 after the organisations), in text whose header cannot place each cell: the
rows are not read in the national order, which the header contradicts."""

from __future__ import annotations

from gongkai.extract import extract_text
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

from .fixtures import document

#: Per row, the values in the national order; printed in the order of `order`.
_GRANTED = {"natural_person": "9", "commercial_enterprise": "4", "total": "13"}
_NATIONAL = ["自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
_KEYS = [c.key for c in table(Edition.E2019, Section.REQUESTS).rows[0].columns]


def _table(order: list[int], *, markdown: bool) -> str:
    lines = []
    for row in table(Edition.E2019, Section.REQUESTS).rows:
        cells = [
            _GRANTED.get(k, "0")
            if row.key in ("granted", "new_received", "total_processed")
            else "0"
            for k in _KEYS
        ]
        lines.append([row.label, *(cells[i] for i in order)])
    head = ["项目", *(_NATIONAL[i] for i in order)]
    if markdown:
        out = ["| " + " | ".join(head) + " |", "|---" * len(head) + "|"]
        return "\n".join(out + ["| " + " | ".join(r) + " |" for r in lines])
    return "\n".join("\t".join(r) for r in [head, *lines])


def _never_in_the_national_order(text: str) -> None:
    extraction = extract_text(document(requests=text))
    granted = extraction.report.requests.get("granted")
    if granted is None:
        assert "requests.granted" in extraction.report.ambiguous
    else:
        assert (granted["natural_person"], granted["total"]) == (9, 13), granted


def test_total_printed_first_in_tab_separated_text() -> None:
    _never_in_the_national_order(_table([6, 0, 1, 2, 3, 4, 5], markdown=False))


def test_natural_persons_printed_after_the_organisations() -> None:
    _never_in_the_national_order(_table([1, 2, 3, 4, 5, 0, 6], markdown=False))


def test_the_national_order_is_read() -> None:
    report = extract_text(document(requests=_table(list(range(7)), markdown=False))).report
    assert report.requests["granted"]["total"] == 13


def test_natural_persons_after_the_organisations_under_a_two_level_markdown_header() -> None:
    """The empty cells after 「其他」 continue it, as converters print a merged cell: the header
    names no column once for each cell, and must not be read in the national order either."""
    head = [
        "| 项目 | 法人或其他组织 | | | | | 自然人 | 总计 |",
        "|---" * 8 + "|",
        "| | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | | |",
    ]
    rows = _table([1, 2, 3, 4, 5, 0, 6], markdown=True).splitlines()[2:]
    _never_in_the_national_order("\n".join(head + rows))


def test_section_2_with_two_columns_swapped_in_tab_separated_text() -> None:
    """本年废止件数 printed before 本年制发件数 over item 1's rows: those rows are not read in the
    national order; the items after, under headers of their own, still are."""
    rows = [
        ["第二十条第（一）项"],
        ["信息内容", "本年废止件数", "本年制发件数", "现行有效件数"],
        ["规章", "0", "2", "15"],
        ["行政规范性文件", "1", "6", "32"],
        ["第二十条第（五）项"],
        ["信息内容", "本年处理决定数量"],
        ["行政许可", "5176"],
    ]
    text = document(
        proactive="\n".join("\t".join(r) for r in rows),
        title="某县人民政府\n\n2022年政府信息公开工作年度报告",
    )
    extraction = extract_text(text)
    proactive = extraction.report.proactive
    normative = proactive.get("normative_documents")
    assert normative in (None, dict(issued=6, repealed=1, in_force=32)), normative
    if normative is None:
        assert "proactive.normative_documents" in extraction.report.ambiguous
    assert proactive["licensing"] == dict(decisions=5176)
