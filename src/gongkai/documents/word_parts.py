"""The parts of a 公文 DOCX beyond its paragraphs: the page-number footers and the font table.

Page numbers (GB/T 9704-2012, 页码): 「— 1 —」 in 宋体 4号 as a PAGE field, 7 mm below the type
area, right-aligned on odd pages and left-aligned on even ones, one character in from the edge.
The font table names each official face's fallback as its alternative (`w:altName`).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import quoteattr

from docx.document import Document as DocxDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from gongkai.documents.fonts import Fonts
from gongkai.documents.style import POINTS_PER_MM, DocumentStyle, page_number
from gongkai.documents.word_styles import StyleName

FONT_TABLE = "word/fontTable.xml"
GB2312_CHARSET = "86"


def _field_char(paragraph: DocxParagraph, kind: str) -> None:
    node = OxmlElement("w:fldChar")
    node.set(qn("w:fldCharType"), kind)
    paragraph.add_run()._r.append(node)


def _field(paragraph: DocxParagraph, instruction: str, shown: str) -> None:
    """A field (`PAGE`) as Word writes it: begin, instruction, separate, last result, end."""
    _field_char(paragraph, "begin")
    node = OxmlElement("w:instrText")
    node.set(qn("xml:space"), "preserve")
    node.text = f" {instruction} "
    paragraph.add_run()._r.append(node)
    _field_char(paragraph, "separate")
    paragraph.add_run(shown)
    _field_char(paragraph, "end")


def _page_number(paragraph: DocxParagraph) -> None:
    before, after = page_number("|").split("|")
    paragraph.add_run(before)
    _field(paragraph, "PAGE", "1")
    paragraph.add_run(after)


def add_page_numbers(doc: DocxDocument, section: Section, style: DocumentStyle) -> None:
    """Odd pages right, even pages left; footer placed 7 mm below the type area."""
    doc.settings.odd_and_even_pages_header_footer = True
    line_mm = style.page_number_pt / POINTS_PER_MM
    section.footer_distance = Mm(style.page.bottom_mm - style.page.page_number_gap_mm - line_mm)
    one_char = Pt(style.page_number_pt)
    for footer, align in (
        (section.footer, WD_ALIGN_PARAGRAPH.RIGHT),
        (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT),
    ):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles[StyleName.PAGE_NUMBER.value]
        paragraph.alignment = align
        fmt = paragraph.paragraph_format
        fmt.right_indent, fmt.left_indent = (
            (one_char, Pt(0)) if align == WD_ALIGN_PARAGRAPH.RIGHT else (Pt(0), one_char)
        )
        _page_number(paragraph)


def _font_entries(fonts: Fonts) -> bytes:
    entries = []
    for spec in dict.fromkeys(fonts.all()):
        family = "swiss" if spec.generic == "sans-serif" else "roman"
        entries.append(
            f"<w:font w:name={quoteattr(spec.official)}>"
            f"<w:altName w:val={quoteattr(spec.fallback)}/>"
            f'<w:charset w:val="{GB2312_CHARSET}"/><w:family w:val="{family}"/>'
            '<w:pitch w:val="variable"/></w:font>'
        )
    return "".join(entries).encode()


def with_font_table(docx: bytes, fonts: Fonts) -> bytes:
    """`docx` with its font table naming every official face and its fallback."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            data = source.read(item)
            if item.filename == FONT_TABLE:
                data = data.replace(b"</w:fonts>", _font_entries(fonts) + b"</w:fonts>")
            target.writestr(item, data)
    return out.getvalue()
