"""Every kind of letter as DOCX and as PDF, read back as a person's tools read them, and drawn to
PNG pages with pdftoppm."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from gongkai.letters import Letter, LetterKind, letter_docx, letter_pdf, remedy, render_letter

from ..documents.readback import (
    A4_POINTS,
    docx_text,
    flat,
    pdf_fonts,
    pdf_page_sizes,
    pdf_png,
    pdf_reading,
)
from .expected import article
from .personas import facts

KINDS = list(LetterKind)


@pytest.fixture(scope="module")
def letters() -> dict[LetterKind, Letter]:
    return {kind: render_letter(kind, facts()) for kind in KINDS}


@pytest.fixture(scope="module")
def pdfs(letters: dict[LetterKind, Letter]) -> dict[LetterKind, bytes]:
    return {kind: letter_pdf(letter) for kind, letter in letters.items()}


def _expected(kind: LetterKind) -> list[str]:
    out = ["张三", "GK-2025-00042", article(kind), "某某市交通运输局", "2025年3月20日"]
    if kind.decides:
        out.append(remedy(kind.outcome, date(2025, 3, 20), facts()))
    return out


@pytest.mark.parametrize("kind", KINDS)
def test_docx_reads_back_with_the_facts(
    kind: LetterKind, letters: dict[LetterKind, Letter]
) -> None:
    data = letter_docx(letters[kind])
    text = docx_text(data)
    for expected in _expected(kind):
        assert expected in text, expected
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs[0].text == kind.default_title
    footer = document.sections[0].footer.paragraphs[0]._p
    assert [n.text.strip() for n in footer.iter(qn("w:instrText"))] == ["PAGE"]
    assert round(document.sections[0].top_margin.mm) == 37  # type: ignore[union-attr]


@pytest.mark.parametrize("kind", KINDS)
def test_pdf_reads_back_with_the_facts(kind: LetterKind, pdfs: dict[LetterKind, bytes]) -> None:
    text = pdf_reading(pdfs[kind])
    for expected in _expected(kind):
        assert flat(expected) in text, expected
    assert all(size == pytest.approx(A4_POINTS, abs=0.5) for size in pdf_page_sizes(pdfs[kind]))
    fonts = pdf_fonts(pdfs[kind])
    assert any("CJK" in name for name in fonts) and all(fonts.values()), fonts


def test_every_kind_draws_to_png_pages(pdfs: dict[LetterKind, bytes], tmp_path: Path) -> None:
    for kind, pdf in pdfs.items():
        pages = pdf_png(pdf, tmp_path / kind.value, resolution=40)
        assert 1 <= len(pages) <= 2, kind
        assert all(page.read_bytes().startswith(b"\x89PNG") for page in pages)


HOSTILE_NAME = "<script>alert(1)</script> & 张\x00三\x1b\u202e" + "长" * 500


def test_hostile_facts_come_out_as_text() -> None:
    hostile = facts(applicant=HOSTILE_NAME, information="<b>&amp;</b>\x07", reasons="A & B < C")
    letter = render_letter(LetterKind.DENIED_STATE_SECRET, hostile)
    clean_name = "<script>alert(1)</script> & 张三" + "长" * 500
    assert letter.recipient == clean_name
    docx_read = docx_text(letter_docx(letter))
    assert clean_name in docx_read and "“<b>&amp;</b>”" in docx_read
    assert "理由如下：A & B < C。" in docx_read
    assert not any(ch in docx_read for ch in "\x00\x07\x1b\u202e")
    pdf_read = pdf_reading(letter_pdf(letter))
    for expected in (clean_name, "“<b>&amp;</b>”", "理由如下：A&B<C。"):
        assert flat(expected) in pdf_read, expected
