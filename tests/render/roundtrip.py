"""Render a report, read the file back with `gongkai extract`, compare cell by cell."""

from __future__ import annotations

import random
from pathlib import Path

from gongkai.extract import Extraction, extract_file
from gongkai.render import Format, render
from gongkai.report.document import Report, Value
from gongkai.report.grid import Edition, Section
from gongkai.report.synthetic import consistent_report

PROSE = {
    1: "本年度，本机关认真贯彻落实《中华人民共和国政府信息公开条例》。\n共收到申请若干件，均按时答复。",
    5: "一是公开内容还不够全面；二是形式比较单一。",
    6: "无。",
}


def synthetic(seed: int, edition: Edition, blank_zeros: bool) -> Report:
    report = consistent_report(random.Random(seed), edition=edition, blank_zeros=blank_zeros)
    report.prose = dict(PROSE)
    return report


def read_back(report: Report, fmt: Format, folder: Path) -> Extraction:
    path = folder / f"report.{fmt.value}"
    path.write_bytes(render(report, fmt))
    return extract_file(path)


def printed_cells(report: Report) -> dict[str, Value]:
    """Every cell of the report's grid as it is printed: its value, or blank (None) for a cell
    the report does not hold — a printed table has no way to leave a cell out."""
    out: dict[str, Value] = {}
    for section in Section:
        grid = report.table(section)
        assert grid is not None
        rows = report.rows(section)
        for row, col in grid.cells():
            out[f"{section.value}.{row.key}.{col.key}"] = rows.get(row.key, {}).get(col.key)
    return out


def assert_same(extraction: Extraction, truth: Report) -> None:
    got = extraction.report
    assert (got.agency, got.year, got.edition) == (truth.agency, truth.year, truth.edition)
    assert not got.is_mixed
    expected = printed_cells(truth)
    cells = dict(got.cells())
    wrong = {
        path: (expected.get(path, "absent"), cells.get(path, "absent"))
        for path in expected.keys() | cells.keys()
        if expected.get(path, "absent") != cells.get(path, "absent")
    }
    assert not wrong, wrong
    # the same Python types too: a blank is None, money stays Decimal, counts int
    assert {p: type(v) for p, v in cells.items()} == {p: type(v) for p, v in expected.items()}
    assert not got.ambiguous
    assert not extraction.doubts, [d.message for d in extraction.doubts]
