"""The report as html (being written)."""

from __future__ import annotations

from gongkai.render.errors import RenderError
from gongkai.report.document import Report


def render_html(report: Report, previous: Report | None = None) -> bytes:
    raise RenderError("该格式尚未实现")
