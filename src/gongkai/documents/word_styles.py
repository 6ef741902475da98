"""The paragraph styles of a 公文 in DOCX, from the `DocumentStyle`.

Every style records the official face's name for all scripts (w:eastAsia included) and drops the
theme fonts of python-docx's template, which would otherwise win. Sizes, the fixed line spacing
and the two-character first-line indent follow GB/T 9704-2012.
"""

from __future__ import annotations

import enum

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH as Align
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.styles.style import ParagraphStyle

from gongkai.documents.fonts import FontSpec
from gongkai.documents.style import DocumentStyle

_THEME = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


class StyleName(enum.StrEnum):
    """The styles gongkai adds, named in Chinese as a clerk sees them in Word."""

    TITLE = "公文标题"
    NUMBER = "发文字号"
    BODY = "公文正文"
    HEADING1 = "一级标题"
    HEADING2 = "二级标题"
    SIGNATURE = "落款"
    TABLE = "表格文字"
    CAPTION = "表格标题"
    PAGE_NUMBER = "页码"


S = StyleName


def set_font(element: object, spec: FontSpec, size_pt: float | None = None) -> None:
    """Give a style's or run's properties the official face for every script, and a language."""
    rpr = element.get_or_add_rPr()  # type: ignore[attr-defined]
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in _THEME:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), spec.official)
    fonts.set(qn("w:hint"), "eastAsia")
    if size_pt is not None:
        half_points = str(round(size_pt * 2))
        for tag in ("w:sz", "w:szCs"):
            node = rpr.find(qn(tag))
            if node is None:
                node = OxmlElement(tag)
                rpr.append(node)
            node.set(qn("w:val"), half_points)


def _outline(style: ParagraphStyle, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    node = OxmlElement("w:outlineLvl")
    node.set(qn("w:val"), str(level))
    ppr.append(node)


def _lang(style: ParagraphStyle) -> None:
    rpr = style.element.get_or_add_rPr()
    node = OxmlElement("w:lang")
    node.set(qn("w:val"), "zh-CN")
    node.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(node)


def _add(
    doc: DocxDocument,
    name: StyleName,
    spec: FontSpec,
    size_pt: float,
    line_pt: float,
    align: Align,
) -> ParagraphStyle:
    style = doc.styles.add_style(name.value, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = doc.styles["Normal"]
    style.quick_style = True
    set_font(style.element, spec, size_pt)
    fmt = style.paragraph_format
    fmt.line_spacing = Pt(line_pt)  # a length: 固定值 (exact)
    fmt.alignment = align
    fmt.space_before = fmt.space_after = Pt(0)
    return style


def add_styles(doc: DocxDocument, style: DocumentStyle) -> None:
    """Set Normal to the body text and add the 公文 styles."""
    fonts, body, line = style.fonts, style.body_pt, style.line_pt
    normal = doc.styles["Normal"]
    assert isinstance(normal, ParagraphStyle)
    set_font(normal.element, fonts.body, body)
    _lang(normal)
    fmt = normal.paragraph_format
    fmt.line_spacing = Pt(line)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.alignment = Align.JUSTIFY
    indent = Pt(style.indent_chars * body)

    title = _add(doc, S.TITLE, fonts.title, style.title_pt, style.title_line_pt, Align.CENTER)
    title.paragraph_format.space_after = Pt(line)
    _outline(title, 0)
    _add(doc, S.NUMBER, fonts.body, body, line, Align.RIGHT)
    _add(
        doc, S.BODY, fonts.body, body, line, Align.JUSTIFY
    ).paragraph_format.first_line_indent = indent
    for name, spec, level in ((S.HEADING1, fonts.heading1, 1), (S.HEADING2, fonts.heading2, 2)):
        heading = _add(doc, name, spec, body, line, Align.JUSTIFY)
        heading.paragraph_format.first_line_indent = indent
        heading.paragraph_format.keep_with_next = True
        _outline(heading, level)
    signature = _add(doc, S.SIGNATURE, fonts.body, body, line, Align.RIGHT)
    signature.paragraph_format.right_indent = indent
    _add(doc, S.TABLE, fonts.body, style.table_pt, style.table_line_pt, Align.LEFT)
    caption = _add(doc, S.CAPTION, fonts.heading1, body, line, Align.CENTER)
    caption.paragraph_format.keep_with_next = True
    size = style.page_number_pt
    number = _add(doc, S.PAGE_NUMBER, fonts.page_number, size, size, Align.RIGHT)
    number.paragraph_format.right_indent = Pt(size)
