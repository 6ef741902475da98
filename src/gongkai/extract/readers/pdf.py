"""A PDF with a text layer → text: the words outside tables in reading order, each table found by
its ruling lines and written one tab-separated line per row, merged cells expanded — the merged
cell's text in its first position, the positions it covers left empty (as the Word reader does;
a covered position is never given a number).

A table split across pages simply continues: the next page's rows follow the previous page's, so
page numbers (「— 4 —」, 「第 4 页」) and header lines repeated on every page are dropped. A label
broken over lines inside a cell (「社会公\\n益组织」) is joined without a space between Chinese.

Bad files end in one `InputError`: encrypted, corrupt, too many pages, too slow, or without a
text layer (a scan, which needs OCR).
"""

from __future__ import annotations

import io
import re
import time
from collections import Counter
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.grids import Grid, GridCell
from gongkai.extract.readers import READERS, Limits, ReadDocument, ocr, scan
from gongkai.extract.readers.pdf_bounds import check_streams, closing

_TABLE_SETTINGS: dict[str, Any] = {"vertical_strategy": "lines", "horizontal_strategy": "lines"}
_PAGE_NUMBER = re.compile(
    r"^(?:[—–\-－─]+\s*\d{1,4}\s*[—–\-－─]+"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)
_BARE_NUMBER = re.compile(r"^\d{1,4}$")
_SPACE = re.compile(r"[ \t\xa0\u3000]+")
_DIGITS = re.compile(r"\d+")
_FEW_CHARS = 40  # text on a scanned page beyond its image: a page number, a stamp, a header


def looks_like_pdf(data: bytes, name: str) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n\0")[:5] == b"%PDF-"


def _wide(char: str) -> bool:
    """Chinese, or full-width punctuation — text that is written without spaces."""
    return char >= "\u2e80" and not char.isspace()


def join_lines(text: str) -> str:
    """A cell's lines as one: no space where both sides are Chinese, else one space."""
    out = ""
    for line in text.split("\n"):
        line = _SPACE.sub(" ", line).strip()
        if not line:
            continue
        if out and not (_wide(out[-1]) or _wide(line[0])):
            out += " "
        out += line
    return out


def read_pdf(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    started = time.monotonic()
    check_streams(data, name, limits)
    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    try:
        pdf = pdfplumber.open(io.BytesIO(data))
    except Exception as exc:  # pdfplumber wraps what pdfminer raises for a broken file
        causes = (exc, *exc.args, exc.__context__)
        if any(isinstance(c, PDFPasswordIncorrect | PDFEncryptionError) for c in causes):
            raise InputError(f"{name} 已加密，无法读取") from None
        cause = exc.args[0] if exc.args and isinstance(exc.args[0], Exception) else exc
        raise InputError(f"{name} 已损坏或不是有效的 PDF（{type(cause).__name__}）") from None
    with closing(pdf):
        try:
            pages = pdf.pages
        except Exception as exc:
            raise InputError(f"{name} 已损坏或不是有效的 PDF（{type(exc).__name__}）") from None
        if len(pages) > limits.max_pages:
            raise InputError(f"{name} 页数过多（{len(pages)} 页，上限 {limits.max_pages} 页）")
        if not pages:
            raise InputError(f"{name} 已损坏或不是有效的 PDF（没有页面）")
        read: list[list[tuple[str, bool]]] = []  # per page: (line, is a table row)
        grids: list[Grid] = []
        scanned: list[int] = []  # pages that are only images
        for number, page in enumerate(pages, start=1):
            if time.monotonic() - started > limits.max_seconds:
                raise InputError(
                    f"{name} 读取超时（第 {number} 页，上限 {limits.max_seconds:g} 秒）"
                )
            try:
                page_lines, page_grids = _page(page)
                read.append(page_lines)
                grids.extend(page_grids)
                if _is_scan(page):
                    scanned.append(number)
            except Exception as exc:
                raise InputError(
                    f"{name} 已损坏或不是有效的 PDF（第 {number} 页：{type(exc).__name__}）"
                ) from None
            page.close()
    notes: list[str] = []
    kind = "pdf"
    if scanned and ocr.available():
        from gongkai.extract.readers.pdf_scan import read_scanned

        pages_read = read_scanned(data, name, scanned, limits, started)
        for number, page_text in zip(scanned, pages_read, strict=True):
            read[number - 1] = page_text.lines
        notes = scan.notes(pages_read, scanned)
        kind = "scan" if len(scanned) == len(read) else "pdf"
    elif scanned:
        pages_said = "、".join(str(n) for n in scanned)
        if len(scanned) == len(read):
            raise InputError(f"{name} 没有文字层（扫描件），读取需要 OCR；{ocr.INSTALL}")
        notes.append(
            f"第 {pages_said} 页没有文字层（可能是扫描件），未读取；读取需要 OCR，{ocr.INSTALL}"
        )
    if not any(line.strip() for lines in read for line, _ in lines):
        raise InputError(f"{name} 没有文字层（可能是扫描件），OCR 也未识别出文字")
    lines = _without_page_furniture(read)
    ocr_pages = scanned if ocr.available() else []
    return ReadDocument(
        "\n".join(lines) + "\n", kind, notes=notes, ocr_pages=ocr_pages, grids=grids
    )


def _is_scan(page: Any) -> bool:
    """A page that is an image: no text, or only a few characters (a page number or a stamp
    added over the scan) on an image that covers most of the page."""
    if not page.images:
        return False
    if not page.chars:
        return True
    covered = sum(
        max(0.0, float(i["x1"]) - float(i["x0"])) * max(0.0, float(i["bottom"]) - float(i["top"]))
        for i in page.images
    )
    return len(page.chars) <= _FEW_CHARS and covered > 0.5 * float(page.width * page.height)


def _page(page: Any) -> tuple[list[tuple[str, bool]], list[Grid]]:
    """One page's lines, top to bottom: text lines and table rows (True); and its tables as
    grids, each cell from its ruled box."""
    tables = page.find_tables(_TABLE_SETTINGS)
    # a table of one cell is a box or a rule drawn around text, not a table
    tables = [t for t in tables if len(t.rows) > 1 or len(t.rows[0].cells) > 1]
    items: list[tuple[float, float, list[tuple[str, bool]]]] = []
    grids: list[tuple[float, float, Grid]] = []
    for table in tables:
        rows = []
        texts = [
            [join_lines(cell or "").replace("\t", " ") for cell in row] for row in table.extract()
        ]
        for cells in texts:
            if any(cells):
                rows.append(("\t".join(cells), True))
        items.append((table.bbox[1], table.bbox[0], rows))
        grids.append((table.bbox[1], table.bbox[0], _grid(table, texts)))

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(t.bbox[0] <= x <= t.bbox[2] and t.bbox[1] <= y <= t.bbox[3] for t in tables)

    text = page.filter(outside) if tables else page
    for line in text.extract_text_lines(return_chars=False):
        content = _SPACE.sub(" ", line["text"]).strip()
        if content:
            items.append((line["top"], line["x0"], [(content, False)]))
    items.sort(key=lambda item: (item[0], item[1]))
    grids.sort(key=lambda item: (item[0], item[1]))
    return [line for _, _, lines in items for line in lines], [grid for _, _, grid in grids]


def _grid(table: Any, texts: list[list[str]]) -> Grid:
    """A ruled table as a grid: each cell box at the row and column its corner starts, spanning
    the column and row boundaries its box covers."""
    xs = sorted({float(box[0]) for box in table.cells})
    tops = sorted({float(box[1]) for box in table.cells})
    cells = []
    for r, (row, row_texts) in enumerate(zip(table.rows, texts, strict=False)):
        for c, (box, text) in enumerate(zip(row.cells, row_texts, strict=False)):
            if box is None:
                continue
            x0, top, x1, bottom = (float(v) for v in box)
            colspan = sum(1 for x in xs if x0 <= x < x1)
            rowspan = sum(1 for t in tops if top <= t < bottom)
            cells.append(GridCell(text, r, c, max(rowspan, 1), max(colspan, 1)))
    return Grid(cells, "pdf")


def _edges(lines: list[tuple[str, bool]]) -> set[int]:
    """Positions of the first two and last two text lines of a page, where furniture sits."""
    text = [i for i, (_, row) in enumerate(lines) if not row]
    return {*text[:2], *text[-2:]}


def _without_page_furniture(pages: list[list[tuple[str, bool]]]) -> list[str]:
    """All pages' lines, without page numbers and the header or footer lines most pages repeat
    at their top or bottom (compared with digits masked, so 「第 3 页」 repeats 「第 2 页」)."""
    seen: Counter[str] = Counter()
    for lines in pages:
        seen.update({_DIGITS.sub("#", lines[i][0]) for i in _edges(lines)})
    seen.pop("#", None)  # bare numbers: page numbers only by the rule below
    repeated = {key for key, count in seen.items() if len(pages) >= 3 and count > len(pages) / 2}
    out = []
    for number, lines in enumerate(pages, start=1):
        edges = _edges(lines)
        for i, (line, row) in enumerate(lines):
            if not row and (
                _PAGE_NUMBER.match(line)
                or (i in edges and _DIGITS.sub("#", line) in repeated)
                # a bare number is a page number only at the page's edge and if it is the page's
                or (i in edges and _BARE_NUMBER.match(line) and int(line) in (number, number - 1))
            ):
                continue
            out.append(line)
    return out


READERS.append((looks_like_pdf, read_pdf))
