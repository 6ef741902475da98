"""A Word file (.docx) → text: paragraphs in body order, each table row one tab-separated line
with merged cells (`gridSpan`, `vMerge`) expanded to the full grid — the merged cell's text in its
first position, the positions it covers left empty.

A DOCX is a zip of XML parts. Before python-docx sees it, the zip's declared sizes are checked
against `Limits.max_unpacked_bytes` and a sane compression ratio (zip bombs), and every XML part
is refused if it declares a DOCTYPE or ENTITY (entity expansion).
"""

from __future__ import annotations

import io
import re
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.grids import Grid, GridCell
from gongkai.extract.readers import READERS, Clock, Limits, ReadDocument
from gongkai.extract.readers.ooxml import check_package

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_MAIN_PART = "word/document.xml"
_SPACE = re.compile(r"[ \t\xa0\u3000]+")


_NARROW_TWIPS = 30  # a grid column narrower than 1.5 pt holds no text


def looks_like_docx(data: bytes, name: str) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    return _MAIN_PART.encode() in data or name.lower().endswith((".docx", ".docm"))


def read_docx(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    clock = Clock(name, limits)
    check_package(data, name, limits, main_part=_MAIN_PART, kind="Word")
    clock.check("检查压缩包后")
    try:
        from docx import Document

        document = Document(io.BytesIO(data))
        body = document.element.body
    except Exception as exc:  # python-docx, lxml and zipfile each raise their own kinds
        raise InputError(f"{name} 不是有效的 Word 文件（{type(exc).__name__}）") from None
    clock.check("解析文档后")
    lines: list[str] = []
    grids: list[Grid] = []
    _body(body, lines, grids, clock)
    text = "\n".join(line for line in lines if line.strip()) + "\n"
    return ReadDocument(text, "docx", grids=grids)


def _body(element: Any, lines: list[str], grids: list[Grid], clock: Clock) -> None:
    """Paragraphs and tables in body order (content controls are read through)."""
    for child in element.iterchildren():
        if child.tag == f"{_W}p":
            lines.append(_paragraph(child, cell=False))
        elif child.tag == f"{_W}tbl":
            table_lines, grid = _table(child)
            lines.extend(table_lines)
            grids.append(grid)
            clock.check("读取表格时")
        elif child.tag in (f"{_W}sdt", f"{_W}sdtContent", f"{_W}customXml"):
            _body(child, lines, grids, clock)


def _paragraph(p: Any, *, cell: bool) -> str:
    parts: list[str] = []
    for node in p.iter(f"{_W}t", f"{_W}tab", f"{_W}br", f"{_W}cr"):
        if any(a.tag == _FALLBACK for a in node.iterancestors()):
            continue  # the same text again, for readers that do not know the drawing markup
        if node.tag == f"{_W}t":
            parts.append(node.text or "")
        elif node.tag == f"{_W}tab" and node.getparent().tag == f"{_W}r":
            parts.append(" ")
        elif node.tag in (f"{_W}br", f"{_W}cr"):
            parts.append(" " if cell else "\n")
    return "\n".join(_SPACE.sub(" ", line).strip() for line in "".join(parts).split("\n"))


def _cell_text(tc: Any) -> str:
    texts = [_paragraph(p, cell=True) for p in tc.iter(f"{_W}p")]
    return " ".join(" ".join(t for t in texts if t).split())


def _val(parent: Any, tag: str) -> tuple[Any, str]:
    """The child element `tag` of `parent`'s properties and its w:val ("" when absent)."""
    if parent is None:
        return None, ""
    found = parent.find(f"{_W}{tag}")
    if found is None:
        return None, ""
    return found, found.get(f"{_W}val", "")


def _int(value: str, most: int) -> int:
    try:
        return max(1, min(int(value), most))
    except ValueError:
        return 1


def _table(tbl: Any) -> tuple[list[str], Grid]:
    """Each row of the table's grid as one tab-separated line, a merged cell's text in its first
    position; and the table as a grid, a cell merged down (`vMerge`) one cell over its rows. A
    grid column no cell starts in, or one too narrow to hold text (LibreOffice splits the grid so
    when it writes a .doc back), is no column of the table: it is left out, so it cannot shift
    the values after it."""
    rows: list[list[tuple[int, int, str]]] = []  # (first grid position, span, text) per cell
    merged_down: list[set[int]] = []  # per row: the first positions of cells continuing above
    for tr in tbl.iterchildren(f"{_W}tr"):
        cells: list[tuple[int, int, str]] = []
        down: set[int] = set()
        _, before = _val(tr.find(f"{_W}trPr"), "gridBefore")
        at = _int(before, 64) if before.isdigit() else 0
        cells.extend((i, 1, "") for i in range(at))
        for tc in tr.iterchildren(f"{_W}tc"):
            props = tc.find(f"{_W}tcPr")
            _, span = _val(props, "gridSpan")
            merged, merge = _val(props, "vMerge")
            h_merged, h_merge = _val(props, "hMerge")
            continued = (merged is not None and merge != "restart") or (
                h_merged is not None and h_merge != "restart"
            )
            spanned = _int(span, 64) if span else 1
            cells.append((at, spanned, "" if continued else _cell_text(tc)))
            if merged is not None and merge != "restart":
                down.add(at)
            at += spanned
        rows.append(cells)
        merged_down.append(down)
    kept = _columns(tbl, rows)
    lines = []
    for cells in rows:
        out: list[str] = []
        for first, covers, text in cells:
            positions = [p for p in range(first, first + covers) if p in kept]
            out.extend([text] + [""] * (len(positions) - 1) if positions else [])
        if any(out):
            lines.append("\t".join(out))
    return lines, _grid(rows, merged_down, kept)


def _grid(
    rows: list[list[tuple[int, int, str]]], merged_down: list[set[int]], kept: set[int]
) -> Grid:
    """The table's cells on the kept grid columns, a cell continued downwards (`vMerge`) grown
    over the rows it continues into."""
    index = {p: i for i, p in enumerate(sorted(kept))}
    spans: dict[tuple[int, int], list[int]] = {}  # (row, col) → [text row, rowspan, colspan]
    texts: dict[tuple[int, int], str] = {}
    open_cells: dict[int, tuple[int, int]] = {}  # grid column → the cell that may continue there
    for r, cells in enumerate(rows):
        for first, covers, text in cells:
            columns = [index[p] for p in range(first, first + covers) if p in index]
            if not columns:
                continue
            col = columns[0]
            above = open_cells.get(col)
            if first in merged_down[r] and above is not None:
                spans[above][1] = r - above[0] + 1
                continue
            spans[(r, col)] = [r, 1, len(columns)]
            texts[(r, col)] = text
            open_cells[col] = (r, col)
    return Grid(
        [GridCell(texts[p], p[0], p[1], rs, cs) for p, (_, rs, cs) in spans.items()], "docx"
    )


def _columns(tbl: Any, rows: list[list[tuple[int, int, str]]]) -> set[int]:
    """The grid positions that are columns of the table (see `_table`)."""
    grid = tbl.find(f"{_W}tblGrid")
    widths = (
        [] if grid is None else [g.get(f"{_W}w", "") for g in grid.iterchildren(f"{_W}gridCol")]
    )
    narrow = {i for i, w in enumerate(widths) if w.isdigit() and int(w) < _NARROW_TWIPS}
    starts = {first for cells in rows for first, _, _ in cells}
    width = max((first + span for cells in rows for first, span, _ in cells), default=0)
    kept = {p for p in range(width) if p in starts and p not in narrow}
    for cells in rows:  # a cell with text keeps at least its first position
        for first, span, text in cells:
            if text and not any(p in kept for p in range(first, first + span)):
                kept.add(first)
    return kept


READERS.append((looks_like_docx, read_docx))
