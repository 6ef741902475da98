"""A `Document` as HTML for WeasyPrint. Every text is escaped here, once; nothing a user typed
can become markup."""

from __future__ import annotations

from collections.abc import Collection
from html import escape

from gongkai.documents.css import stylesheet
from gongkai.documents.grid import layout, relative_widths
from gongkai.documents.model import Block, Document, Heading, Paragraph, Signature, Table
from gongkai.documents.style import DocumentStyle


def html(document: Document, style: DocumentStyle, installed: Collection[str] = ()) -> str:
    """The whole HTML page of `document`, with its stylesheet."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>{escape(document.title)}</title>",
        f"<style>{stylesheet(style, installed)}</style>",
        "</head><body>",
        f'<h1 class="title">{escape(document.title)}</h1>',
    ]
    if document.number:
        parts.append(f'<p class="number">{escape(document.number)}</p>')
    parts.extend(_block(block) for block in document.blocks)
    parts.append("</body></html>")
    return "\n".join(parts)


def _block(block: Block) -> str:
    if isinstance(block, Paragraph):
        classes = [block.align.value] + (["indent"] if block.indent else [])
        return f'<p class="{" ".join(classes)}">{escape(block.text)}</p>'
    if isinstance(block, Heading):
        tag = "h2" if block.level == 1 else "h3"
        return f"<{tag}>{escape(block.text)}</{tag}>"
    if isinstance(block, Signature):
        lines = "".join(f"<p>{escape(line)}</p>" for line in block.lines)
        return f'<div class="signature">{lines}</div>'
    return _table(block)


def _table(table: Table) -> str:
    grid = layout(table)
    widths = relative_widths(table, grid.columns)
    out = ["<table>"]
    if table.caption:
        out.append(f"<caption>{escape(table.caption)}</caption>")
    out.append("<colgroup>")
    out.extend(f'<col style="width: {w * 100:.3f}%">' for w in widths)
    out.append("</colgroup><thead>")
    for r in range(grid.header_rows):
        out.append("<tr>")
        for placed in (p for p in grid.placed if p.row == r):
            span = ""
            if placed.cell.cols > 1:
                span += f' colspan="{placed.cell.cols}"'
            if placed.cell.rows > 1:
                span += f' rowspan="{placed.cell.rows}"'
            out.append(f"<th{span}>{escape(placed.cell.text)}</th>")
        out.append("</tr>")
    out.append("</thead><tbody>")
    for row in table.rows:
        cells = "".join(
            f'<td class="{cell.alignment.value}">{escape(cell.text)}</td>' for cell in row
        )
        out.append(f"<tr>{cells}</tr>")
    out.append("</tbody></table>")
    return "".join(out)
