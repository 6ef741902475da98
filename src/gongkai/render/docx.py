"""The report as a 公文-style Word file (GB/T 9704-2012), through `gongkai.documents`' parts: its
page setup, paragraph styles (title 小标宋, body 仿宋, headings 黑体), page numbers «— 1 —» in the
footers and the font table's fallbacks. Only the tables are built here (`docx_table`), because the
national format merges body cells too (三、本年度办理结果 › （三）不予公开 › …)."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.shared import Mm

from gongkai.documents.style import DEFAULT_STYLE, DocumentStyle
from gongkai.documents.word_parts import add_page_numbers, with_font_table
from gongkai.documents.word_styles import StyleName, add_styles
from gongkai.render.columns import widths_mm
from gongkai.render.docx_table import table_xml
from gongkai.render.text import parts, title, title_lines
from gongkai.report.document import Report
from gongkai.report.layout import Printed


def render_docx(report: Report, previous: Report | None = None) -> bytes:
    return report_docx(report)


def report_docx(report: Report, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    doc = docx.Document()
    _page_setup(doc, style)
    add_styles(doc, style)
    add_page_numbers(doc, doc.sections[0], style)
    heading = title(report)
    doc.core_properties.title = heading
    doc.core_properties.language = "zh-CN"
    for empty in list(doc.paragraphs):  # python-docx's template starts with none; keep it so
        empty._p.getparent().remove(empty._p)
    title_paragraph = doc.add_paragraph(style=StyleName.TITLE.value)
    for i, line in enumerate(title_lines(report)):
        run = title_paragraph.add_run(line)
        if i + 1 < len(title_lines(report)):
            run.add_break()
    for part in parts(report):
        doc.add_paragraph(part.heading, style=StyleName.HEADING1.value)
        for paragraph in part.prose:
            doc.add_paragraph(paragraph, style=StyleName.BODY.value)
        if part.table is not None:
            for printed in part.table.printed:
                if printed.caption not in part.heading:
                    doc.add_paragraph(printed.caption, style=StyleName.CAPTION.value)
                _table(doc, printed, style)
    out = io.BytesIO()
    doc.save(out)
    return with_font_table(out.getvalue(), style.fonts)


def _page_setup(doc: DocxDocument, style: DocumentStyle) -> None:
    page, section = style.page, doc.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)


def _table(doc: DocxDocument, printed: Printed, style: DocumentStyle) -> None:
    type_area = style.page.width_mm - style.page.left_mm - style.page.right_mm
    text_style = doc.styles[StyleName.TABLE.value].style_id
    grid_style = doc.styles["Table Grid"].style_id
    element = table_xml(printed, widths_mm(printed, type_area), text_style, grid_style)
    body = doc.element.body
    body.insert(len(body) - 1, element)  # before the closing section properties
