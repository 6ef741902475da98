"""A printed table as WordprocessingML, written as one XML string and parsed once (python-docx's
cell-by-cell API costs ~10× more on a 275-cell table). Merges are Word's own: `w:gridSpan` across,
`w:vMerge` down; header rows repeat on every page (`w:tblHeader`)."""

from __future__ import annotations

from xml.sax.saxutils import escape

from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from gongkai.report.layout import Cell, Printed

TWIPS_PER_MM = 1440 / 25.4


def table_xml(printed: Printed, widths_mm: list[float], text_style: str, grid_style: str) -> object:
    """The `w:tbl` element of `printed`, ready to append to the document body."""
    twips = [round(w * TWIPS_PER_MM) for w in widths_mm]
    owner: dict[tuple[int, int], tuple[Cell, int]] = {}  # position → (cell, its top row)
    rows = (*printed.head, *printed.body)
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in owner:
                c += 1
            for dr in range(cell.rows):
                for dc in range(cell.cols):
                    owner[(r + dr, c + dc)] = (cell, r)
            c += cell.cols
    out = [
        f"<w:tbl {nsdecls('w')}><w:tblPr>",
        f'<w:tblStyle w:val="{grid_style}"/><w:tblW w:w="{sum(twips)}" w:type="dxa"/>',
        '<w:jc w:val="center"/><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>',
        *(f'<w:gridCol w:w="{w}"/>' for w in twips),
        "</w:tblGrid>",
    ]
    for r in range(len(rows)):
        out.append("<w:tr>")
        if r < len(printed.head):
            out.append("<w:trPr><w:tblHeader/></w:trPr>")
        c = 0
        while c < printed.columns:
            cell, top = owner[(r, c)]
            width = sum(twips[c : c + cell.cols])
            props = f'<w:tcW w:w="{width}" w:type="dxa"/>'
            if cell.cols > 1:
                props += f'<w:gridSpan w:val="{cell.cols}"/>'
            if cell.rows > 1:
                props += '<w:vMerge w:val="restart"/>' if top == r else "<w:vMerge/>"
            props += '<w:vAlign w:val="center"/>'
            text = cell.text if top == r else ""
            out.append(f"<w:tc><w:tcPr>{props}</w:tcPr>{_paragraph(cell, text, text_style)}</w:tc>")
            c += cell.cols
        out.append("</w:tr>")
    out.append("</w:tbl>")
    return parse_xml("".join(out))


def _paragraph(cell: Cell, text: str, style: str) -> str:
    centred = cell.is_value or cell.header in ("col", "colgroup")
    run = f'<w:r><w:t xml:space="preserve">{escape(text)}</w:t></w:r>' if text else ""
    jc = "center" if centred else "left"
    return f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:jc w:val="{jc}"/></w:pPr>{run}</w:p>'
