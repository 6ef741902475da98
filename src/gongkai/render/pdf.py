"""The report as PDF: WeasyPrint prints the HTML writer's page with its print CSS (the 公文 page:
A4, GB/T 9704 margins, «— 1 —» page numbers), charts included, the CJK font embedded.

Before anything is drawn, fontconfig is asked for a face that can draw Chinese
(`gongkai.documents.require_chinese_font`): without one the PDF would show empty boxes, so
`CjkFontMissing` is raised instead, naming the package to install.
"""

from __future__ import annotations

from gongkai.documents.installed import families, require_chinese_font
from gongkai.documents.pdf import print_html
from gongkai.render.html import page
from gongkai.report.document import Report


def render_pdf(report: Report, previous: Report | None = None) -> bytes:
    require_chinese_font()
    return print_html(page(report, previous, families()))
