"""The report as Markdown: headings, prose paragraphs, pipe tables with merged cells expanded
(the merged text in the first position, covered positions empty)."""

from __future__ import annotations

from gongkai.render.text import parts, title
from gongkai.report.document import Report
from gongkai.report.layout import Printed


def render_markdown(report: Report, previous: Report | None = None) -> bytes:
    return markdown(report).encode("utf-8")


def markdown(report: Report) -> str:
    heading = title(report)
    out = [f"{heading}\n{'=' * len(heading) * 2}"]  # a Setext heading: the title line stays plain
    for part in parts(report):
        out.append(f"## {part.heading}")
        out.extend(_escape(p) for p in part.prose)
        if part.table is not None:
            for printed in part.table.printed:
                out.append(_table(printed, part.heading))
    return "\n\n".join(out) + "\n"


def _table(printed: Printed, heading: str) -> str:
    rows = printed.grid()
    lines: list[str] = [] if printed.caption in heading else [printed.caption, ""]
    for i, row in enumerate(rows):
        lines.append("| " + " | ".join(_escape(c) for c in row) + " |")
        if i == 0:
            lines.append("|" + "---|" * len(row))
    return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace("|", "\\|")
