"""The grid of both editions, cell by cell, as the spec lays it out."""

from __future__ import annotations

import pytest

from gongkai.report.editions import MARKERS, SECTION_HEADINGS, TABLES, table
from gongkai.report.grid import Edition, Kind, Section


@pytest.mark.parametrize(
    ("edition", "section", "cells", "rows"),
    [
        (Edition.E2019, Section.PROACTIVE, 22, 8),
        (Edition.E2021, Section.PROACTIVE, 10, 6),
        (Edition.E2019, Section.REQUESTS, 161, 23),
        (Edition.E2021, Section.REQUESTS, 175, 25),
        (Edition.E2019, Section.APPEALS, 15, 3),
        (Edition.E2021, Section.APPEALS, 15, 3),
    ],
)
def test_cell_counts(edition: Edition, section: Section, cells: int, rows: int) -> None:
    grid = table(edition, section)
    assert grid.cell_count == cells
    assert len(grid.rows) == rows


def test_request_rows_in_printed_order() -> None:
    keys = [row.key for row in table(Edition.E2021, Section.REQUESTS).rows]
    assert keys[:4] == [
        "new_received",
        "carried_over_from_last_year",
        "granted",
        "partially_granted",
    ]
    assert keys[-5:] == [
        "other_no_correction",
        "other_fee_unpaid",
        "other_misc",
        "total_processed",
        "carried_over_to_next_year",
    ]
    keys_2019 = [row.key for row in table(Edition.E2019, Section.REQUESTS).rows]
    assert "other" in keys_2019 and "other_misc" not in keys_2019


def test_applicant_columns_and_labels() -> None:
    row = table(Edition.E2019, Section.REQUESTS).row("granted")
    assert [c.label for c in row.columns] == [
        "自然人",
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert row.label == "（一）予以公开"


def test_exact_labels_of_the_spec() -> None:
    grid = table(Edition.E2021, Section.REQUESTS)
    assert grid.row("denied_security_stability").label == "3.危及“三安全一稳定”"
    assert grid.row("other_fee_unpaid").label == (
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    assert "2.其他法律行政止公开" in grid.row("denied_prohibited_by_law").variants
    assert grid.cell_label("total_processed", "natural_person") == "第三部分 （七）总计 › 自然人"


def test_kinds() -> None:
    p2019 = table(Edition.E2019, Section.PROACTIVE)
    assert p2019.row("licensing").column("change").kind is Kind.SIGNED
    assert p2019.row("procurement").column("amount_10k_yuan").kind is Kind.MONEY
    p2021 = table(Edition.E2021, Section.PROACTIVE)
    assert p2021.row("fees").column("amount_10k_yuan").kind is Kind.MONEY
    assert p2021.row("fees").column("amount_10k_yuan").label == "本年收费金额（单位：万元）"


def test_every_key_is_unique_within_a_row_and_table() -> None:
    for tables in TABLES.values():
        for grid in tables.values():
            keys = [row.key for row in grid.rows]
            assert len(keys) == len(set(keys))
            for row in grid.rows:
                assert len({c.key for c in row.columns}) == len(row.columns)


def test_markers_and_headings() -> None:
    assert "本年新制作数量" in MARKERS[Edition.E2019]
    assert "本年制发件数" in MARKERS[Edition.E2021]
    assert set(SECTION_HEADINGS) == {1, 2, 3, 4, 5, 6}
    assert "其他需求报告的事项" in SECTION_HEADINGS[6]


@pytest.mark.parametrize(
    ("year", "edition"),
    [
        (2018, Edition.LEGACY),
        (2019, Edition.E2019),
        (2020, Edition.E2019),
        (2021, Edition.E2021),
        (2026, Edition.E2021),
    ],
)
def test_edition_for_year(year: int, edition: Edition) -> None:
    assert Edition.for_year(year) is edition


def test_legacy_has_no_tables() -> None:
    with pytest.raises(KeyError):
        table(Edition.LEGACY, Section.REQUESTS)


def test_layout_names_every_table_and_keeps_blank_and_absent_apart() -> None:
    from gongkai.report import load
    from gongkai.report.layout import layout

    from ..conftest import gold

    tables = layout(load(gold("001")))
    assert [t.title for t in tables] == [
        "第二部分 主动公开政府信息情况",
        "第三部分 收到和处理政府信息公开申请情况",
        "第四部分 政府信息公开行政复议、行政诉讼情况",
    ]
    first = dict(tables[1].rows[0][1])
    assert first["自然人"] == 2 and first["商业企业"] is None
    truncated = layout(load(gold("000")))[1].rows[0][1]
    assert all(value == "" for _, value in truncated)
