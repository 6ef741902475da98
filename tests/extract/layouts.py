"""Lay a report out as a document, in each of the layouts real reports arrive in.

The tables are built as rows of cells in the national format (headers, group labels, row labels,
values); a layout then writes those rows as markdown, tab-separated rows, one cell per tab-indented
line, run-together plain text, space-separated text, or one cell per plain line.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

from gongkai.report.document import Report, Value
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

Table = list[list[str]]


def cell(value: Value, blank: str = "") -> str:
    if value is None:
        return blank
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    return str(value)


def proactive_rows(report: Report, edition: Edition | None = None) -> Table:
    edition = edition or report.edition_of(Section.PROACTIVE)
    grid = table(edition, Section.PROACTIVE)
    rows: Table = []
    group = ""
    for row in grid.rows:
        if row.group != group:
            group = row.group
            rows.append([group] + [""] * len(row.columns))
            rows.append(["信息内容", *(c.label for c in row.columns)])
        values = report.proactive.get(row.key, {})
        rows.append([row.label, *(cell(values.get(c.key)) for c in row.columns)])
    return rows


def requests_rows(report: Report) -> Table:
    grid = table(report.edition_of(Section.REQUESTS), Section.REQUESTS)
    rows: Table = [
        ["（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", "申请人情况"],
        ["", "自然人", "法人或其他组织", "", "", "", "", "总计"],
        ["", "", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", ""],
    ]
    group = ""
    for row in grid.rows:
        values = report.requests.get(row.key, {})
        cells = [cell(values.get(c.key)) for c in row.columns]
        head = [row.group if row.group != group else "", row.label] if row.group else [row.label]
        group = row.group
        rows.append([*head, *cells])
    return rows


def appeals_rows(report: Report) -> Table:
    grid = table(report.edition_of(Section.APPEALS), Section.APPEALS)
    labels = [c.label for c in grid.rows[0].columns]
    values = [
        cell(report.appeals.get(row.key, {}).get(c.key)) for row in grid.rows for c in row.columns
    ]
    return [
        ["行政复议", "", "", "", "", "行政诉讼"],
        [*labels, "未经复议直接起诉", "", "", "", "", "复议后起诉"],
        ["", "", "", "", "", *labels, *labels],
        values,
    ]


def markdown(rows: Table) -> str:
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        padded = row + [""] * (width - len(row))
        lines.append("| " + " | ".join(padded) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def tsv(rows: Table) -> str:
    return "\n".join("\t".join(row) for row in rows)


def tabcells(rows: Table) -> str:
    return "\n\n".join("\n".join("\t" + c for c in row) for row in rows)


def run_together(rows: Table) -> str:
    return "\n".join("".join(row) for row in rows)


def spaced(rows: Table) -> str:
    return "\n".join("  ".join(c if c else "—" for c in row) for row in rows)


def cell_lines(rows: Table) -> str:
    return "\n".join(c for row in rows for c in row if c)


def html_table(rows: Table) -> str:
    cells = ("".join(f"<td>{c or '&nbsp;'}</td>" for c in row) for row in rows)
    body = "\n".join(f"  <tr>\n    {c}\n  </tr>" for c in cells)
    return f'<table border="1">\n{body}\n</table>'


def paragraphs(rows: Table) -> str:
    return "\n\n".join(c for row in rows for c in row if c)


LAYOUTS: dict[str, Callable[[Table], str]] = {
    "markdown": markdown,
    "tsv": tsv,
    "tabcells": tabcells,
    "run_together": run_together,
    "spaced": spaced,
    "cell_lines": cell_lines,
    "paragraphs": paragraphs,
    "html": html_table,
}
#: Layouts whose cell boundaries survive: extraction must read them exactly.
EXACT = ("markdown", "tsv", "tabcells", "spaced", "html")


def one_line(report: Report, layout: Callable[[Table], str] = run_together) -> str:
    """The whole page on one line, as some web pages are saved."""
    return " ".join(document(report, layout).split("\n"))


def document(report: Report, layout: Callable[[Table], str]) -> str:
    parts = [
        report.agency or "",
        f"{report.year}年政府信息公开工作年度报告",
        "一、总体情况",
        f"{report.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。",
        "二、主动公开政府信息情况",
        layout(proactive_rows(report)),
        "三、收到和处理政府信息公开申请情况",
        layout(requests_rows(report)),
        "四、政府信息公开行政复议、行政诉讼情况",
        layout(appeals_rows(report)),
        "五、存在的主要问题及改进情况",
        "一是公开内容还不够全面；二是形式比较单一。",
        "六、其他需要报告的事项",
        "无。",
    ]
    return "\n\n".join(parts) + "\n"
