"""The DOCX writer, read back with python-docx: GB/T 9704 page, fonts, footers, tables."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import docx
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph

from gongkai.documents import DEFAULT_FONTS, Document, DocumentStyle, Paragraph, document_docx
from gongkai.documents.fonts import Fonts, FontSpec

from .readback import docx_text
from .samples import HOSTILE, sample


@pytest.fixture(scope="module")
def read() -> docx.document.Document:
    return docx.Document(io.BytesIO(document_docx(sample())))


def test_a4_with_the_margins_of_gb_t_9704(read: docx.document.Document) -> None:
    section = read.sections[0]
    mm = [
        round(x.mm, 1) if x is not None else None
        for x in (
            section.page_width,
            section.page_height,
            section.top_margin,
            section.bottom_margin,
            section.left_margin,
            section.right_margin,
        )
    ]
    assert mm == [210, 297, 37, 35, 28, 26]


def _fields(paragraph: DocxParagraph) -> list[str]:
    return [(node.text or "").strip() for node in paragraph._p.iter(qn("w:instrText"))]


def test_page_numbers_are_page_fields_between_dashes_right_on_odd_left_on_even(
    read: docx.document.Document,
) -> None:
    section = read.sections[0]
    assert read.settings.odd_and_even_pages_header_footer
    odd, even = section.footer.paragraphs[0], section.even_page_footer.paragraphs[0]
    for paragraph in (odd, even):
        assert _fields(paragraph) == ["PAGE"]
        assert paragraph.text == "— 1 —"  # the field's last result between the 一字线
        assert paragraph.style is not None and paragraph.style.font.size == Pt(14)
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    # 7 mm below the type area: 35 mm − 7 mm − one 14 pt line ≈ 23 mm from the page's edge.
    assert section.footer_distance is not None
    assert 22.5 < section.footer_distance.mm < 23.5


def _east_asian(style: Any) -> str | None:
    fonts = style.element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:asciiTheme")) is None and fonts.get(qn("w:eastAsiaTheme")) is None
    face: str | None = fonts.get(qn("w:eastAsia"))
    return face


def test_styles_keep_the_official_faces_and_sizes(read: docx.document.Document) -> None:
    styles = read.styles
    expected = {
        "Normal": ("仿宋_GB2312", 16),
        "公文标题": ("方正小标宋简体", 22),
        "公文正文": ("仿宋_GB2312", 16),
        "一级标题": ("黑体", 16),
        "二级标题": ("楷体_GB2312", 16),
        "页码": ("宋体", 14),
    }
    for name, (face, size) in expected.items():
        style = styles[name]
        assert _east_asian(style) == face, name
        assert style.font.size == Pt(size), name
    body = styles["公文正文"].paragraph_format
    assert body.line_spacing is not None and 28 <= body.line_spacing.pt <= 29
    assert body.first_line_indent == Pt(32)
    assert styles["公文标题"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_the_title_and_blocks_are_in_order(read: docx.document.Document) -> None:
    assert [(p.style.name if p.style else "", p.text) for p in read.paragraphs[:5]] == [
        ("公文标题", "某某市交通运输局政府信息公开申请答复告知书"),
        ("发文字号", "某交信告〔2025〕12号"),
        ("公文正文", "张三："),
        ("公文正文", "本机关于2025年3月3日收到您提出的政府信息公开申请。"),
        ("一级标题", "一、总体情况"),
    ]
    assert read.paragraphs[2].paragraph_format.first_line_indent == Pt(0)


def test_the_font_table_names_each_fallback() -> None:
    with zipfile.ZipFile(io.BytesIO(document_docx(sample()))) as z:
        table = z.read("word/fontTable.xml").decode()
    for spec in DEFAULT_FONTS.all():
        assert f'<w:font w:name="{spec.official}"><w:altName w:val="{spec.fallback}"/>' in table


def test_fonts_are_configured_in_one_place() -> None:
    kai = FontSpec("华文楷体", fallback="AR PL UKai CN")
    fonts = Fonts(DEFAULT_FONTS.title, kai, kai, kai, kai)
    read = docx.Document(io.BytesIO(document_docx(sample(), DocumentStyle(fonts=fonts))))
    assert _east_asian(read.styles["Normal"]) == "华文楷体"


def test_merged_header_cells_and_right_aligned_numbers(read: docx.document.Document) -> None:
    (table,) = read.tables
    assert table.cell(0, 0)._tc is table.cell(1, 0)._tc  # 信息内容 spans two rows
    assert table.cell(0, 1)._tc is table.cell(0, 2)._tc  # 本年制发件数 spans two columns
    assert [c.text for c in table.rows[3].cells] == ["规范性文件", "1,234", "", "1,234.5"]
    numbers = table.rows[2].cells[1].paragraphs[0]
    assert numbers.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert table.rows[2].cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    header = table.rows[0]._tr.trPr
    assert header is not None and header.find(qn("w:tblHeader")) is not None


def test_hostile_text_is_kept_as_text() -> None:
    data = document_docx(Document(HOSTILE, (Paragraph(HOSTILE * 20),)))
    text = docx_text(data)
    assert "<script>alert('x')</script> & <b>粗体</b>[31m反转" in text
    assert not any(ch in text for ch in "\x00\x07\x1b\u202e")
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = z.read("word/document.xml").decode()
    assert "&lt;script&gt;" in xml and "<script>" not in xml
