"""Storing one extracted report: the report, its cells, its findings, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, connection, transaction

from gongkai.check import check
from gongkai.check.finding import CellRef, Finding, Level
from gongkai.corpus.verify import covered
from gongkai.oversight.agencies import AgencyIndex
from gongkai.oversight.figures import figures, on_time, published_on
from gongkai.oversight.models import (
    Cell,
    CorpusReport,
    FindingRow,
    ImportRun,
    Status,
)
from gongkai.oversight.reading import Outcome
from gongkai.report import interchange
from gongkai.report.document import Report


def report_store(
    *, outcome: Outcome, agencies: AgencyIndex, run: ImportRun | None
) -> CorpusReport | None:
    """Store a successful outcome; None when a report with the same content is already stored
    (resumed or repeated imports add nothing twice). All or nothing: a crash leaves no part."""
    if CorpusReport.objects.filter(sha256=outcome.sha256).exists():
        return None
    report = interchange.from_dict(outcome.report)
    try:
        with transaction.atomic():
            agency = agencies.resolve(report.agency or _stem(outcome.name))
            stored = CorpusReport(
                agency=agency,
                year=report.year or 0,
                edition=report.edition.value,
                sha256=outcome.sha256,
                source_name=outcome.name[:500],
                format=outcome.format,
                source_text=outcome.text,
                report=outcome.report,
                stages=outcome.stages,
                doubts=outcome.doubts,
                run=run,
            )
            previous = neighbour(agency.pk, stored.year - 1)
            findings = (
                outcome.findings if previous is None else checked(report, previous)
            )  # the worker checked without last year's report: R5–R7 need it
            write_cells_and_findings(stored, report, findings, outcome.doubts, new=True)
            following = neighbour(agency.pk, stored.year + 1)
            if following is not None:
                recheck(following)
    except IntegrityError:
        agencies.reload()  # an agency it made may have been rolled back with the report
        return None  # stored meanwhile by a concurrent import of the same content
    return stored


def neighbour(agency_id: int, year: int) -> CorpusReport | None:
    """The agency's report on `year` (the first stored, should there be two), without its source
    text: only what a re-check reads and writes."""
    return (
        CorpusReport.objects.filter(agency_id=agency_id, year=year)
        .defer("source_text", "stages")
        .order_by("year", "agency_id", "pk")  # the (year, agency) index's own order
        .first()
    )


def checked(document: Report, previous: CorpusReport | None) -> list[dict[str, Any]]:
    """The checker's findings on `document`, R5–R7 included when last year's report is stored."""
    before = interchange.from_dict(previous.report) if previous is not None else None
    return [f.as_dict() for f in check(document, previous=before)]


def recheck(stored: CorpusReport) -> None:
    """Check a stored report again (last year's report arrived, or a cell was corrected)."""
    document = interchange.from_dict(stored.report)
    findings = checked(document, neighbour(stored.agency_id, stored.year - 1))
    write_cells_and_findings(stored, document, findings, stored.doubts)


def write_cells_and_findings(
    stored: CorpusReport,
    report: Report,
    findings: list[dict[str, Any]],
    doubts: list[dict[str, Any]],
    *,
    new: bool = False,
) -> None:
    """(Re)write the cells, the findings and the key figures of `stored` from `report`; `new`:
    `stored` is not saved yet (one INSERT, no old rows to delete)."""
    _figures(stored, report, [*findings, *doubts])
    if new:
        stored.save(force_insert=True)
    else:
        stored.save()
        stored.cells.all().delete()
        stored.findings.all().delete()
    _insert_cells(stored, report, flagged_paths(report, [*findings, *doubts]))
    FindingRow.objects.bulk_create(
        FindingRow(
            report=stored,
            rule=f["rule"],
            level=f["level"],
            source=f.get("source", "rule"),
            message=f["message"],
            cells=f.get("cells", []),
        )
        for f in [*findings, *doubts]
    )


def _insert_cells(stored: CorpusReport, report: Report, flagged: set[str]) -> None:
    """One multi-row INSERT per chunk: a report has some 250 cells and an import 20,000 reports,
    so the ORM's per-object cost would dominate the import."""
    quote = connection.ops.quote_name
    table = quote(Cell._meta.db_table)
    columns = ", ".join(
        quote(c) for c in ("report_id", "section", "row", "column", "value", "flagged")
    )
    rows = [
        (
            stored.pk,
            *path.split("."),
            None if value is None else Decimal(value),
            is_flagged(path, flagged),
        )
        for path, value in report.cells()
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 100):
            chunk = rows[start : start + 100]
            marks = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(chunk))
            cursor.execute(
                f"INSERT INTO {table} ({columns}) VALUES {marks}",
                [v for row in chunk for v in row],
            )


def _figures(stored: CorpusReport, report: Report, everything: list[dict[str, Any]]) -> None:
    stored.errors = sum(1 for f in everything if f["level"] == "error")
    stored.warnings = sum(1 for f in everything if f["level"] == "warning")
    stored.status = (
        Status.ERRORS if stored.errors else Status.WARNINGS if stored.warnings else Status.CLEAN
    )
    stored.published_on = published_on(report.extra)
    stored.on_time = on_time(stored.year, stored.published_on, stored.agency.name)
    for name, value in figures(report).items():
        setattr(stored, name, value)


def flagged_paths(report: Report, findings: Iterable[dict[str, Any]]) -> set[str]:
    """What is in question, as `gongkai.corpus.verify` reads it: cells, rows (`s.r`), columns
    (`s.*.c`) and whole sections named by extraction doubts and error-level findings, cells named
    by warnings, and the cells the report itself marks ambiguous or inferred."""
    listed = [as_finding(f) for f in findings]
    named = {c.path for f in listed for c in f.cells}
    return covered(listed, report) | named | set(report.inferred)


def is_flagged(path: str, flagged: set[str]) -> bool:
    section, row, column = path.split(".")
    return bool({path, f"{section}.{row}", f"{section}.*.{column}", section} & flagged)


def as_finding(data: dict[str, Any]) -> Finding:
    """A finding back from its `as_dict` form (for the cells, level, source and data only)."""
    return Finding(
        rule=data["rule"],
        level=Level(data["level"]),
        message=data["message"],
        cells=tuple(CellRef(c["path"], c.get("label", "")) for c in data.get("cells", ())),
        source=data.get("source", "rule"),
        data=data.get("data", {}),
    )


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
