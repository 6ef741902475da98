"""A report written as a file fast enough for 20,000 of them: a plain-text page (tables as
tab-separated or pipe rows) and a portal's HTML page (real tables, merged header and label cells).

The tables come from `gongkai.report.layout` (the national layout every renderer prints). Laying a
report out takes a couple of milliseconds, so each edition's tables are laid out once with a marker
in every value cell, cut at the markers into a template, and each report fills the template with
its own numbers.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from html import escape

from gongkai.render.text import heading
from gongkai.report.document import Report, Value
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section
from gongkai.report.layout import Cell, Printed, layout, number_text

_MARK = re.compile(r"⟦([a-z_.0-9]+)⟧")


@dataclass(frozen=True)
class Template:
    """Literal text with one slot per value cell: literals[0] slot[0] literals[1] … literals[-1]."""

    literals: tuple[str, ...]
    slots: tuple[tuple[str, str, str], ...]  # (section, row, column) of each value cell

    def fill(self, report: Report) -> str:
        out = [self.literals[0]]
        empty: dict[str, Value] = {}
        for (section, row, col), literal in zip(self.slots, self.literals[1:], strict=True):
            value = getattr(report, section).get(row, empty).get(col)
            out.append(
                "" if value is None else str(value) if type(value) is int else number_text(value)
            )
            out.append(literal)
        return "".join(out)


def _template(text: str) -> Template:
    parts = _MARK.split(text)
    slots = tuple(tuple(path.split(".")) for path in parts[1::2])
    return Template(tuple(parts[0::2]), slots)


def _marked(edition: Edition) -> Report:
    report = Report(edition=edition)
    for section in Section:
        rows = report.rows(section)
        for row, col in table(edition, section).cells():
            rows.setdefault(row.key, {})[col.key] = f"⟦{section.value}.{row.key}.{col.key}⟧"  # type: ignore[assignment]
    return report


TableStyle = Callable[[Printed], str]


def tsv(printed: Printed) -> str:
    return "\n".join("\t".join(row) for row in printed.grid())


def pipes(printed: Printed) -> str:
    rows = printed.grid()
    lines = ["| " + " | ".join(row) + " |" for row in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    return "\n".join(lines)


def html_table(printed: Printed) -> str:
    out = ['<table border="1" cellspacing="0" cellpadding="0" style="width:100%">']
    out.extend(
        f"<tr>{''.join(_cell(c) for c in row)}</tr>" for row in (*printed.head, *printed.body)
    )
    out.append("</table>")
    return "\n".join(out)


def _cell(cell: Cell) -> str:
    span = (f' rowspan="{cell.rows}"' if cell.rows > 1 else "") + (
        f' colspan="{cell.cols}"' if cell.cols > 1 else ""
    )
    text = cell.text if cell.is_value else escape(cell.text)
    return f'<td{span}><p style="text-align:center">{text}</p></td>'


STYLES: dict[str, TableStyle] = {"tsv": tsv, "pipes": pipes, "html": html_table}


@cache
def tables(edition: Edition, style: str) -> dict[int, tuple[Template, ...]]:
    """Section number → the templates of its printed tables, in `style`."""
    write = STYLES[style]
    out: dict[int, tuple[Template, ...]] = {}
    for laid in layout(_marked(edition)):
        out[laid.grid.section.number] = tuple(
            _template(f"{p.caption}\n{write(p)}" if style != "html" else _html(p, write))
            for p in laid.printed
        )
    return out


def _html(printed: Printed, write: TableStyle) -> str:
    return f"<p><strong>{escape(printed.caption)}</strong></p>\n{write(printed)}"


@dataclass(frozen=True)
class Page:
    """What a file prints besides the tables."""

    title: tuple[str, ...]  # one or two lines
    published: str  # 「2023-01-18」
    prose: dict[int, list[str]]  # section → paragraphs


def text_page(report: Report, page: Page, style: str = "tsv") -> str:
    grids = tables(report.edition, style)
    out = [*page.title, f"发布时间：{page.published}", ""]
    for number in range(1, 7):
        out.append(heading(number))
        if number in grids:
            out.extend(t.fill(report) for t in grids[number])
        else:
            out.extend(page.prose.get(number) or ["无。"])
        out.append("")
    return "\n".join(out)


def html_page(report: Report, page: Page, charset: str = "utf-8") -> str:
    grids = tables(report.edition, "html")
    title = "".join(page.title)
    out = [
        "<!DOCTYPE html>",
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}">',
        f"<title>{escape(title)}</title></head><body>",
        '<div class="crumb">首页 &gt; 政务公开 &gt; 政府信息公开年报</div>',
        f'<div class="article"><h1>{"<br>".join(escape(t) for t in page.title)}</h1>',
        f'<div class="info">发布时间：{page.published}</div>',
        '<div class="content">',
    ]
    for number in range(1, 7):
        out.append(f"<p><strong>{escape(heading(number))}</strong></p>")
        if number in grids:
            out.extend(t.fill(report) for t in grids[number])
        else:
            out.extend(f"<p>{escape(p)}</p>" for p in page.prose.get(number) or ["无。"])
    out.append('</div></div><div class="footer">主办单位：本机关 版权所有</div></body></html>')
    return "\n".join(out)
