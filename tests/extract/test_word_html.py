"""Regression: section 三 as Word saves it as a web page — mso paragraphs, <o:p>, a label broken
by <br>, &nbsp; around numbers, full-width digits and thousands commas, the table split across a
page break with its header printed again — is read exactly (hunted for silent misreads, none)."""

from __future__ import annotations

from pathlib import Path

from gongkai.extract import extract_file
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

_FULL = str.maketrans("0123456789", "０１２３４５６７８９")
_ROWS = {
    "new_received": [1259, 36, 0, 0, 0, 0, 1295],
    "granted": [201, 5, 0, 0, 0, 0, 206],
    "total_processed": [1139, 48, 0, 0, 4, 0, 1191],
}


def _p(text: str) -> str:
    return (
        "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US "
        f"style='font-size:10.5pt;font-family:仿宋_GB2312'>{text}<o:p></o:p></span></p>"
    )


def _td(text: str, colspan: int = 1, rowspan: int = 1) -> str:
    spans = (f" colspan={colspan}" if colspan > 1 else "") + (
        f" rowspan={rowspan}" if rowspan > 1 else ""
    )
    return f"<td{spans} valign=center>{_p(text)}</td>"


def _number(value: int, row: int) -> str:
    printed = f"{value:,}" if row % 2 else str(value)
    return "&nbsp;" + (printed.translate(_FULL) if row % 3 == 0 else printed) + "&nbsp;"


_HEAD = (
    "<tr>"
    + _td("（本列数据的勾稽关系为：第一项加第二项之和，<br>等于第三项加第四项之和）", 3, 3)
    + _td("申请人情况", 7)
    + "</tr><tr>"
    + _td("自然人", 1, 2)
    + _td("法人或其他组织", 5)
    + _td("总计", 1, 2)
    + "</tr><tr>"
    + "".join(_td(t) for t in ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"))
    + "</tr>"
)


def test_a_word_web_page_split_across_a_page_break(tmp_path: Path) -> None:
    rows = table(Edition.E2021, Section.REQUESTS).rows
    body = []
    for i, row in enumerate(rows):
        label = row.label if len(row.label) < 12 else row.label[:8] + "<br>" + row.label[8:]
        values = _ROWS.get(row.key, [0] * 7)
        body.append("<tr>" + _td(label, 3) + "".join(_td(_number(v, i)) for v in values) + "</tr>")
    half = len(body) // 2
    page = (
        "<html xmlns:o='urn:schemas-microsoft-com:office:office'><head><meta charset='utf-8'>"
        "</head><body><p class=MsoNormal>某市人民政府办公室2022年政府信息公开工作年度报告</p>"
        "<p class=MsoNormal>三、收到和处理政府信息公开申请情况</p>"
        f"<table class=MsoNormalTable border=1>{_HEAD}{''.join(body[:half])}</table>"
        "<p class=MsoNormal align=center>— 5 —</p>"
        f"<table class=MsoNormalTable border=1>{_HEAD}{''.join(body[half:])}</table>"
        "</body></html>"
    )
    path = tmp_path / "report.htm"
    path.write_text(page, encoding="utf-8")
    extraction = extract_file(path)
    requests = extraction.report.requests
    assert not extraction.report.ambiguous
    for row in rows:
        want = _ROWS.get(row.key, [0] * 7)
        assert list(requests[row.key].values()) == want, row.key
