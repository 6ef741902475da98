"""An Excel workbook (.xlsx) → text: each sheet in order (its name is left out: 「Sheet1」 is no
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
import time
from decimal import Decimal

from gongkai.errors import InputError
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
    rows = cells_built = 0
    try:
        for sheet in workbook.worksheets:
            sheet.reset_dimensions()  # pad no row to the size the sheet declares: it may lie
            for row in sheet.iter_rows():
                rows, cells_built = rows + 1, cells_built + len(row)
                if rows > _MAX_ROWS or cells_built > _MAX_CELLS:
                    raise InputError(
                        f"{name} 的表格过大（超过 {_MAX_ROWS} 行或 {_MAX_CELLS} 个单元格），"
                        "不像是年度报告"
                    )
                held = list(row[:_MAX_COLUMNS])
                while held and isinstance(held[-1], EmptyCell):
                    held.pop()  # positions the sheet does not hold: no cell at all
                cells = [_text(cell.value) for cell in held]
                if any(cells):
                    lines.append("\t".join(cells))
                if time.monotonic() - started > limits.max_seconds:
                    raise InputError(f"{name} 读取超时（超过 {limits.max_seconds:g} 秒）")
            lines.append("")
    except InputError:
        raise
    except Exception as exc:
        raise InputError(f"{name} 不是有效的 Excel 文件（{type(exc).__name__}）") from None
    finally:
        workbook.close()
    return ReadDocument("\n".join(lines) + "\n", "xlsx")


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
