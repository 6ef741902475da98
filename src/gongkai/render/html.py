"""The report as one standalone, accessible web page: lang="zh-CN", every table with a <caption>,
header cells with `scope`, real rowspan/colspan, inline SVG charts, and print CSS (the 公文 page of
`gongkai.documents.css`, so the PDF writer prints this very page)."""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from gongkai.documents.css import stylesheet
from gongkai.documents.style import DEFAULT_STYLE
from gongkai.render.charts import Chart, charts
from gongkai.render.columns import widths_mm
from gongkai.render.text import parts, title, title_lines
from gongkai.report.document import Report
from gongkai.report.layout import Cell, Printed

CHARTS_HEADING = "附：图表"
TYPE_AREA_MM = (
    DEFAULT_STYLE.page.width_mm - DEFAULT_STYLE.page.left_mm - DEFAULT_STYLE.page.right_mm
)
_SCREEN = """
@media screen {
  body { max-width: 60em; margin: 2em auto; padding: 0 1em; font-size: 16px; line-height: 1.7; }
  h1.title { font-size: 1.6em; line-height: 1.4; }
  h2 { text-indent: 0; margin: 1.5em 0 0.5em; }
  table { font-size: 14px; line-height: 1.5; }
  .table-wrap { overflow-x: auto; }
}
table { table-layout: fixed; }
caption { break-after: avoid; }
h2 { break-after: avoid; }
td.right { white-space: nowrap; overflow-wrap: normal; }
td.note { font-size: 0.85em; text-align: left; }
th[scope="row"], th[scope="rowgroup"] { text-align: left; }
caption.for-screen-readers {
  position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0);
  white-space: nowrap;
}
figure { margin: 1em 0; break-inside: avoid; }
svg.chart { max-width: 100%; height: auto; font-family: inherit; }
@media print {
  .table-wrap { overflow: visible; }
  table { font-size: 10.5pt; line-height: 14pt; }  /* 五号: see gongkai.render.columns */
  td.right { padding: 2pt; }
  caption.for-screen-readers { display: none; }  /* on paper the heading above says it */
}
"""


def render_html(report: Report, previous: Report | None = None) -> bytes:
    return page(report, previous).encode("utf-8")


def page(report: Report, previous: Report | None = None, installed: Collection[str] = ()) -> str:
    """The whole page; `installed` are the font families present (for the PDF's weights)."""
    heading = title(report)
    figures = _figures(charts(report, previous))
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(heading)}</title>",
        f"<style>{stylesheet(DEFAULT_STYLE, installed)}{_SCREEN}</style>",
        "</head><body><main>",
        f'<h1 class="title">{"<br>".join(_title_line(line) for line in title_lines(report))}</h1>',
    ]
    for part in parts(report):
        out.append(f'<section aria-labelledby="s{part.number}">')
        out.append(f'<h2 id="s{part.number}">{escape(part.heading)}</h2>')
        out.extend(f'<p class="indent">{escape(p)}</p>' for p in part.prose)
        if part.table is not None:
            out.extend(_table(p, p.caption in part.heading) for p in part.table.printed)
        out.append("</section>")
    # The charts follow the six sections: beside a table, their labels and numbers would read
    # as more rows of it. An <aside>, which readers of reports (ours too) leave out as page
    # furniture, so the charts' words do not read back as the prose of section 六.
    out.append('<aside class="charts" aria-labelledby="charts">')
    out.append(f'<h2 id="charts">{CHARTS_HEADING}</h2>')
    out.extend(figures)
    out.append("</aside>")
    out.append("</main></body></html>")
    return "\n".join(out)


def _title_line(line: str) -> str:
    """A title line that would wrap at 小标宋 2号 (22 pt) is set smaller: a long agency name
    broken over two lines reads back as two names."""
    room = TYPE_AREA_MM * 72 / 25.4 - 8  # points
    if len(line) * DEFAULT_STYLE.title_pt <= room:
        return escape(line)
    return f'<span style="font-size: {room / len(line):.1f}pt">{escape(line)}</span>'


def _figures(items: list[Chart]) -> list[str]:
    return [
        f'<figure aria-label="{escape(c.title)}">{c.svg(f"chart{i}")}</figure>'
        for i, c in enumerate(items, start=1)
    ]


def _table(printed: Printed, repeats_heading: bool) -> str:
    """A caption that only repeats the section's heading is there for screen readers alone."""
    hidden = ' class="for-screen-readers"' if repeats_heading else ""
    out = [
        '<div class="table-wrap"><table>',
        f"<caption{hidden}>{escape(printed.caption)}</caption>",
    ]
    widths = widths_mm(printed, TYPE_AREA_MM)
    out.append("<colgroup>")
    out.extend(f'<col style="width: {w / sum(widths) * 100:.2f}%">' for w in widths)
    out.append("</colgroup>")
    out.append("<thead>")
    out.extend(f"<tr>{''.join(_cell(c) for c in row)}</tr>" for row in printed.head)
    out.append("</thead><tbody>")
    out.extend(f"<tr>{''.join(_cell(c) for c in row)}</tr>" for row in printed.body)
    out.append("</tbody></table></div>")
    return "".join(out)


def _cell(cell: Cell) -> str:
    span = ""
    if cell.rows > 1:
        span += f' rowspan="{cell.rows}"'
    if cell.cols > 1:
        span += f' colspan="{cell.cols}"'
    text = escape(cell.text)
    if cell.header:
        return f'<th scope="{cell.header}"{span}>{text}</th>'
    if cell.is_value:
        return f'<td class="right"{span}>{text}</td>'
    return f'<td class="note"{span}>{text}</td>'
