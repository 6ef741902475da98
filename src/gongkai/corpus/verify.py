"""Hold what was read from a file against what the file was made from.

The bar for a generated corpus: every cell read equals the value it was generated from, or a flag
covers it — an extraction doubt, or an error-level finding of the checker, naming the cell, its
row, or its whole table (both are what a reviewer is shown beside the cell). A cell not read at all
must be covered too, unless its whole section is absent from the document (the report then
states nothing about it, and the checker's R13 names the missing section). Anything else is a wrong number stated with confidence — a `Mismatch`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from gongkai.check.finding import Finding, Level
from gongkai.corpus.manifest import Entry
from gongkai.errors import GongkaiError
from gongkai.report.document import Report, Value
from gongkai.report.grid import Section

_MISSING = "（未读出）"


@dataclass(frozen=True)
class Mismatch:
    path: str
    expected: str
    actual: str

    def __str__(self) -> str:
        return f"{self.path}: 应为 {self.expected}，读出 {self.actual}"


def expected_cells(values: Mapping[str, Any]) -> dict[str, Value]:
    """The cells of an interchange dict, by `section.row.column`; money as Decimal."""
    out: dict[str, Value] = {}
    for section in Section:
        for row, cols in (values.get(section.value) or {}).items():
            for col, value in cols.items():
                out[f"{section.value}.{row}.{col}"] = _number(value)
    return out


def covered(flags: Iterable[Finding], report: Report) -> set[str]:
    """Paths (cells, rows `section.row`, whole sections `section`) that extraction doubts,
    error-level findings or the report's own ambiguous list put in question."""
    out = set(report.ambiguous)
    for doubt in flags:
        if doubt.source != "extraction" and doubt.level is not Level.ERROR:
            continue
        out.update(cell.path for cell in doubt.cells)
        if doubt.source != "extraction":
            out.update(_equation_line(doubt))
        section = doubt.data.get("section")
        if isinstance(section, str):
            out.add(section)
        elif isinstance(section, int):
            out.update(s.value for s in Section if s.number == section)
    return out


def verify(report: Report, flags: Iterable[Finding], values: Mapping[str, Any]) -> list[Mismatch]:
    """Every cell of `report` that differs from `values` (an interchange dict) with no flag on it,
    and every cell of `values` not read and not flagged. `flags`: the extraction's doubts and the
    checker's findings on the extracted report (warnings among them are ignored)."""
    want = expected_cells(values)
    got = dict(report.cells())
    flagged = covered(flags, report)
    out = []
    for path in sorted(want.keys() | got.keys()):
        expected = want.get(path, _MISSING)
        actual = got.get(path, _MISSING)
        if expected == actual or in_doubt(path, flagged):
            continue
        if actual is _MISSING and not _in_document(report, path):
            continue
        out.append(Mismatch(path, _show(expected), _show(actual)))
    return out


def _equation_line(finding: Finding) -> set[str]:
    """A rule finding names the cells of its equation that hold a number; the cells it leaves
    out (a 0 read where 3 was printed) are on the same row (R2, R4) or column (R1, R3): cover
    that whole line."""
    parts = [cell.path.split(".") for cell in finding.cells if cell.path.count(".") == 2]
    if len(parts) < 2:
        return set()
    out = set()
    if len({(s, r) for s, r, _ in parts}) == 1:
        out.add(f"{parts[0][0]}.{parts[0][1]}")
    if len({(s, c) for s, _, c in parts}) == 1:
        out.add(f"{parts[0][0]}.*.{parts[0][2]}")
    return out


def in_doubt(path: str, flagged: set[str]) -> bool:
    """Whether the cell at `path` is in question, given `covered(...)`."""
    section, row, col = path.split(".")
    return (
        path in flagged
        or f"{section}.{row}" in flagged
        or f"{section}.*.{col}" in flagged
        or section in flagged
    )


def _in_document(report: Report, path: str) -> bool:
    if report.sections is None:
        return True
    return Section(path.split(".")[0]).number in report.sections


def _number(value: Any) -> Value:
    if isinstance(value, float):
        return Decimal(repr(value))
    if isinstance(value, Decimal) and value == value.to_integral_value():
        return int(value)
    return value  # type: ignore[no-any-return]


def _show(value: object) -> str:
    if value is None:
        return "（空白）"
    return str(value)


@dataclass
class ReadBack:
    """One corpus file read as the importer reads it, held against its manifest entry."""

    file: str
    read: bool  # False: the reader refused the file (`error` says why)
    error: str = ""
    doubts: list[Finding] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    mismatches: list[Mismatch] = field(default_factory=list)
    report: Report | None = None
    #: Wrong cells no extraction doubt covers, caught only by the checker's arithmetic: the
    #: reader's own blind spots (a row one cell short read shifted, a number cut at the end).
    checker_only: list[Mismatch] = field(default_factory=list)


def read_back(directory: Path, entry: Entry, *, previous: Report | None = None) -> ReadBack:
    """Extract `entry`'s file, check it (against `previous`, last year's report, when given) and
    verify the cells against the manifest."""
    from gongkai.check import check
    from gongkai.extract import extract_file

    try:
        extraction = extract_file(directory / entry.file)
    except GongkaiError as exc:
        return ReadBack(entry.file, False, exc.message)
    report = extraction.report
    findings = check(report, previous=previous)
    mismatches = verify(report, [*extraction.doubts, *findings], entry.values)
    unflagged = verify(report, extraction.doubts, entry.values)
    checker_only = [m for m in unflagged if m not in mismatches]
    return ReadBack(
        entry.file, True, "", extraction.doubts, findings, mismatches, report, checker_only
    )
