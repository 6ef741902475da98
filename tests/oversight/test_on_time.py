"""Published on time by the agency's kind (第四十九条): a local government's own report by
31 March of the following year, a department's (and a township's, by local practice) by
31 January."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.corpus.names import parse_agency
from gongkai.oversight.figures import on_time
from gongkai.report.due import AgencyKind, due_text, report_due


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("杭州市西湖区人民政府", AgencyKind.LOCAL_GOVERNMENT),
        ("西湖区政府", AgencyKind.LOCAL_GOVERNMENT),
        ("浙江省人民政府", AgencyKind.LOCAL_GOVERNMENT),
        ("杭州市人民政府办公室", AgencyKind.DEPARTMENT),
        ("杭州市西湖区教育局", AgencyKind.DEPARTMENT),
        ("西湖区灵隐街道办事处", AgencyKind.TOWNSHIP),
        ("某某县某某镇人民政府", AgencyKind.TOWNSHIP),
    ],
)
def test_the_kind_of_agency_from_its_name(name: str, kind: AgencyKind) -> None:
    assert parse_agency(name).kind is kind


def test_a_local_governments_report_is_due_on_31_march() -> None:
    assert report_due(2025, AgencyKind.LOCAL_GOVERNMENT) == date(2026, 3, 31)
    assert on_time(2025, date(2026, 3, 15), "杭州市西湖区人民政府") is True
    assert on_time(2025, date(2026, 4, 1), "杭州市西湖区人民政府") is False
    assert "3 月 31 日" in due_text(AgencyKind.LOCAL_GOVERNMENT)


def test_departments_and_townships_by_31_january() -> None:
    for name in ("杭州市西湖区教育局", "杭州市人民政府办公室", "西湖区灵隐街道办事处"):
        assert on_time(2025, date(2026, 1, 31), name) is True
        assert on_time(2025, date(2026, 3, 15), name) is False
    assert on_time(2025, None, "杭州市西湖区教育局") is None
