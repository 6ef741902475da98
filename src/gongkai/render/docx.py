"""The report as a 公文-style Word file (GB/T 9704-2012), through `gongkai.documents`' parts: its
page setup, paragraph styles (title 小标宋, body 仿宋, headings 黑体), page numbers «— 1 —» in the
footers and the font table's fallbacks. Only the tables are built here, because the national
format merges body cells too (三、本年度办理结果 › （三）不予公开 › …)."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.table import _Cell

from gongkai.documents.style import DEFAULT_STYLE, DocumentStyle
from gongkai.documents.word_parts import add_page_numbers, with_font_table
from gongkai.documents.word_styles import StyleName, add_styles
from gongkai.render.columns import widths_mm
from gongkai.render.text import parts, title, title_lines
from gongkai.report.document import Report
from gongkai.report.layout import Cell, Printed


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
    rows = (*printed.head, *printed.body)
    out = doc.add_table(rows=len(rows), cols=printed.columns)
    out.style = doc.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    type_area = style.page.width_mm - style.page.left_mm - style.page.right_mm
    widths = [Mm(w) for w in widths_mm(printed, type_area)]
    # The grid of cells, taken once: python-docx's `table.cell(r, c)` walks the whole table.
    grid = [list(row.cells) for row in out.rows]
    for row in grid:
        for target, width in zip(row, widths, strict=True):
            target.width = width
    style_id = doc.styles[StyleName.TABLE.value].style_id
    for r in range(len(printed.head)):  # the header rows repeat on every page
        out.rows[r]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    taken: set[tuple[int, int]] = set()
    for r, row_cells in enumerate(rows):
        c = 0
        for cell in row_cells:
            while (r, c) in taken:
                c += 1
            target = grid[r][c]
            if cell.rows > 1 or cell.cols > 1:
                target = target.merge(grid[r + cell.rows - 1][c + cell.cols - 1])
            _fill(target, cell, style_id)
            taken.update((r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.cols))
            c += cell.cols


def _fill(target: _Cell, cell: Cell, style_id: str) -> None:
    paragraph = target.paragraphs[0]
    paragraph._p.style = style_id  # by id: setting it by name looks the style up every time
    if cell.is_value or cell.header in ("col", "colgroup"):
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    else:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    if cell.text:
        paragraph.add_run(cell.text)
    target.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
