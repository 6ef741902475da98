"""The PDF writer, read back with poppler and pypdf: A4, embedded CJK fonts, page numbers,
escaped text, and a clear error instead of empty boxes when no Chinese font is installed."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from gongkai.documents import DEFAULT_FONTS, DEFAULT_STYLE, Document, Paragraph, document_pdf, html

from .readback import A4_POINTS, flat, pdf_fonts, pdf_page_sizes, pdf_reading, pdf_text
from .samples import HOSTILE, long_document, sample


@pytest.fixture(scope="module")
def pdf() -> bytes:
    return document_pdf(sample())


def test_a4_pages(pdf: bytes) -> None:
    (size,) = pdf_page_sizes(pdf)
    assert size == pytest.approx(A4_POINTS, abs=0.5)


def test_a_cjk_font_is_embedded(pdf: bytes) -> None:
    fonts = pdf_fonts(pdf)
    assert any("CJK" in name for name in fonts), fonts
    assert all(fonts.values()), f"every font is embedded: {fonts}"


def test_the_text_reads_back(pdf: bytes) -> None:
    text = flat(pdf_text(pdf))
    for expected in (
        "某某市交通运输局政府信息公开申请答复告知书",
        "某交信告〔2025〕12号",
        "张三：",
        "一、总体情况",
        "表一主动公开政府信息情况",
        "本年制发件数",
        "1,234.5",
        "2025年3月20日",
        "—1—",
    ):
        assert expected in text


def test_every_page_is_numbered() -> None:
    pdf = document_pdf(long_document(pages=3))
    pages = pdf_text(pdf).split("\f")
    numbered = [p for p in pages if p.strip()]
    assert len(numbered) >= 3
    for n, page in enumerate(numbered, start=1):
        assert f"—{n}—" in flat(page)


def test_hostile_text_is_escaped_not_parsed() -> None:
    source = html(Document(HOSTILE, (Paragraph(HOSTILE),)), DEFAULT_STYLE)
    assert "<script>" not in source and "&lt;script&gt;" in source
    text = pdf_reading(document_pdf(Document(HOSTILE, (Paragraph("名" * 500 + "X" * 500),))))
    assert flat("<script>alert('x')</script> & <b>粗体</b>[31m反转") in text
    assert "名" * 500 in text and "X" * 500 in text  # long names wrap, nothing is lost


def test_font_families_fall_back_to_noto(pdf: bytes) -> None:
    source = html(sample(), DEFAULT_STYLE)
    for spec in DEFAULT_FONTS.all():
        assert f'"{spec.official}"' in source and f'"{spec.fallback}"' in source


def test_no_chinese_font_is_a_clear_error_not_empty_boxes(tmp_path: Path) -> None:
    """fontconfig pointed at a configuration with no fonts at all, in a fresh process."""
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd">'
        f"<fontconfig><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>",
        encoding="utf-8",
    )
    script = (
        "from gongkai.documents import Document, document_pdf, CjkFontMissing\n"
        "try:\n"
        "    document_pdf(Document('告知书'))\n"
        "except CjkFontMissing as error:\n"
        "    print(error.code, error.message)\n"
        "else:\n"
        "    print('a PDF was written')\n"
    )
    env = {**os.environ, "FONTCONFIG_FILE": str(config)}
    out = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.startswith("cjk_font_missing ")
    assert "fonts-noto-cjk" in out and "空白方框" in out
