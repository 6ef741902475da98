"""A `Table` in DOCX: merged header cells (repeated on every page), numbers right-aligned."""

from __future__ import annotations

from docx.document import Document as DocxDocument
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.shared import Mm
from docx.table import _Cell

from gongkai.documents.grid import layout, relative_widths
from gongkai.documents.model import Align, Table
from gongkai.documents.style import DocumentStyle
from gongkai.documents.word_styles import StyleName

ALIGN = {
    Align.LEFT: WD_ALIGN_PARAGRAPH.LEFT,
    Align.CENTER: WD_ALIGN_PARAGRAPH.CENTER,
    Align.RIGHT: WD_ALIGN_PARAGRAPH.RIGHT,
    Align.JUSTIFY: WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _fill(cell: _Cell, text: str, align: Align) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.style = StyleName.TABLE.value
    paragraph.alignment = ALIGN[align]
    if text:
        paragraph.add_run(text)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


def add_table(doc: DocxDocument, table: Table, style: DocumentStyle) -> None:
    grid = layout(table)
    if table.caption:
        doc.add_paragraph(table.caption, style=StyleName.CAPTION.value)
    out = doc.add_table(rows=grid.header_rows + len(table.rows), cols=grid.columns)
    out.style = doc.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    type_area = style.page.width_mm - style.page.left_mm - style.page.right_mm
    widths = [Mm(type_area * w) for w in relative_widths(table, grid.columns)]
    rows = out.rows
    for row in rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width
    for r in range(grid.header_rows):  # the header rows repeat on every page
        header = OxmlElement("w:tblHeader")
        rows[r]._tr.get_or_add_trPr().append(header)
    for placed in grid.placed:
        cell = out.cell(placed.row, placed.col)
        if placed.cell.rows > 1 or placed.cell.cols > 1:
            cell = cell.merge(out.cell(placed.last_row, placed.last_col))
        _fill(cell, placed.cell.text, Align.CENTER)
    for values, row in zip(table.rows, rows[grid.header_rows :], strict=True):
        for value, cell in zip(values, row.cells, strict=True):
            _fill(cell, value.text, value.alignment)
