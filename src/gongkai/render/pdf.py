"""The report as pdf (being written)."""

from __future__ import annotations

from gongkai.render.errors import RenderError
from gongkai.report.document import Report


def render_pdf(report: Report, previous: Report | None = None) -> bytes:
    raise RenderError("该格式尚未实现")
