"""The printed layout: every row of every printed table spans the same width, every cell of the
grid appears exactly once, and the national format's headers sit where it prints them."""

from __future__ import annotations

import random

import pytest

from gongkai.report.grid import Edition, Section
from gongkai.report.layout import REQUESTS_NOTE, layout
from gongkai.report.synthetic import consistent_report


@pytest.mark.parametrize("edition", [Edition.E2019, Edition.E2021])
def test_printed_tables_are_rectangular_and_hold_every_cell_once(edition: Edition) -> None:
    report = consistent_report(random.Random(7), edition=edition, blank_zeros=True)
    paths: list[str] = []
    for section in layout(report):
        for printed in section.printed:
            grid = printed.grid()
            assert all(len(row) == printed.columns for row in grid), printed.caption
            paths.extend(c.path for row in printed.body for c in row if c.is_value)
    expected = [
        f"{s.value}.{row.key}.{col.key}"
        for s in Section
        for row, col in report.table(s).cells()  # type: ignore[union-attr]
    ]
    assert sorted(paths) == sorted(expected)


def test_the_requests_header_as_printed() -> None:
    report = consistent_report(random.Random(1), edition=Edition.E2021)
    (requests,) = next(t for t in layout(report) if t.grid.section is Section.REQUESTS).printed
    grid = requests.grid()
    assert grid[0][:4] == [REQUESTS_NOTE, "", "", "申请人情况"]
    assert grid[1][3:10] == ["自然人", "法人或其他组织", "", "", "", "", "总计"]
    assert grid[2][4:9] == ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]
    labels = [row[:3] for row in grid[3:]]
    assert labels[2] == ["三、本年度办理结果", "（一）予以公开", ""]
    assert labels[4] == ["", "（三）不予公开", "1.属于国家秘密"]
    assert labels[-1] == ["四、结转下年度继续办理", "", ""]


def test_the_appeals_header_as_printed() -> None:
    report = consistent_report(random.Random(1), edition=Edition.E2019)
    (appeals,) = next(t for t in layout(report) if t.grid.section is Section.APPEALS).printed
    grid = appeals.grid()
    assert grid[0][0] == "行政复议" and grid[0][5] == "行政诉讼"
    assert grid[1][5] == "未经复议直接起诉" and grid[1][10] == "复议后起诉"
    assert grid[2][5:10] == ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]


def test_proactive_items_have_their_own_headers_per_edition() -> None:
    old = consistent_report(random.Random(1), edition=Edition.E2019)
    new = consistent_report(random.Random(1), edition=Edition.E2021)
    old_items = next(t for t in layout(old) if t.grid.section is Section.PROACTIVE).printed
    new_items = next(t for t in layout(new) if t.grid.section is Section.PROACTIVE).printed
    assert [p.caption for p in old_items][-1] == "第二十条第（九）项"
    assert len(old_items) == 5 and len(new_items) == 4
    assert old_items[0].grid()[0] == [
        "信息内容",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
    ]
    assert new_items[0].grid()[0] == ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]
    assert new_items[0].grid()[2][0] == "行政规范性文件"
