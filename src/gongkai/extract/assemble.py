"""The stages' results → a `Report` and its doubts.

Only cells read for certain are written. A row with several readings is listed under `ambiguous`
and left out (for the appeals row, only the blocks its readings disagree on); a cell that is not a
number is left out with an error; nothing is inferred or zeroed.
"""

from __future__ import annotations

from gongkai.check.finding import Finding
from gongkai.extract import doubts
from gongkai.extract.cells import Reading
from gongkai.extract.sections import Sections
from gongkai.extract.tables import LocatedTable
from gongkai.extract.values import Unreadable
from gongkai.report.document import Report, check_value
from gongkai.report.grid import Edition, Row, Section


def fill_tables(report: Report, tables: dict[Section, LocatedTable]) -> list[Finding]:
    found: list[Finding] = []
    for section, table in tables.items():
        unsure: dict[str, list[Row]] = {}  # rows in doubt, by the reason: one doubt for each
        for reading in table.readings:
            found.extend(_write(report, section, reading, unsure))
        found += [doubts.ambiguous(section, rows, why) for why, rows in unsure.items()]
        for row in table.duplicates:
            report.ambiguous.append(f"{section.value}.{row.key}")
            found.append(doubts.duplicate(section, row))
        if table.foreign:
            labels = [hit.label for hit in table.foreign]
            found.append(doubts.other_edition(section, table.edition, labels))
        if table.missing and table.readings:
            found.append(doubts.truncated(section, table.missing))
    report.ambiguous.sort(key=lambda path: _order(report, path))
    return found


def _write(
    report: Report, section: Section, reading: Reading, in_doubt: dict[str, list[Row]]
) -> list[Finding]:
    found: list[Finding] = []
    if reading.hit.misspelt:
        found.append(doubts.misspelt(section, reading.rows[0], reading.hit.label))
    unsure: list[Row] = []
    for row in reading.rows:
        positions = [i for i, (r, _) in enumerate(reading.columns) if r is row]
        if not positions:
            if reading.cut_short:  # the document ends before the row's first whole cell
                found.append(doubts.cut_short(section, row, row.columns))
            continue
        readings = {tuple(values[i] for i in positions) for values in reading.candidates}
        if len(readings) != 1:
            unsure.append(row)
            continue
        (values,) = readings
        cells = report.rows(section).setdefault(row.key, {})
        for i, value in zip(positions, values, strict=True):
            column = reading.columns[i][1]
            if isinstance(value, Unreadable) and value.confidence is not None:
                report.ambiguous.append(f"{section.value}.{row.key}.{column.key}")
                found.append(doubts.ocr_unsure(section, row, column, value.text, value.confidence))
            elif isinstance(value, Unreadable):
                found.append(doubts.unreadable(section, row, column, value.text, value.why))
            elif why := check_value(column, value):
                found.append(doubts.unreadable(section, row, column, str(value), why))
            else:
                cells[column.key] = value
        if reading.cut_short:
            read = {reading.columns[i][1].key for i in positions}
            lost = [col for col in row.columns if col.key not in read]
            found.append(doubts.cut_short(section, row, lost))
    if unsure:
        report.ambiguous.extend(f"{section.value}.{row.key}" for row in unsure)
        in_doubt.setdefault(reading.reason, []).extend(unsure)
    if reading.dropped and len(reading.candidates) == 1:
        label = reading.rows[0].label if len(reading.rows) == 1 else reading.hit.label
        found.append(
            doubts.extra_cell(section, reading.rows, label, reading.dropped, len(reading.columns))
        )
    return found


def _order(report: Report, path: str) -> tuple[int, int]:
    section_key, row_key = path.split(".")[:2]
    section = Section(section_key)
    grid = report.table(section)
    rows = [r.key for r in grid.rows] if grid else []
    return list(Section).index(section), rows.index(row_key) if row_key in rows else len(rows)


def decide_edition(
    report: Report, tables: dict[Section, LocatedTable], year: int | None
) -> list[Finding]:
    """The report's edition (section 三's), and per-table editions when they differ."""
    for section in (Section.REQUESTS, Section.PROACTIVE, Section.APPEALS):
        if section in tables:
            report.edition = tables[section].edition
            break
    else:
        report.edition = Edition.for_year(year) if year else Edition.E2021
    proactive, requests = tables.get(Section.PROACTIVE), tables.get(Section.REQUESTS)
    if proactive and requests and proactive.edition is not requests.edition:
        report.editions = {Section.PROACTIVE: proactive.edition, Section.REQUESTS: requests.edition}
        return [doubts.mixed_edition(report.editions)]
    return []


def section_doubts(
    sections: Sections, tables: dict[Section, LocatedTable], edition: Edition
) -> tuple[frozenset[int], list[Finding]]:
    """Which sections the document holds, and the doubts about their headings and tables."""
    present = set(sections.headings)
    found: list[Finding] = []
    for section in Section:
        table = tables.get(section)
        has_table = table is not None and bool(table.readings or table.duplicates)
        if has_table:
            present.add(section.number)
            if section.number not in sections.headings:
                found.append(doubts.heading_missing(section.number))
        elif section.number in sections.headings and edition is not Edition.LEGACY:
            found.append(doubts.table_missing(section))
    return frozenset(present), found
