"""Storing one extracted report: the report, its cells, its findings, in one transaction."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction

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
    # The agency is committed on its own: an agency without reports after a crash is harmless.
    agency = agencies.resolve(report.agency or _stem(outcome.name))
    try:
        with transaction.atomic():
            stored = CorpusReport.objects.create(
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
            write_cells_and_findings(stored, report, outcome.findings, outcome.doubts)
    except IntegrityError:
        return None  # stored meanwhile by a concurrent import of the same content
    return stored


def write_cells_and_findings(
    stored: CorpusReport,
    report: Report,
    findings: list[dict[str, Any]],
    doubts: list[dict[str, Any]],
) -> None:
    """(Re)write the cells, the findings and the key figures of `stored` from `report`."""
    flagged = flagged_paths(report, [*findings, *doubts])
    stored.cells.all().delete()
    stored.findings.all().delete()
    Cell.objects.bulk_create(
        Cell(
            report=stored,
            section=section,
            row=row,
            column=column,
            value=None if value is None else Decimal(value),
            flagged=f"{section}.{row}.{column}" in flagged or f"{section}.{row}" in flagged,
        )
        for path, value in report.cells()
        for section, row, column in [path.split(".")]
    )
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
    everything = [*findings, *doubts]
    stored.errors = sum(1 for f in everything if f["level"] == "error")
    stored.warnings = sum(1 for f in everything if f["level"] == "warning")
    stored.status = (
        Status.ERRORS if stored.errors else Status.WARNINGS if stored.warnings else Status.CLEAN
    )
    stored.published_on = published_on(report.extra)
    stored.on_time = on_time(stored.year, stored.published_on)
    for name, value in figures(report).items():
        setattr(stored, name, value)
    stored.save()


def flagged_paths(report: Report, findings: Iterable[dict[str, Any]]) -> set[str]:
    """Cells (`s.r.c`) and rows (`s.r`) a finding or doubt names, or the report marks doubtful."""
    paths = {c["path"] for f in findings for c in f.get("cells", ())}
    return paths | set(report.ambiguous) | set(report.inferred)


def _stem(name: str) -> str:
    return name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
