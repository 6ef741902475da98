"""Charts as inline SVG written here (no JavaScript, no chart library): the outcome breakdown,
the applicant types, and the year on year comparison when last year's report is given.

Each chart is a horizontal bar chart with its numbers printed beside the bars, a <title> and a
<desc> for screen readers; a blank cell counts as 0 in a chart (the tables keep it blank).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from gongkai.documents.fonts import DEFAULT_FONTS
from gongkai.report.document import Report
from gongkai.report.editions import APPLICANT_COLUMNS, DENIED, OTHER, REJECTED, UNABLE
from gongkai.report.grid import Section

_WIDTH = 640
_LABEL = 150
_BAR = 18
_GAP = 10
#: The body's faces with their Noto CJK fallback: left to itself a renderer may draw Chinese
#: labels in a Japanese face.
#: (An SVG attribute takes the names unquoted; WeasyPrint hands the list to Pango as it is.)
_FONT = escape(",".join((*DEFAULT_FONTS.body.families, DEFAULT_FONTS.body.generic)), quote=True)
_COLOURS = ("#1f5f99", "#b5b5b5")  # this year, last year (print well in grey too)


@dataclass(frozen=True)
class Chart:
    title: str
    bars: tuple[tuple[str, tuple[int, ...]], ...]  # label, one value per series
    series: tuple[str, ...] = ()  # legend, when there is more than one series

    def svg(self, ident: str = "chart") -> str:
        """The chart as an <svg> element; `ident` makes its ids unique on the page."""
        return _svg(self, ident)


def charts(report: Report, previous: Report | None = None) -> list[Chart]:
    out = [outcomes(report), applicants(report)]
    if previous is not None:
        out.append(year_on_year(report, previous))
    return out


def _count(report: Report, section: Section, row: str, col: str = "total") -> int:
    value = report.rows(section).get(row, {}).get(col)
    return int(value or 0)


def outcomes(report: Report) -> Chart:
    grid = report.table(Section.REQUESTS)
    groups: dict[str, int] = {}
    for row in grid.rows if grid else ():
        if not row.group:
            continue
        if row.group in (DENIED, UNABLE, REJECTED, OTHER):
            name = row.group[3:]
        elif row.key == "total_processed":
            continue
        else:
            name = row.label[3:].split("（")[0]
        groups[name] = groups.get(name, 0) + _count(report, Section.REQUESTS, row.key)
    return Chart("本年度办理结果", tuple((k, (v,)) for k, v in groups.items()))


def applicants(report: Report) -> Chart:
    """自然人 and the five kinds of 法人或其他组织, by new applications."""
    bars = tuple(
        (col.label, (_count(report, Section.REQUESTS, "new_received", col.key),))
        for col in APPLICANT_COLUMNS[:-1]
    )
    return Chart("本年新收申请的申请人类型（自然人；法人或其他组织：商业企业至其他）", bars)


def _measures(report: Report) -> list[tuple[str, int]]:
    litigation = sum(
        _count(report, Section.APPEALS, key)
        for key in ("litigation_direct", "litigation_after_reconsideration")
    )
    return [
        ("本年新收申请", _count(report, Section.REQUESTS, "new_received")),
        ("办理结果总计", _count(report, Section.REQUESTS, "total_processed")),
        ("予以公开", _count(report, Section.REQUESTS, "granted")),
        ("行政复议", _count(report, Section.APPEALS, "reconsideration")),
        ("行政诉讼", litigation),
    ]


def year_on_year(report: Report, previous: Report) -> Chart:
    now, before = _measures(report), _measures(previous)
    bars = tuple((label, (a, b)) for (label, a), (_, b) in zip(now, before, strict=True))
    series = (f"{report.year or '本'}年", f"{previous.year or '上'}年")
    return Chart("与上年比较", bars, series)


def _svg(chart: Chart, ident: str) -> str:
    n = max(1, len(chart.series))
    legend = 24 if n > 1 else 0
    row_height = n * _BAR + _GAP
    height = 36 + legend + row_height * len(chart.bars)
    peak = max((v for _, values in chart.bars for v in values), default=0) or 1
    room = _WIDTH - _LABEL - 70
    title = escape(chart.title)
    desc = "；".join(
        f"{label} " + "、".join(f"{s} {v}" if chart.series else str(v) for s, v in _pair(chart, vs))
        for label, vs in chart.bars
    )
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 {_WIDTH} {height}" '
        f'width="{_WIDTH}" height="{height}" class="chart" font-family="{_FONT}" '
        f'aria-labelledby="{ident}-t {ident}-d">',
        f'<title id="{ident}-t">{title}</title><desc id="{ident}-d">{escape(desc)}</desc>',
        f'<text x="0" y="20" class="chart-title" font-size="16">{title}</text>',
    ]
    y = 36
    if n > 1:
        x = _LABEL
        for i, name in enumerate(chart.series):
            out.append(f'<rect x="{x}" y="{y}" width="14" height="14" fill="{_COLOURS[i]}"/>')
            out.append(f'<text x="{x + 20}" y="{y + 12}" font-size="13">{escape(name)}</text>')
            x += 110
        y += legend
    for label, values in chart.bars:
        mid = y + n * _BAR / 2 + 5
        out.append(
            f'<text x="{_LABEL - 8}" y="{mid:.0f}" text-anchor="end" font-size="13">'
            f"{escape(label)}</text>"
        )
        for i, value in enumerate(values):
            width = room * value / peak
            top = y + i * _BAR
            out.append(
                f'<rect x="{_LABEL}" y="{top}" width="{width:.1f}" height="{_BAR - 3}" '
                f'fill="{_COLOURS[i % 2]}"/>'
            )
            out.append(
                f'<text x="{_LABEL + width + 5:.1f}" y="{top + _BAR - 6}" font-size="12">'
                f"{value}</text>"
            )
        y += row_height
    out.append("</svg>")
    return "".join(out)


def _pair(chart: Chart, values: tuple[int, ...]) -> list[tuple[str, int]]:
    names = chart.series or ("",) * len(values)
    return list(zip(names, values, strict=True))
