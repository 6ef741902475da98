"""A `Document` as PDF, by WeasyPrint (BSD) from HTML and the 公文 stylesheet.

WeasyPrint embeds (subsets of) the fonts it draws with. Before anything is drawn, fontconfig is
asked for a face that can draw Chinese: without one the PDF would show empty boxes, so
`CjkFontMissing` is raised instead, naming the package to install.
"""

from __future__ import annotations

from gongkai.documents.errors import SystemPackageMissing
from gongkai.documents.installed import families, require_chinese_font
from gongkai.documents.markup import html
from gongkai.documents.model import Document
from gongkai.documents.style import DEFAULT_STYLE, DocumentStyle


def document_pdf(document: Document, style: DocumentStyle = DEFAULT_STYLE) -> bytes:
    """The PDF of `document`."""
    require_chinese_font()
    return print_html(html(document, style, families()))


def print_html(source: str) -> bytes:
    """A page of HTML (with its print CSS, fonts named by `families()`) printed to PDF. Callers
    check for a Chinese font first (`require_chinese_font`)."""
    try:
        import weasyprint
    except OSError as error:  # Pango is loaded when WeasyPrint is imported
        raise SystemPackageMissing(
            f"找不到 WeasyPrint 需要的排版库 Pango（{error}），无法生成 PDF",
            "libpango-1.0-0",
            "libpangoft2-1.0-0",
        ) from None
    pdf = weasyprint.HTML(string=source, base_url=None).write_pdf()
    assert isinstance(pdf, bytes)
    return pdf
