"""The report as an Excel workbook (openpyxl): one sheet per table section (二, 三, 四), labels in
the first columns with merged header cells, numbers as numeric cells, blank cells empty; the
prose on a sheet before the tables (title and 一) and one after them (五 and 六), so the
workbook read sheet by sheet keeps the report's order."""

from __future__ import annotations

import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from gongkai.render.formulas import as_text
from gongkai.render.text import Part, parts, title
from gongkai.report.document import Report
from gongkai.report.layout import Cell, Printed

_THIN = Side(style="thin")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_WRAP = Alignment(wrap_text=True, vertical="center")
_CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
_BOLD = Font(bold=True)
_SHEETS = {2: "二、主动公开", 3: "三、申请处理", 4: "四、复议诉讼"}


def render_xlsx(report: Report, previous: Report | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "一、总体情况"
    sheet.column_dimensions["A"].width = 100
    _line(sheet, title(report), _BOLD)
    prose_after: Worksheet | None = None
    for part in parts(report):
        if part.table is None:
            if part.number > 4 and prose_after is None:
                prose_after = workbook.create_sheet("五、六")
                prose_after.column_dimensions["A"].width = 100
            _prose(prose_after or sheet, part)
            continue
        tables = workbook.create_sheet(_SHEETS[part.number])
        _line(tables, part.heading, _BOLD)
        for printed in part.table.printed:
            _table(tables, printed, with_caption=printed.caption not in part.heading)
        _widths(tables, part.table.printed)
        _print_setup(tables, part.table.printed)
    workbook.properties.title = title(report)
    workbook.properties.language = "zh-CN"
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def _line(sheet: Worksheet, text: str, font: Font | None = None) -> None:
    row = sheet.max_row + 1 if sheet.max_row > 1 or sheet["A1"].value is not None else 1
    cell = as_text(sheet.cell(row=row, column=1, value=text))
    cell.alignment = Alignment(wrap_text=True, vertical="top")
    if font is not None:
        cell.font = font


def _prose(sheet: Worksheet, part: Part) -> None:
    _line(sheet, part.heading, _BOLD)
    for paragraph in part.prose:
        _line(sheet, paragraph)


def _table(sheet: Worksheet, printed: Printed, *, with_caption: bool) -> None:
    top = sheet.max_row + 2
    if with_caption:
        as_text(sheet.cell(row=top - 1, column=1, value=printed.caption)).font = _BOLD
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate((*printed.head, *printed.body)):
        c = 0
        for cell in row:
            while (r, c) in taken:
                c += 1
            _write(sheet, top + r, c + 1, cell)
            if cell.rows > 1 or cell.cols > 1:
                sheet.merge_cells(
                    start_row=top + r,
                    start_column=c + 1,
                    end_row=top + r + cell.rows - 1,
                    end_column=c + cell.cols,
                )
            taken.update((r + dr, c + dc) for dr in range(cell.rows) for dc in range(cell.cols))
            c += cell.cols
    for r in range(len(printed.head) + len(printed.body)):
        for c in range(printed.columns):
            sheet.cell(row=top + r, column=c + 1).border = _BOX


def _write(sheet: Worksheet, row: int, column: int, cell: Cell) -> None:
    target = sheet.cell(row=row, column=column)
    if cell.is_value:
        value = cell.value
        if isinstance(value, int | Decimal):
            target.value = value
            if isinstance(value, Decimal):
                target.number_format = "0.00##"
        return  # a blank (or absent) cell stays empty
    target.value = cell.text
    as_text(target)
    target.alignment = _CENTRE if cell.header in ("col", "colgroup") else _WRAP


def _print_setup(sheet: Worksheet, printed: tuple[Printed, ...]) -> None:
    """Landscape, one page wide; a single table keeps its headers and labels in view."""
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True  # type: ignore[union-attr]
    if len(printed) == 1:
        (table,) = printed
        first_body_row = sheet.max_row - len(table.body) + 1
        sheet.freeze_panes = sheet.cell(row=first_body_row, column=table.labels + 1).coordinate


def _widths(sheet: Worksheet, printed: tuple[Printed, ...]) -> None:
    labels = max(p.labels for p in printed)
    columns = max(p.columns for p in printed)
    for c in range(1, columns + 1):
        wide = c <= labels
        sheet.column_dimensions[get_column_letter(c)].width = 24 if wide else 12
