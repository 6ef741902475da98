"""A `Document` as DOCX (python-docx, MIT): A4 with GB/T 9704-2012 margins, the 公文 styles, page
numbers in the footers and the font table's fallbacks."""

from __future__ import annotations

import io

import docx
from docx.document import Document as DocxDocument
from docx.shared import Mm, Pt

from gongkai.documents.model import Block, Document, Heading, Paragraph, Signature
from gongkai.documents.style import DEFAULT_STYLE, DocumentStyle
from gongkai.documents.word_parts import add_page_numbers, with_font_table
from gongkai.documents.word_styles import StyleName, add_styles
from gongkai.documents.word_table import ALIGN, add_table


def document_docx(document: Document, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    """The DOCX of `document`."""
    doc = docx.Document()
    _page_setup(doc, style)
    add_styles(doc, style)
    add_page_numbers(doc, doc.sections[0], style)
    doc.core_properties.title = document.title
    doc.core_properties.language = "zh-CN"
    body = doc.paragraphs[0] if doc.paragraphs else None
    if body is not None:  # python-docx's template starts empty; keep it so
        body._p.getparent().remove(body._p)
    doc.add_paragraph(document.title, style=StyleName.TITLE.value)
    if document.number:
        doc.add_paragraph(document.number, style=StyleName.NUMBER.value)
    for block in document.blocks:
        _block(doc, block, style)
    out = io.BytesIO()
    doc.save(out)
    return with_font_table(out.getvalue(), style.fonts)


def _page_setup(doc: DocxDocument, style: DocumentStyle) -> None:
    page = style.page
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(page.width_mm), Mm(page.height_mm)
    section.top_margin, section.bottom_margin = Mm(page.top_mm), Mm(page.bottom_mm)
    section.left_margin, section.right_margin = Mm(page.left_mm), Mm(page.right_mm)


def _block(doc: DocxDocument, block: Block, style: DocumentStyle) -> None:
    if isinstance(block, Paragraph):
        paragraph = doc.add_paragraph(block.text, style=StyleName.BODY.value)
        paragraph.alignment = ALIGN[block.align]
        if not block.indent:
            paragraph.paragraph_format.first_line_indent = Pt(0)
    elif isinstance(block, Heading):
        name = StyleName.HEADING1 if block.level == 1 else StyleName.HEADING2
        doc.add_paragraph(block.text, style=name.value)
    elif isinstance(block, Signature):
        for i, line in enumerate(block.lines):
            paragraph = doc.add_paragraph(line, style=StyleName.SIGNATURE.value)
            if i == 0:
                paragraph.paragraph_format.space_before = Pt(style.line_pt * 2)
    else:
        add_table(doc, block, style)
