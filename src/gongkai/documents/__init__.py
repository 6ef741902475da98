"""公文-style documents (GB/T 9704-2012) as DOCX and PDF, for the letters and the annual report.

Pure: a `Document` is plain data; `document_docx` and `document_pdf` turn it into bytes. Fonts and
their fallbacks are set in one place, `gongkai.documents.fonts`.
"""

from gongkai.documents.errors import CjkFontMissing, DocumentError, SystemPackageMissing
from gongkai.documents.fonts import DEFAULT_FONTS, Fonts, FontSpec
from gongkai.documents.installed import chinese_families, require_chinese_font
from gongkai.documents.markup import html
from gongkai.documents.model import (
    Align,
    Block,
    Cell,
    Document,
    HeaderCell,
    Heading,
    Paragraph,
    Signature,
    Table,
)
from gongkai.documents.pdf import document_pdf
from gongkai.documents.style import DEFAULT_STYLE, DocumentStyle, PageSetup
from gongkai.documents.text import clean
from gongkai.documents.word import document_docx

__all__ = [
    "DEFAULT_FONTS",
    "DEFAULT_STYLE",
    "Align",
    "Block",
    "Cell",
    "CjkFontMissing",
    "Document",
    "DocumentError",
    "DocumentStyle",
    "FontSpec",
    "Fonts",
    "HeaderCell",
    "Heading",
    "PageSetup",
    "Paragraph",
    "Signature",
    "SystemPackageMissing",
    "Table",
    "chinese_families",
    "clean",
    "document_docx",
    "document_pdf",
    "html",
    "require_chinese_font",
]
