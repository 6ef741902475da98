"""A letter as DOCX or PDF, through `gongkai.documents` (GB/T 9704 layout)."""

from __future__ import annotations

from gongkai.documents import DEFAULT_STYLE, DocumentStyle, document_docx, document_pdf
from gongkai.letters.render import Letter


def letter_docx(letter: Letter, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    return document_docx(letter.document(), style)


def letter_pdf(letter: Letter, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    return document_pdf(letter.document(), style)
