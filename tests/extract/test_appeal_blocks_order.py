"""Section 四's row of 15 under a header that prints 复议后起诉 before 未经复议直接起诉: the row is
not read in the national order of its blocks, which the header contradicts (when the header's
paths do not place each block — a converter printing a merged cell's text in its middle — or the
table is text)."""

from __future__ import annotations

from gongkai.extract import extract_text

from .fixtures import document

_VALUES = ["27", "10", "9", "15", "61", "8", "0", "1", "1", "10", "3", "0", "0", "0", "3"]
_RESULTS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def _never_swapped(text: str) -> None:
    extraction = extract_text(document(appeals=text))
    appeals = extraction.report.appeals
    assert appeals.get("litigation_direct", {}).get("upheld") in (None, 3)
    assert appeals.get("litigation_after_reconsideration", {}).get("upheld") in (None, 8)
    if "litigation_direct" not in appeals:
        assert "appeals.litigation_direct" in extraction.report.ambiguous


def test_a_markdown_header_with_its_blocks_reversed_and_centred() -> None:
    rows = [
        ["", "", "行政复议", "", "", "", "", "", "", "", "行政诉讼", "", "", "", ""],
        [*_RESULTS, "", "", "复议后起诉", "", "", "", "", "未经复议直接起诉", "", ""],
        ["", "", "", "", "", *_RESULTS, *_RESULTS],
        _VALUES,
    ]
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|---" * 15 + "|")
    _never_swapped("\n".join(lines))


def test_a_tab_separated_header_with_its_blocks_reversed() -> None:
    rows = [
        ["行政复议", "", "", "", "", "行政诉讼"],
        [*_RESULTS, "复议后起诉", "", "", "", "", "未经复议直接起诉"],
        ["", "", "", "", "", *_RESULTS, *_RESULTS],
        _VALUES,
    ]
    _never_swapped("\n".join("\t".join(row) for row in rows))
