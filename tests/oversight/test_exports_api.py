"""Exports read back with their own readers; the API paginates, filters, keeps to the user's reach
and answers exactly what its OpenAPI document says."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import jsonschema
import openpyxl
import pyarrow.parquet as pq
import pytest
from django.test import Client

from gongkai.oversight.models import Cell, CorpusReport

from ..ledger.conftest import login
from .conftest import Imported


def _truth_rows(imported: Imported) -> set[tuple[str, int, str, float | None]]:
    return {
        (agency, year, path, None if v is None else float(v))
        for corpus in (imported.east, imported.west)
        for agency, year, cells in corpus.truth.values()
        for path, v in cells.items()
    }


def _read_rows(rows: list[dict[str, Any]]) -> set[tuple[str, int, str, float | None]]:
    out = set()
    for r in rows:
        value = r["value"]
        value = None if value in ("", None) else float(value)
        out.add((r["agency"], int(r["year"]), f"{r['section']}.{r['row']}.{r['column']}", value))
    return out


def test_csv_export_reads_back_to_the_truth(imported: Imported) -> None:
    response = login(imported.regions.root).get("/oversight/export.csv")
    assert response.status_code == 200 and response.streaming
    text = b"".join(response.streaming_content).decode("utf-8-sig")  # type: ignore[arg-type]
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == Cell.objects.count()
    assert _read_rows(rows) == _truth_rows(imported)
    assert {r["region"] for r in rows} == {
        "示例省 › 示例市 › 东区 › 示例县",
        "示例省 › 示例市 › 西区 › 示例县",
    }


def test_xlsx_export_reads_back(imported: Imported) -> None:
    client = login(imported.regions.west_supervisor)
    response = client.get("/oversight/export.xlsx")
    book = openpyxl.load_workbook(io.BytesIO(response.content), read_only=True)
    sheet = book.worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    header, body = values[0], values[1:]
    rows = [dict(zip(header, row, strict=True)) for row in body]
    west = imported.regions.west.path
    west_cells = Cell.objects.filter(report__agency__region__path__startswith=west).count()
    assert len(rows) == west_cells
    assert {r["region"] for r in rows} == {"示例省 › 示例市 › 西区 › 示例县"}
    west_truth = {
        (agency, year, path, None if v is None else float(v))
        for agency, year, cells in imported.west.truth.values()
        for path, v in cells.items()
    }
    assert _read_rows(rows) == west_truth


def test_parquet_export_reads_back(imported: Imported) -> None:
    response = login(imported.regions.root).get("/oversight/export.parquet?year=abc")
    assert response.status_code == 400
    year = next(iter(imported.west.truth.values()))[1]
    response = login(imported.regions.root).get(f"/oversight/export.parquet?year={year}")
    table = pq.read_table(io.BytesIO(response.content))
    rows = table.to_pylist()
    assert len(rows) == Cell.objects.filter(report__year=year).count() > 0
    assert {r["year"] for r in rows} == {year}
    assert _read_rows(rows) == {t for t in _truth_rows(imported) if t[1] == year}


def _schema_validator(document: dict[str, Any], name: str) -> jsonschema.Draft202012Validator:
    schema = {**document, "$ref": f"#/components/schemas/{name}"}
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("name", ["regions", "reports", "cells", "findings"])
def test_api_answers_match_the_openapi_document(imported: Imported, name: str) -> None:
    client = login(imported.regions.root)
    document = client.get("/oversight/api/openapi.json").json()
    assert document["openapi"] == "3.1.0"
    operation = document["paths"][f"/oversight/api/{name}"]["get"]
    page_ref = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    validator = _schema_validator(document, page_ref.rsplit("/", 1)[-1])
    error_validator = _schema_validator(document, "Error")
    body = client.get(f"/oversight/api/{name}?page_size=7").json()
    validator.validate(body)
    assert len(body["results"]) == min(7, body["count"])
    bad = client.get(f"/oversight/api/{name}?page=x")
    assert bad.status_code == 400
    error_validator.validate(bad.json())
    unauthenticated = Client().get(f"/oversight/api/{name}")
    assert unauthenticated.status_code == 401
    error_validator.validate(unauthenticated.json())
    documented = {p["name"] for p in operation["parameters"]}
    assert {"page", "page_size"} <= documented


def test_api_pages_through_everything_once(imported: Imported) -> None:
    client = login(imported.regions.root)
    seen: list[int] = []
    url: str | None = "/oversight/api/reports?page_size=5"
    while url:
        body = client.get(url).json()
        seen.extend(r["id"] for r in body["results"])
        url = body["next"]
    assert sorted(seen) == sorted(CorpusReport.objects.values_list("pk", flat=True))
    assert len(seen) == 12


def test_api_filters_and_reach(imported: Imported) -> None:
    r = imported.regions
    west = login(r.west_supervisor)
    body = west.get("/oversight/api/reports").json()
    assert body["count"] == 4 and {x["region"] for x in body["results"]} == {"示例县"}
    assert west.get(f"/oversight/api/reports?region={r.east.pk}").status_code == 400
    assert west.get("/oversight/api/regions").json()["count"] == 2  # 西区 and 示例县 below it
    root = login(r.root)
    report = CorpusReport.objects.filter(agency__region__path__startswith=r.east.path).first()
    assert report is not None
    cells = root.get(f"/oversight/api/cells?report={report.pk}&section=requests&row=granted").json()
    assert {c["path"] for c in cells["results"]} == {
        f"requests.granted.{col}"
        for col in (
            "natural_person",
            "commercial_enterprise",
            "research_institution",
            "social_welfare_org",
            "legal_service_org",
            "other_org",
            "total",
        )
    }
    total = next(c for c in cells["results"] if c["column"] == "total")
    assert total["value"] == report.granted
    errors = root.get("/oversight/api/reports?errors=1").json()
    assert all(x["errors"] > 0 for x in errors["results"])
    findings = root.get("/oversight/api/findings?level=error").json()
    assert all(f["level"] == "error" for f in findings["results"])
    assert (
        json.dumps(root.get("/oversight/api/nothing").json(), ensure_ascii=False).count("没有接口")
        == 1
    )
