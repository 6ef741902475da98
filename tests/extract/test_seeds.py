"""The five seed reports extract to their checked gold files, exactly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from gongkai.extract import extract_file
from gongkai.report.document import Report
from gongkai.report.editions import APPLICANT_KEYS, table
from gongkai.report.grid import Section
from gongkai.report.interchange import from_dict, to_dict

from ..conftest import GOLD, SEEDS

NAMES = sorted(p.stem for p in GOLD.glob("*.json"))


def _document(name: str) -> Path:
    (path,) = (p for p in SEEDS.iterdir() if p.is_file() and p.stem == name)
    return path


def _gold(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return data


def _cells(doc: dict[str, Any]) -> dict[str, Any]:
    return {
        f"{section}.{row}.{col}": value
        for section in ("proactive", "requests", "appeals")
        for row, cols in (doc.get(section) or {}).items()
        for col, value in cols.items()
    }


@pytest.mark.parametrize("name", NAMES)
def test_seed_matches_gold(name: str) -> None:
    got = to_dict(extract_file(_document(name)).report)
    gold = _gold(name)
    assert (got["agency"], got["year"], got["edition"]) == (
        gold["agency"],
        gold["year"],
        gold["edition"],
    )
    assert _cells(got) == _cells(gold)
    assert got.get("ambiguous", []) == gold.get("ambiguous", [])
    assert got.get("inferred", []) == gold.get("inferred", [])


@pytest.mark.parametrize("name", NAMES)
def test_seed_report_is_valid_interchange(name: str) -> None:
    report = extract_file(_document(name)).report
    again = from_dict(json.loads(json.dumps(to_dict(report))))
    assert dict(again.cells()) == dict(report.cells())


@pytest.mark.parametrize("name", NAMES)
def test_seed_cells_keep_r1_to_r4_where_complete(name: str) -> None:
    report = extract_file(_document(name)).report
    assert not list(_broken_sums(report))


def _broken_sums(report: Report) -> list[str]:
    """R1–R4 over the cells present and not blank (a rule touching a missing or blank cell is
    not decided here)."""
    broken: list[str] = []

    def check(where: str, parts: list[Any], total: list[Any]) -> None:
        if all(isinstance(v, int | Decimal) for v in (*parts, *total)) and sum(parts) != sum(total):
            broken.append(where)

    req, app = report.requests, report.appeals
    grid = table(report.edition_of(Section.REQUESTS), Section.REQUESTS)
    outcomes = [r.key for r in grid.rows][2:-2]
    for col in (*APPLICANT_KEYS, "total"):

        def cell(row: str, col: str = col) -> Any:
            return req.get(row, {}).get(col, "absent")

        check(
            f"R1 {col}",
            [cell("new_received"), cell("carried_over_from_last_year")],
            [cell("total_processed"), cell("carried_over_to_next_year")],
        )
        check(f"R3 {col}", [cell(r) for r in outcomes], [cell("total_processed")])
    for row, cols in req.items():
        check(f"R2 {row}", [cols.get(k, "absent") for k in APPLICANT_KEYS], [cols.get("total")])
    for row, cols in app.items():
        parts = [cols.get(k, "absent") for k in ("upheld", "corrected", "other", "pending")]
        check(f"R4 {row}", parts, [cols.get("total")])
    return broken


def test_seed_doubts_say_what_was_left_out() -> None:
    doubts = {name: extract_file(_document(name)).doubts for name in NAMES}
    truncated = [d for d in doubts[NAMES[0]] if d.rule == "truncated"]
    assert {d.data["missing_rows"][0] for d in truncated} == {"licensing", "new_received"}
    assert any(d.rule == "heading_missing" and d.data["section"] == 3 for d in doubts[NAMES[0]])
    assert any(d.rule == "extra_cell" for d in doubts[NAMES[0]])
    (ambiguous,) = [d for d in doubts[NAMES[2]] if d.rule == "ambiguous"]
    assert ambiguous.cells[0].path == "requests.denied_state_secret"
    assert "国家秘密" in ambiguous.message and "000 0" in ambiguous.message
    assert all(d.source == "extraction" for ds in doubts.values() for d in ds)
    assert not doubts[NAMES[1]] and not doubts[NAMES[4]]


def test_seed_web_page_metadata_and_chrome() -> None:
    report = extract_file(_document(NAMES[2])).report
    assert report.extra["metadata"] == {
        "source": "曲靖市麒麟区珠街街道",
        "published_at": "2021-02-16 14:57",
    }
    assert "CopyRight" not in report.prose[6]
    assert report.prose[6] == ""
    assert report.sections == frozenset(range(1, 7))


def test_seed_prose_sections() -> None:
    report = extract_file(_document(NAMES[4])).report
    assert report.prose[1].startswith("2020年，栖霞区人民政府办公室")
    assert "主要表现在基层政务公开" in report.prose[5]
    assert report.prose[6] == "无。"
