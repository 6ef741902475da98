"""The report's tables laid out for display: each table section with its title, its grid, and
per row the (column label, value) pairs — a value is a number, None for a blank cell, or "" for
a cell not in the report. Shared by every page and writer that shows the tables.

`TableLayout.printed` holds the same section as the national format prints it: one or more
tables of cells with their row and column spans — the merged headers (申请人情况 › 法人或其他组织 ›
…, 行政复议 / 行政诉讼 › 未经复议直接起诉 / 复议后起诉), the 勾稽关系 note in the corner of table
三, the 第二十条 sub-tables of 二 with their own headers. Cells are listed in reading order and a
cell covered by a span above or to the left is not listed (HTML's rule).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.report.document import Report, Value
from gongkai.report.editions import (
    APPEAL_COLUMNS,
    APPLICANT_COLUMNS,
    LEGAL_PERSON,
    LITIGATION,
    RESULTS,
    SECTION_NAMES,
)
from gongkai.report.grid import Row, Section, Table

#: Printed in the corner of table 三 (both editions), the rule R1 in words.
REQUESTS_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANTS = "申请人情况"
CONTENT = "信息内容"


@dataclass(frozen=True)
class Cell:
    """One printed cell. `value` is set for a number cell (None: blank); `header` is the HTML
    scope of a header cell ("col", "colgroup", "row", "rowgroup"), empty for a data cell."""

    text: str
    rows: int = 1
    cols: int = 1
    header: str = ""
    value: Value | str = ""  # "" for a label cell or a cell not in the report
    path: str = ""  # section.row.column of a number cell

    @property
    def is_value(self) -> bool:
        return bool(self.path)


@dataclass(frozen=True)
class Printed:
    """One printed table: header rows, then body rows, `columns` wide."""

    caption: str
    columns: int
    head: tuple[tuple[Cell, ...], ...]
    body: tuple[tuple[Cell, ...], ...]
    labels: int = 1  # how many leading columns hold labels

    def grid(self) -> list[list[str]]:
        """The rows with spans expanded: a merged cell's text in its first position, the
        positions it covers empty (as the readers give them)."""
        out: list[list[str]] = []
        taken: dict[tuple[int, int], str] = {}
        for r, row in enumerate((*self.head, *self.body)):
            c = 0
            line: list[str] = []
            for cell in row:
                while (r, c) in taken:
                    line.append(taken.pop((r, c)))
                    c += 1
                line.append(cell.text)
                line.extend([""] * (cell.cols - 1))
                for dr in range(1, cell.rows):
                    for dc in range(cell.cols):
                        taken[(r + dr, c + dc)] = ""
                c += cell.cols
            while (r, c) in taken:
                line.append(taken.pop((r, c)))
                c += 1
            out.append(line)
        return out


@dataclass(frozen=True)
class TableLayout:
    title: str  # 「第三部分 收到和处理政府信息公开申请情况」
    grid: Table
    rows: list[tuple[Row, list[tuple[str, Value | str]]]]
    printed: tuple[Printed, ...] = field(default=())


def layout(report: Report) -> list[TableLayout]:
    out = []
    for section in Section:
        grid = report.table(section)
        if grid is None:
            continue
        values = report.rows(section)
        rows = [
            (row, [(c.label, values.get(row.key, {}).get(c.key, "")) for c in row.columns])
            for row in grid.rows
        ]
        printed = _PRINTERS[section](grid, report)
        title = f"{section.label} {SECTION_NAMES[section.number]}"
        out.append(TableLayout(title, grid, rows, printed))
    return out


def number_text(value: Value | str) -> str:
    """A cell's printed text: blank stays empty, 0 prints 0, money keeps its decimals."""
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def _value(report: Report, section: Section, row: Row, key: str) -> Cell:
    value = report.rows(section).get(row.key, {}).get(key, "")
    return Cell(number_text(value), value=value, path=f"{section.value}.{row.key}.{key}")


def _proactive(grid: Table, report: Report) -> tuple[Printed, ...]:
    """One table per 第二十条 item, each with its 信息内容 header row."""
    groups: dict[str, list[Row]] = {}
    for row in grid.rows:
        groups.setdefault(row.group, []).append(row)
    out = []
    for group, rows in groups.items():
        columns = rows[0].columns
        head = (
            (
                Cell(CONTENT, header="col"),
                *(Cell(c.label, header="col") for c in columns),
            ),
        )
        body = tuple(
            (
                Cell(row.label, header="row"),
                *(_value(report, Section.PROACTIVE, row, c.key) for c in row.columns),
            )
            for row in rows
        )
        out.append(Printed(group, len(columns) + 1, head, body))
    return tuple(out)


def _requests(grid: Table, report: Report) -> tuple[Printed, ...]:
    """Three label columns: 三、本年度办理结果 › （三）不予公开 › 1.属于国家秘密."""
    legal = APPLICANT_COLUMNS[1:-1]
    head = (
        (Cell(REQUESTS_NOTE, rows=3, cols=3), Cell(APPLICANTS, cols=7, header="colgroup")),
        (
            Cell(APPLICANT_COLUMNS[0].label, rows=2, header="col"),
            Cell(LEGAL_PERSON, cols=len(legal), header="colgroup"),
            Cell(APPLICANT_COLUMNS[-1].label, rows=2, header="col"),
        ),
        tuple(Cell(c.label, header="col") for c in legal),
    )
    results = [r for r in grid.rows if r.group]  # every row under 三、本年度办理结果
    body: list[tuple[Cell, ...]] = []
    seen: set[str] = set()
    for row in grid.rows:
        labels: list[Cell] = []
        if not row.group:
            labels.append(Cell(row.label, cols=3, header="row"))
        else:
            if RESULTS not in seen:
                seen.add(RESULTS)
                labels.append(Cell(RESULTS, rows=len(results), header="rowgroup"))
            if row.group == RESULTS:
                labels.append(Cell(row.label, cols=2, header="row"))
            else:
                if row.group not in seen:
                    seen.add(row.group)
                    span = sum(1 for r in results if r.group == row.group)
                    labels.append(Cell(row.group, rows=span, header="rowgroup"))
                labels.append(Cell(row.label, header="row"))
        values = (_value(report, Section.REQUESTS, row, c.key) for c in row.columns)
        body.append((*labels, *values))
    caption = SECTION_NAMES[Section.REQUESTS.number]
    return (Printed(caption, 10, head, tuple(body), labels=3),)


def _appeals(grid: Table, report: Report) -> tuple[Printed, ...]:
    """Fifteen columns under 行政复议 and 行政诉讼 › 未经复议直接起诉 / 复议后起诉; one row."""
    width = len(APPEAL_COLUMNS)
    reconsideration, direct, after = grid.rows
    head = (
        (
            Cell(reconsideration.label, cols=width, header="colgroup"),
            Cell(LITIGATION, cols=2 * width, header="colgroup"),
        ),
        (
            *(Cell(c.label, rows=2, header="col") for c in APPEAL_COLUMNS),
            Cell(direct.label, cols=width, header="colgroup"),
            Cell(after.label, cols=width, header="colgroup"),
        ),
        tuple(Cell(c.label, header="col") for _ in (direct, after) for c in APPEAL_COLUMNS),
    )
    body = (
        tuple(
            _value(report, Section.APPEALS, row, c.key) for row in grid.rows for c in row.columns
        ),
    )
    caption = SECTION_NAMES[Section.APPEALS.number]
    return (Printed(caption, 3 * width, head, body, labels=0),)


_PRINTERS = {
    Section.PROACTIVE: _proactive,
    Section.REQUESTS: _requests,
    Section.APPEALS: _appeals,
}
