"""Rows that do not line up with their header: a label cell one column wider than the header's
corner, or a header cell whose rowspan reaches into the first row of values (Word pages print
both). Where the header also names a column that holds no values (备注, 序号), the row's numbers
used to be read with one of them dropped as a remark and the remark read as a total: each such
row is now left out and named, while rows that line up keep being read."""

from __future__ import annotations

from pathlib import Path

from gongkai.extract import extract_file
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

_NEW = ["705", "3", "0", "0", "5", "0", "713"]
_READ = dict(
    natural_person=705,
    commercial_enterprise=3,
    research_institution=0,
    social_welfare_org=0,
    legal_service_org=5,
    other_org=0,
    total=713,
)


def _td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
    spans = (f" colspan={colspan}" if colspan > 1 else "") + (
        f" rowspan={rowspan}" if rowspan > 1 else ""
    )
    return f"<td{spans}><p class=MsoNormal align=center>{text}<o:p></o:p></p></td>"


def _page(tmp_path: Path, *, corner_rows: int = 2, label_span: int = 3, remark: str = "") -> Path:
    """Section 三 with a 备注 column; the first row's label spans `label_span` columns (the
    header's corner spans 3) and the corner spans `corner_rows` rows (the header has 2)."""
    head = (
        "<tr>"
        + _td("申请人情况", 3, corner_rows)
        + _td("自然人", 1, 2)
        + _td("法人或其他组织", 5)
        + _td("总计", 1, 2)
        + _td("备注", 1, 2)
        + "</tr><tr>"
        + "".join(_td(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))
        + "</tr>"
    )
    body = ""
    for row in table(Edition.E2019, Section.REQUESTS).rows:
        first = row.key == "new_received"
        cells = _NEW if first else ["0"] * 7
        body += (
            "<tr>"
            + _td(row.label, label_span if first else 3)
            + "".join(_td(c) for c in cells)
            + _td(remark if first else "")
            + "</tr>"
        )
    path = tmp_path / "report.htm"
    path.write_text(
        "<html><head><meta charset='utf-8'></head><body>"
        "<p>某区人民政府2020年政府信息公开工作年度报告</p>"
        "<p>三、收到和处理政府信息公开申请情况</p>"
        f"<table border=1>{head}{body}</table></body></html>",
        encoding="utf-8",
    )
    return path


def _left_out_and_named(path: Path) -> None:
    extraction = extract_file(path)
    read = extraction.report.requests.get("new_received")
    assert read is None or read == _READ, read
    if read is None:
        assert "requests.new_received" in extraction.report.ambiguous
        assert any("本年新收" in d.message for d in extraction.doubts)


def test_a_row_aligned_with_its_remark_column_is_read(tmp_path: Path) -> None:
    report = extract_file(_page(tmp_path, remark="含上年结转3件")).report
    assert report.requests["new_received"] == _READ


def test_a_label_one_column_wider_than_the_corner(tmp_path: Path) -> None:
    """The total falls under 备注 and the empty remark under no header: not a blank total."""
    _left_out_and_named(_page(tmp_path, label_span=4))


def test_a_label_one_column_wider_and_a_number_in_the_remark(tmp_path: Path) -> None:
    """…nor the remark's 「3」 read as the total."""
    _left_out_and_named(_page(tmp_path, label_span=4, remark="3"))


def test_a_corner_reaching_into_the_first_row(tmp_path: Path) -> None:
    """The corner's rowspan of 3 pushes the first row three columns right: 「5」 falls under 备注."""
    for span in (1, 2, 3, 4):
        _left_out_and_named(_page(tmp_path, corner_rows=3, label_span=span))
        _left_out_and_named(_page(tmp_path, corner_rows=3, label_span=span, remark="—"))
