"""Every cell with its agency, region and year, as rows for CSV, Excel and Parquet.

Agency and region names come from the reports (a title 「=1+1」 is an agency's name): in CSV and
Excel they are written so that no spreadsheet runs them (`gongkai.render.formulas`); Parquet
holds them as typed strings, exactly."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from gongkai.errors import GongkaiError
from gongkai.oversight.models import Cell, Region
from gongkai.render.formulas import as_text, csv_cell

HEADER = (
    "report_id",
    "agency",
    "region",
    "year",
    "edition",
    "section",
    "row",
    "column",
    "value",
    "flagged",
)


class ExportUnavailable(GongkaiError):
    code = "export_unavailable"


def number(value: Decimal | None) -> int | float | None:
    """A stored value as JSON, CSV and Excel want it: an integer when it is one."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def rows(cells: QuerySet[Cell]) -> Iterator[tuple[Any, ...]]:
    names = _region_names()
    fields = (
        "report_id",
        "report__agency__name",
        "report__agency__region__path",
        "report__year",
        "report__edition",
        "section",
        "row",
        "column",
        "value",
        "flagged",
    )
    for r in cells.order_by("report_id", "pk").values_list(*fields).iterator(chunk_size=5000):
        yield (r[0], r[1], names.get(r[2], ""), r[3], r[4], r[5], r[6], r[7], number(r[8]), r[9])


def _region_names() -> dict[str, str]:
    """Every region's path → 「省 › 市 › 县」 (regions are few; cells are many)."""
    by_id = dict(Region.objects.values_list("pk", "name"))
    return {
        path: " › ".join(by_id.get(int(i), "") for i in path.strip("/").split("/") if i)
        for path in Region.objects.values_list("path", flat=True)
    }


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(cells: QuerySet[Cell]) -> Iterator[str]:
    """CSV text in pieces (streamed): a BOM so Excel reads UTF-8, the key header, then rows."""
    writer = csv.writer(_Echo())
    yield "\ufeff" + writer.writerow(HEADER)
    for row in rows(cells):
        yield writer.writerow([csv_cell(v) for v in row])


def xlsx_bytes(cells: QuerySet[Cell]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("单元格")
    sheet.append(list(HEADER))
    for row in rows(cells):
        sheet.append([as_text(WriteOnlyCell(sheet, value=v)) for v in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def parquet_bytes(cells: QuerySet[Cell]) -> bytes:
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
        import pyarrow.parquet as pq  # type: ignore[import-untyped]
    except ImportError:
        raise ExportUnavailable(
            "导出 Parquet 需要安装可选依赖：pip install 'gongkai[parquet]'"
        ) from None
    columns: list[list[Any]] = [[] for _ in HEADER]
    for row in rows(cells):
        for column, value in zip(columns, row, strict=True):
            column.append(value)
    schema = pa.schema(
        [
            ("report_id", pa.int64()),
            ("agency", pa.string()),
            ("region", pa.string()),
            ("year", pa.int32()),
            ("edition", pa.string()),
            ("section", pa.string()),
            ("row", pa.string()),
            ("column", pa.string()),
            ("value", pa.float64()),
            ("flagged", pa.bool_()),
        ]
    )
    table = pa.table(columns, schema=schema)
    out = io.BytesIO()
    pq.write_table(table, out)
    return out.getvalue()
