"""A report written the way portals and Word lay it out: the national tables with merged header
and label cells, as an HTML page (plain or Word-exported) and as a DOCX. Made from known values so
a reader's result can be compared cell for cell."""

from __future__ import annotations

import io
from dataclasses import dataclass
from html import escape

from gongkai.report import Report
from gongkai.report.grid import Row, Section

_REQUEST_COLUMNS = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
_APPEAL_COLUMNS = ("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")
_RESULTS = "三、本年度办理结果"


@dataclass(frozen=True)
class Cell:
    text: str
    rows: int = 1
    cols: int = 1


Grid = list[list[Cell]]
Block = str | Grid


def blocks(report: Report) -> list[Block]:
    """The report as paragraphs and tables, in reading order."""
    return [
        f"{report.agency}{report.year}年政府信息公开工作年度报告",
        "一、总体情况",
        f"{report.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "二、主动公开政府信息情况",
        _proactive(report),
        "三、收到和处理政府信息公开申请情况",
        _requests(report),
        "四、政府信息公开行政复议、行政诉讼情况",
        _appeals(report),
        "五、存在的主要问题及改进情况",
        "公开形式比较单一。",
        "六、其他需要报告的事项",
        "无。",
    ]


def _values(report: Report, section: Section, row: Row) -> list[Cell]:
    values = report.rows(section).get(row.key, {})
    out = []
    for column in row.columns:
        value = values.get(column.key)
        out.append(Cell("" if value is None else str(value)))
    return out


def _proactive(report: Report) -> Grid:
    grid = report.table(Section.PROACTIVE)
    assert grid is not None
    out: Grid = []
    group = None
    for row in grid.rows:
        if row.group != group:
            group = row.group
            out.append([Cell(row.group, cols=4)])
            labels = [Cell(c.label) for c in row.columns]
            labels[-1] = Cell(labels[-1].text, cols=4 - len(row.columns))
            out.append([Cell("信息内容"), *labels])
        values = _values(report, Section.PROACTIVE, row)
        values[-1] = Cell(values[-1].text, cols=4 - len(row.columns))
        out.append([Cell(row.label), *values])
    return out


def _requests(report: Report) -> Grid:
    grid = report.table(Section.REQUESTS)
    assert grid is not None
    out: Grid = [
        [Cell("", rows=3, cols=3), Cell("申请人情况", cols=7)],
        [Cell("自然人", rows=2), Cell("法人或其他组织", cols=5), Cell("总计", rows=2)],
        [Cell(label) for label in _REQUEST_COLUMNS],
    ]
    in_results = [r for r in grid.rows if r.group]
    seen: set[str] = set()
    for row in grid.rows:
        values = _values(report, Section.REQUESTS, row)
        if not row.group:
            out.append([Cell(row.label, cols=3), *values])
            continue
        labels = []
        if _RESULTS not in seen:
            seen.add(_RESULTS)
            labels.append(Cell(_RESULTS, rows=len(in_results)))
        if row.group == _RESULTS:
            labels.append(Cell(row.label, cols=2))
        else:
            if row.group not in seen:
                seen.add(row.group)
                labels.append(Cell(row.group, rows=sum(r.group == row.group for r in grid.rows)))
            labels.append(Cell(row.label))
        out.append([*labels, *values])
    return out


def _appeals(report: Report) -> Grid:
    grid = report.table(Section.APPEALS)
    assert grid is not None
    values = [cell for row in grid.rows for cell in _values(report, Section.APPEALS, row)]
    return [
        [Cell("行政复议", cols=5), Cell("行政诉讼", cols=10)],
        [
            *(Cell(label, rows=2) for label in _APPEAL_COLUMNS),
            Cell("未经复议直接起诉", cols=5),
            Cell("复议后起诉", cols=5),
        ],
        [Cell(label) for label in _APPEAL_COLUMNS * 2],
        values,
    ]


def _word_runs(text: str, *, cell: bool = False) -> str:
    """Text as Word exports it: a `<span>` (and `<font>`) per character run, digits apart."""
    if not text:
        return "<p class=MsoNormal><span lang=EN-US>&nbsp;<o:p></o:p></span></p>"
    runs = []
    for i, char in enumerate(text):
        inner = escape(char)
        if char.isdigit():
            inner = f"<font face='Times New Roman'>{inner}</font>"
        runs.append(f"<span style='font-size:10.5pt;font-family:仿宋_GB2312'\n>{inner}</span>")
        if cell and i == 4 and len(text) > 12:
            runs.append("<br>")
    return f"<p class=MsoNormal align=center style='text-align:center'>{''.join(runs)}</p>"


def html(report: Report, *, charset: str | None = "utf-8", word: bool = False) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    head = (
        "<!DOCTYPE html><html><head>"
        f"{meta}<title>栖霞区人民政府 - 年报</title>"
        "<style>td { border: 1px solid; } p.MsoNormal { margin: 0 }</style>"
        "<script>var x = '<table><tr><td>1</td></tr></table>';</script>"
        "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
        "</head><body><div class='nav'>首页 &gt; 政务公开</div>"
    )
    out = [head]
    for block in blocks(report):
        if isinstance(block, str):
            text = _word_runs(block) if word else f"<p>{escape(block)}</p>"
            out.append(text)
            continue
        out.append("<table border=1 cellspacing=0>\n")
        for row in block:
            out.append("<tr>")
            for cell in row:
                span = (f' rowspan="{cell.rows}"' if cell.rows > 1 else "") + (
                    f" colspan={cell.cols}" if cell.cols > 1 else ""
                )
                text = _word_runs(cell.text, cell=True) if word else escape(cell.text) or "&nbsp;"
                out.append(f"<td{span}>{text}</td>\n")
            out.append("</tr>\n")
        out.append("</table>")
    out.append("<div>版权所有</div><script>document.write('x')</script></body></html>")
    return "".join(out)


def _placed(grid: Grid) -> list[tuple[int, int, Cell]]:
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(grid):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            taken.update((r + i, c + j) for i in range(cell.rows) for j in range(cell.cols))
            out.append((r, c, cell))
            c += cell.cols
    return out


def docx(report: Report) -> bytes:
    from docx import Document

    doc = Document()
    for block in blocks(report):
        if isinstance(block, str):
            doc.add_paragraph(block)
            continue
        placed = _placed(block)
        width = max(c + cell.cols for _, c, cell in placed)
        table = doc.add_table(rows=len(block), cols=width)
        for r, c, cell in placed:
            target = table.cell(r, c)
            if cell.rows > 1 or cell.cols > 1:
                target = target.merge(table.cell(r + cell.rows - 1, c + cell.cols - 1))
            target.text = cell.text
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
