"""A column the national table does not have, printed after 总计: a share (「占比 6.72%」). Its
cell is no number of the row; a blank cell at the row's other end must not be dropped in its
place, which would move every number one column left and read the share as the total."""

from __future__ import annotations

from pathlib import Path

from gongkai.extract import extract_file, extract_text
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

from .fixtures import document

_GRANTED = ["2", "", "", "", "", "", "2"]
_PARTIAL = ["", "", "", "", "", "", "0"]


def _rows() -> list[tuple[str, list[str]]]:
    out = []
    for row in table(Edition.E2021, Section.REQUESTS).rows:
        if row.key in ("new_received", "granted", "total_processed"):
            cells = _GRANTED
        elif row.key == "partially_granted":
            cells = _PARTIAL
        else:
            cells = ["0", "", "", "", "", "", "0"]
        out.append((row.label, [*cells, "6.72%"]))
    return out


def _never_shifted(report_rows: dict[str, dict[str, object]], ambiguous: list[str]) -> None:
    granted = report_rows.get("granted")
    assert granted is None or list(granted.values()) == [2, None, None, None, None, None, 2]
    partial = report_rows.get("partially_granted")
    assert partial is None or list(partial.values()) == [None] * 6 + [0], partial
    if partial is None:
        assert "requests.partially_granted" in ambiguous


def test_a_share_column_in_a_markdown_table() -> None:
    lines = [
        "| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 | 占比 |"
    ]
    lines.append("|---" * 9 + "|")
    lines += ["| " + " | ".join([label, *cells]) + " |" for label, cells in _rows()]
    report = extract_text(document(requests="\n".join(lines))).report
    _never_shifted(report.requests, report.ambiguous)


def test_a_share_column_named_by_an_html_header_is_no_column_of_values(tmp_path: Path) -> None:
    head = (
        "<tr><td rowspan=2>项目</td><td rowspan=2>自然人</td><td colspan=5>法人或其他组织</td>"
        "<td rowspan=2>总计</td><td rowspan=2>占比</td></tr><tr><td>商业企业</td><td>科研机构</td>"
        "<td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>"
    )
    body = "".join(
        "<tr>" + "".join(f"<td>{c}</td>" for c in (label, *cells)) + "</tr>"
        for label, cells in _rows()
    )
    path = tmp_path / "report.html"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body><p>某区人民政府2022年政府信息公开工作"
        "年度报告</p><p>三、收到和处理政府信息公开申请情况</p>"
        f"<table>{head}{body}</table></body></html>",
        encoding="utf-8",
    )
    report = extract_file(path).report
    assert report.requests["granted"] == dict(
        natural_person=2,
        commercial_enterprise=None,
        research_institution=None,
        social_welfare_org=None,
        legal_service_org=None,
        other_org=None,
        total=2,
    )
    assert list(report.requests["partially_granted"].values()) == [None] * 6 + [0]
