"""A PDF's running header or footer printed between the cells of a row, in text written one cell
per line: 「2025年政府信息公开工作年度报告」 is no cell, and its year no number of the row."""

from __future__ import annotations

from gongkai.extract import extract_text

from .fixtures import document, tab_rows

_ROWS = [
    ["第二十条第（一）项"],
    ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"],
    ["规章", "0", "0", "0"],
    ["规范性文件", "1", "1", "7"],
    ["第二十条第（五）项"],
    ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"],
    ["行政许可", "12", "3", "{}"],
    ["其他对外管理服务事项", "0", "0", "0"],
]


def _proactive(inside: str) -> str:
    rows = [[c.format(inside) for c in row] for row in _ROWS]
    return tab_rows(rows).replace("\t" + inside, inside)


def test_a_running_header_between_a_row_s_cells_is_no_cell() -> None:
    for running in (
        "2025年政府信息公开工作年度报告",
        "栖霞区人民政府2025年度政府信息公开工作年度报告",
    ):
        text = document(proactive=_proactive(running + "\n\t9"))
        extraction = extract_text(text)
        licensing = extraction.report.proactive.get("licensing")
        assert licensing in (None, dict(last_year_items=12, change=3, decisions=9)), licensing
        assert extraction.report.proactive["other_services"]["decisions"] == 0


def test_a_date_line_between_a_row_s_cells_is_no_cell() -> None:
    text = document(proactive=_proactive("2025年12月31日\n\t9"))
    licensing = extract_text(text).report.proactive.get("licensing")
    assert licensing in (None, dict(last_year_items=12, change=3, decisions=9)), licensing
