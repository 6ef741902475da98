"""An Excel workbook (.xlsx) → text and a grid per sheet (its merged ranges one cell each, read
from the sheet's XML): each sheet in order (its name is left out: 「Sheet1」 is no
part of the report), a blank line between sheets, each row as one tab-separated line (a merged cell's text in its first position, the positions it
covers empty — which is how the workbook stores them). A row runs to its last cell the sheet
holds, empty or not (a bordered blank cell keeps its place), not to the sheet's widest row.

Numbers read as the number (an integral float without its ".0"), dates as YYYY-MM-DD, empty
cells as nothing. Like a Word file, a workbook is a zip of XML parts: its declared sizes are
checked against `Limits.max_unpacked_bytes` and a sane compression ratio (zip bombs), and any XML
part declaring a DOCTYPE or ENTITY is refused, before openpyxl (read-only) sees it; and the rows
and cells openpyxl builds are counted (`_MAX_ROWS`, `_MAX_CELLS`), never taken from the size a
sheet declares.
"""

from __future__ import annotations

import datetime
import io
import re
import time
import zipfile
from decimal import Decimal
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.grids import MAX_POSITIONS, MAX_SPAN, Grid, GridCell
from gongkai.extract.readers import READERS, Limits, ReadDocument
from gongkai.extract.readers.ooxml import check_package

_MAIN_PART = "xl/workbook.xml"
_MAX_COLUMNS = 1_000  # a row wider than this is cut: no annual report table comes near it
#: Rows and cells openpyxl may build for a workbook (the rows a sheet skips are built as empty
#: ones: a row numbered 1048576 costs a million); an annual report holds a few hundred.
_MAX_ROWS = 100_000
_MAX_CELLS = 2_000_000


def looks_like_xlsx(data: bytes, name: str) -> bool:
    if not data.startswith(b"PK\x03\x04"):
        return False
    return _MAIN_PART.encode() in data or name.lower().endswith((".xlsx", ".xlsm"))


def read_xlsx(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    check_package(data, name, limits, main_part=_MAIN_PART, kind="Excel")
    try:
        from openpyxl import load_workbook
        from openpyxl.cell.read_only import EmptyCell

        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl, zipfile and the XML parser each raise their own kinds
        raise InputError(f"{name} 不是有效的 Excel 文件（{type(exc).__name__}）") from None
    started = time.monotonic()
    lines: list[str] = []
    grids: list[Grid] = []
    rows_built = cells_built = 0
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # pad no row to the size the sheet declares: it may lie
            rows: list[list[str]] = []
            for row in sheet.iter_rows():
                rows_built, cells_built = rows_built + 1, cells_built + len(row)
                if rows_built > _MAX_ROWS or cells_built > _MAX_CELLS:
                    raise InputError(
                        f"{name} 的表格过大（超过 {_MAX_ROWS} 行或 {_MAX_CELLS} 个单元格），"
                        "不像是年度报告"
                    )
                held = list(row[:_MAX_COLUMNS])
                while held and isinstance(held[-1], EmptyCell):
                    held.pop()  # positions the sheet does not hold: no cell at all
                cells = [_text(cell.value) for cell in held]
                rows.append(cells)
                if any(cells):
                    lines.append("\t".join(cells))
                if time.monotonic() - started > limits.max_seconds:
                    raise InputError(f"{name} 读取超时（超过 {limits.max_seconds:g} 秒）")
            lines.append("")
            grid = _grid(rows, _merged(data, sheet))
            if grid is not None:
                grids.append(grid)
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{name} 不是有效的 Excel 文件（{type(exc).__name__}）") from None
    finally:
        workbook.close()
    return ReadDocument("\n".join(lines) + "\n", "xlsx", grids=grids)


_MERGED = re.compile(
    rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})\""
)
_CHUNK = 1 << 20


def _merged(data: bytes, sheet: Any) -> list[tuple[int, int, int, int]]:
    """The sheet's merged ranges as (first row, first column, rows, columns), 0-based; openpyxl
    does not give them in read-only mode, so they are read from the sheet's XML, in chunks."""
    path = getattr(sheet, "_worksheet_path", None)
    if not isinstance(path, str):
        return []
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive, archive.open(path.lstrip("/")) as part:
        tail = b""
        while chunk := part.read(_CHUNK):
            text = tail + chunk
            ends = 0
            for found in _MERGED.finditer(text):
                c0, r0, c1, r1 = found.groups()
                first_row, first_col = int(r0) - 1, _column(c0)
                rows, cols = int(r1) - int(r0) + 1, _column(c1) - first_col + 1
                if 0 < rows <= MAX_SPAN and 0 < cols <= MAX_SPAN:
                    out.append((first_row, first_col, rows, cols))
                ends = found.end()
            tail = text[max(ends, len(text) - 200) :]
    return out


def _column(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - 64
    return number - 1


def _grid(rows: list[list[str]], merged: list[tuple[int, int, int, int]]) -> Grid | None:
    """The sheet as a grid: a merged range one cell (its first cell's value), the positions it
    covers no cells of their own; None for a sheet past `MAX_POSITIONS` (read as text only)."""
    width = max((len(row) for row in rows), default=0)
    if len(rows) * width > MAX_POSITIONS or sum(h * w for _, _, h, w in merged) > MAX_POSITIONS:
        return None
    covered: set[tuple[int, int]] = set()
    spans: dict[tuple[int, int], tuple[int, int]] = {}
    for r0, c0, height, width in merged:
        spans[(r0, c0)] = (height, width)
        covered |= {(r0 + i, c0 + j) for i in range(height) for j in range(width)} - {(r0, c0)}
    cells = []
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if (r, c) not in covered:
                height, width = spans.get((r, c), (1, 1))
                cells.append(GridCell(text, r, c, height, width))
    for (r, c), (height, width) in spans.items():  # a merged range past the row's last cell
        if r < len(rows) and c >= len(rows[r]):
            cells.append(GridCell("", r, c, height, width))
    return Grid(cells, "xlsx")


def _text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        if value.is_integer():
            return str(int(value))
        return repr(value)
    if isinstance(value, int | Decimal):
        return str(value)
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time() else value.isoformat()
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return " ".join(str(value).split())


READERS.append((looks_like_xlsx, read_xlsx))
