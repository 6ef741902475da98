"""Merged header cells are placed once for both writers, and bad shapes are refused in Chinese."""

from __future__ import annotations

import pytest

from gongkai.documents import Cell, DocumentError, HeaderCell, Table
from gongkai.documents.grid import layout

from .samples import report_table


def test_cells_below_a_row_span_move_right() -> None:
    grid = layout(report_table())
    assert grid.columns == 4 and grid.header_rows == 2
    assert [(p.cell.text, p.row, p.col) for p in grid.placed] == [
        ("信息内容", 0, 0),
        ("本年制发件数", 0, 1),
        ("现行有效件数", 0, 3),
        ("新制作", 1, 1),
        ("废止", 1, 2),
        ("件", 1, 3),
    ]


def test_a_short_header_row_is_refused() -> None:
    table = Table.of([["甲", "乙", "丙"], ["丁"]], [[1, 2, 3]])
    with pytest.raises(DocumentError, match="表头第 2 行占 1 列"):
        layout(table)


def test_a_body_row_of_the_wrong_width_is_refused() -> None:
    table = Table.of([["甲", "乙"]], [[1, 2], [3]])
    with pytest.raises(DocumentError, match="表格第 2 行有 1 个单元格，应为 2 个"):
        layout(table)


def test_a_row_span_past_the_header_is_refused() -> None:
    table = Table.of([[HeaderCell("甲", rows=2), "乙"]], [[1, 2]])
    with pytest.raises(DocumentError, match="跨行数超出"):
        layout(table)


def test_numbers_are_right_aligned_and_blank_is_not_zero() -> None:
    assert Cell(1234).text == "1,234" and Cell(1234).alignment == "right"
    assert Cell(0).text == "0" and Cell(None).text == ""
    assert Cell("规章").alignment == "left"
