"""What the review page shows: findings and extraction doubts next to the source text, the lines
they concern highlighted, the tables as printed, and the cells that may be corrected."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from gongkai.oversight.filters import BadFilter
from gongkai.oversight.models import CorpusReport
from gongkai.report import interchange
from gongkai.report.document import Report
from gongkai.report.grid import Section
from gongkai.report.layout import layout


@dataclass(frozen=True)
class SourceLine:
    number: int
    text: str
    marked: bool


@dataclass(frozen=True)
class Shown:
    """A finding with the source lines it concerns."""

    rule: str
    level: str
    level_label: str
    source: str
    message: str
    cells: list[dict[str, str]]
    lines: list[int]


def lines_of(report: CorpusReport, paths: list[str]) -> list[int]:
    """Source lines of the rows the paths name (a row's own line when the extraction recorded
    it, otherwise its table's lines)."""
    rows: dict[str, int] = report.stages.get("rows", {})
    tables: dict[str, list[int]] = report.stages.get("tables", {})
    found: set[int] = set()
    for path in paths:
        parts = path.split(".")
        row_path = ".".join(parts[:2])
        if row_path in rows:
            found.add(rows[row_path])
        elif parts[0] in tables and tables[parts[0]]:
            start, end = tables[parts[0]]
            found.update({start, end})
    return sorted(found)


def cell_options(document: Report) -> list[tuple[str, str]]:
    options: list[tuple[str, str]] = []
    for section in Section:
        grid = document.table(section)
        if grid is None:
            continue
        for row in grid.rows:
            for column in row.columns:
                path = f"{section.value}.{row.key}.{column.key}"
                options.append((path, grid.cell_label(row.key, column.key)))
    return options


def review_context(report: CorpusReport, cell: str) -> dict[str, Any]:
    """What the review page shows; `cell` (from the address) must be a cell of the report's
    edition, else BadFilter (a 400 page)."""
    document = interchange.from_dict(report.report)
    options = cell_options(document)
    if cell and cell not in dict(options):
        raise BadFilter(f"这份报告没有单元格“{cell[:40]}”")
    shown = [
        Shown(
            f.rule,
            f.level,
            "错误" if f.level == "error" else "提醒",
            f.source,
            f.message,
            f.cells,
            lines_of(report, [c["path"] for c in f.cells]),
        )
        for f in report.findings.all()
    ]
    marked = {n for s in shown for n in s.lines}
    if cell:
        marked.update(lines_of(report, [cell]))
    source = [
        SourceLine(n, text, n in marked)
        for n, text in enumerate(report.source_text.splitlines(), 1)
    ]
    current = None
    if cell and document.has(cell):
        current = document.value(cell)
    flagged = set(report.cells.filter(flagged=True).values_list("section", "row", "column"))
    return {
        "report": report,
        "document": document,
        "tables": layout(document),
        "rule_findings": [s for s in shown if s.source != "extraction"],
        "doubts": [s for s in shown if s.source == "extraction"],
        "source": source,
        "options": options,
        "cell": cell,
        "cell_label": dict(options).get(cell, ""),
        "cell_value": current,
        "cell_present": bool(cell) and document.has(cell),
        "cell_flagged": tuple(cell.split(".")) in flagged if cell else False,
        "cell_findings": [
            s for s in shown if any(c["path"] in (cell, cell.rsplit(".", 1)[0]) for c in s.cells)
        ],
        "flagged_count": len(flagged),
        "corrections": report.corrections.select_related("by"),
        "previous": report.agency.reports.filter(year=report.year - 1).first(),
    }
