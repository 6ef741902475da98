"""The annual report written out: DOCX, PDF, HTML, Markdown and XLSX, in the national layout.

    render(report, Format.DOCX)                     # bytes
    render(report, Format.HTML, previous=last_year) # with the year-on-year chart

One `Report` feeds every writer; the tables come from `gongkai.report.layout` (merged headers,
the 勾稽关系 note, the 第二十条 sub-tables), the prose of sections 一, 五 and 六 from
`report.prose` (see `gongkai.render.prose` to read it from a PROSE.md file). A blank cell is
written empty and 0 as 0, in every format, so `gongkai extract` reads back the same cells.
"""

from __future__ import annotations

import enum
from collections.abc import Callable

from gongkai.render.errors import RenderError
from gongkai.report.document import Report
from gongkai.report.grid import Section


class Format(enum.StrEnum):
    DOCX = "docx"
    PDF = "pdf"
    HTML = "html"
    MD = "md"
    XLSX = "xlsx"

    @property
    def label(self) -> str:
        return {
            "docx": "Word 文档",
            "pdf": "PDF 文件",
            "html": "网页",
            "md": "Markdown 文本",
            "xlsx": "Excel 表格",
        }[self.value]

    @property
    def media_type(self) -> str:
        return {
            "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "pdf": "application/pdf",
            "html": "text/html; charset=utf-8",
            "md": "text/markdown; charset=utf-8",
            "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        }[self.value]

    @property
    def is_text(self) -> bool:
        return self in (Format.HTML, Format.MD)


Writer = Callable[[Report, Report | None], bytes]


def _writer(fmt: Format) -> Writer:
    # Imported on demand: WeasyPrint, python-docx and openpyxl are slow to import.
    if fmt is Format.MD:
        from gongkai.render.markdown import render_markdown

        return render_markdown
    if fmt is Format.HTML:
        from gongkai.render.html import render_html

        return render_html
    if fmt is Format.XLSX:
        from gongkai.render.xlsx import render_xlsx

        return render_xlsx
    if fmt is Format.DOCX:
        from gongkai.render.docx import render_docx

        return render_docx
    from gongkai.render.pdf import render_pdf

    return render_pdf


def render(report: Report, fmt: Format, *, previous: Report | None = None) -> bytes:
    """`report` written as `fmt`; `previous` (last year's report) adds the year-on-year chart.

    A `RenderError` (Chinese message) when the report has no national layout to print."""
    if any(report.table(section) is None for section in Section):
        raise RenderError("2019年以前的地方格式报告没有全国统一的表格，无法按全国格式生成")
    return _writer(Format(fmt))(report, previous)


def filename(report: Report, fmt: Format) -> str:
    """A download's file name: 「栖霞区人民政府办公室2020年政府信息公开工作年度报告.docx」."""
    from gongkai.render.text import title

    safe = "".join(ch for ch in title(report) if ch not in '\\/:*?"<>|' and ch.isprintable())
    return f"{safe}.{Format(fmt).value}"


__all__ = ["Format", "RenderError", "filename", "render"]
