"""OCR results held to the tables' arithmetic: a number OCR misread with confidence (a digit
half erased, "48" read as "4") would otherwise stand as a value, and the checker would blame the
agency for a sum that does not add up.

When a document was read (in part) by OCR, every rule that fails among the read cells — R2 (a
requests row's 总计), R4 (an appeals block's 总计), R1 and R3 (the requests columns) — takes all
the cells it involves out of the report: each is listed as ambiguous with one `ocr_inconsistent`
doubt per failing rule. Blanks count as 0, as in `constraints`; a rule with an unread cell decides
nothing. Nothing is corrected: a person compares the cells with the original.
"""

from __future__ import annotations

from gongkai.check.finding import CellRef, Finding, Level
from gongkai.extract.constraints import balanced, column_equations, column_sums
from gongkai.report.document import Report
from gongkai.report.editions import APPLICANT_KEYS
from gongkai.report.grid import Section, Table

_APPEAL_PARTS = ("upheld", "corrected", "other", "pending")


Cells = list[tuple[Section, str, str]]  # (section, row key, column key)


def inconsistent(report: Report) -> list[Finding]:
    """Doubts for the failing rules; their cells leave `report` (see the module's doc)."""
    failing: list[tuple[str, str, Cells]] = []
    for section, parts in ((Section.REQUESTS, APPLICANT_KEYS), (Section.APPEALS, _APPEAL_PARTS)):
        rule = "R2" if section is Section.REQUESTS else "R4"
        for row_key, cols in report.rows(section).items():
            total = cols.get("total")
            if total is None or sum(cols.get(p) or 0 for p in parts) == total:
                continue
            what = f"{section.label}“{_label(report, section, row_key)}”一行各栏之和与总计不符"
            failing.append((rule, what, [(section, row_key, c) for c in cols]))
    grid = report.table(Section.REQUESTS)
    if grid is not None:
        failing += _columns(report, grid)
    found = [_doubt(report, rule, what, cells) for rule, what, cells in failing]
    return [f for f in found if f is not None]


def _columns(report: Report, grid: Table) -> list[tuple[str, str, Cells]]:
    """R1 and R3, column by column."""
    rows = report.rows(Section.REQUESTS)
    columns = grid.rows[0].columns
    out: list[tuple[str, str, Cells]] = []
    for number, (left, right) in zip(("R1", "R3"), column_equations(grid), strict=True):
        if not all(r in rows for r in (*left, *right)):
            continue
        keys = [c.key for c in columns]
        left_sums = column_sums([rows[r] for r in left], keys)
        right_sums = column_sums([rows[r] for r in right], keys)
        for column in columns:
            if balanced({column.key: left_sums[column.key]}, {column.key: right_sums[column.key]}):
                continue
            cells = [(Section.REQUESTS, r, column.key) for r in (*left, *right)]
            what = f"{Section.REQUESTS.label}“{column.label}”一栏上下各行之和不符"
            out.append((number, what, cells))
    return out


def _label(report: Report, section: Section, row_key: str, column_key: str = "") -> str:
    """The row's label, and the column's after " › " when `column_key` is given."""
    grid = report.table(section)
    row = next((r for r in grid.rows if r.key == row_key), None) if grid else None
    if row is None:
        return f"{row_key} › {column_key}" if column_key else row_key
    if not column_key:
        return row.label
    column = next((c.label for c in row.columns if c.key == column_key), column_key)
    return f"{row.label} › {column}"


def _doubt(report: Report, rule: str, what: str, cells: Cells) -> Finding | None:
    refs = []
    for section, row_key, column in cells:
        cols = report.rows(section).get(row_key, {})
        if column not in cols:
            continue
        del cols[column]
        path = f"{section.value}.{row_key}.{column}"
        if path not in report.ambiguous:
            report.ambiguous.append(path)
        refs.append(CellRef(path, f"{section.label} {_label(report, section, row_key, column)}"))
    if not refs:
        return None
    message = (
        f"{what}（{rule}）；该文档由 OCR 识别，可能有数字识别错误（也可能原件即如此），"
        f"所涉 {len(refs)} 个单元格已略去，请核对原件。"
    )
    data: dict[str, object] = {"rule": rule}
    return Finding(
        "ocr_inconsistent", Level.WARNING, message, tuple(refs), source="extraction", data=data
    )
