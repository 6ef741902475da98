"""R5–R8: continuity from one year to the next, and the sanity of section 二's counts.

Cross-year rules are warnings: a carry-over can legitimately differ (an application withdrawn
over New Year, a corrected count), but a supervisor wants to see every difference.
"""

from __future__ import annotations

from collections.abc import Iterator

from gongkai.check.finding import Blanks, CellRef, Finding, Level
from gongkai.report.document import Report, Value
from gongkai.report.grid import Edition, Section

_ITEM_ROWS_2019 = ("licensing", "other_services", "penalty", "coercion", "fees")
_DOCUMENT_ROWS = ("rules", "normative_documents")


def check_continuity(report: Report, previous: Report) -> Iterator[Finding]:
    """R5–R7 between `report` and the same agency's report of the year before."""
    if report.year is not None and previous.year is not None and previous.year != report.year - 1:
        yield Finding(
            "R5",
            Level.WARNING,
            f"所给的上一年报告是 {previous.year} 年度的，不是 {report.year - 1} 年度的，未作跨年度核对",
        )
        return
    if report.agency and previous.agency and report.agency != previous.agency:
        yield Finding(
            "R5",
            Level.WARNING,
            f"两份报告的机关名称不同（本年“{report.agency}”，上年“{previous.agency}”），"
            "请确认是同一机关",
        )
    yield from _r5(report, previous)
    this_ed, last_ed = report.edition_of(Section.PROACTIVE), previous.edition_of(Section.PROACTIVE)
    if this_ed is Edition.E2021 and last_ed is Edition.E2021:
        yield from _r6(report, previous)
    if this_ed is Edition.E2019 and last_ed is Edition.E2019:
        yield from _r7(report, previous)


def _r5(report: Report, previous: Report) -> Iterator[Finding]:
    grid = report.table(Section.REQUESTS)
    if grid is None or previous.table(Section.REQUESTS) is None:
        return
    for col in grid.rows[0].columns:
        mine = _get(report, Section.REQUESTS, ("carried_over_from_last_year", col.key))
        theirs = _get(previous, Section.REQUESTS, ("carried_over_to_next_year", col.key))
        if mine is None or theirs is None:
            continue
        now, then = mine[0], theirs[0]
        if (now or 0) == (then or 0):
            continue
        path = f"requests.carried_over_from_last_year.{col.key}"
        yield Finding(
            "R5",
            Level.WARNING,
            f"{col.label} 列：本年“上年结转” {_show(now)} ≠ 上一年报告“结转下年度继续办理” {_show(then)}",
            (CellRef(path, report.label(path)),),
            expected=then or 0,
            actual=now or 0,
            blanks=Blanks.AS_ZERO if now is None or then is None else Blanks.NONE,
        )


def _r6(report: Report, previous: Report) -> Iterator[Finding]:
    for row in _DOCUMENT_ROWS:
        mine = _get(
            report, Section.PROACTIVE, (row, "issued"), (row, "repealed"), (row, "in_force")
        )
        theirs = _get(previous, Section.PROACTIVE, (row, "in_force"))
        if mine is None or theirs is None:
            continue
        (issued, repealed, in_force), before = mine, theirs[0]
        expected = (before or 0) + (issued or 0) - (repealed or 0)
        if (in_force or 0) == expected:
            continue
        label = report.table(Section.PROACTIVE).row(row).label  # type: ignore[union-attr]
        path = f"proactive.{row}.in_force"
        yield Finding(
            "R6",
            Level.WARNING,
            f"{label}：上年现行有效 {_show(before)} + 本年制发 {_show(issued)} − 本年废止 "
            f"{_show(repealed)} = {expected}，而本年现行有效件数为 {_show(in_force)}",
            (CellRef(path, report.label(path)),),
            expected=expected,
            actual=in_force or 0,
            blanks=_blanks(issued, repealed, in_force, before),
        )


def _r7(report: Report, previous: Report) -> Iterator[Finding]:
    for row in _ITEM_ROWS_2019:
        mine = _get(report, Section.PROACTIVE, (row, "last_year_items"))
        theirs = _get(previous, Section.PROACTIVE, (row, "last_year_items"), (row, "change"))
        if mine is None or theirs is None:
            continue
        now, (then, change) = mine[0], theirs
        expected = (then or 0) + (change or 0)
        if (now or 0) == expected:
            continue
        label = report.table(Section.PROACTIVE).row(row).label  # type: ignore[union-attr]
        path = f"proactive.{row}.last_year_items"
        yield Finding(
            "R7",
            Level.WARNING,
            f"{label}：上年报告的上一年项目数量 {_show(then)} + 本年增/减 {_show(change)} = "
            f"{expected}，而本年报告的上一年项目数量为 {_show(now)}",
            (CellRef(path, report.label(path)),),
            expected=expected,
            actual=now or 0,
            blanks=_blanks(now, then, change),
        )


def check_proactive_counts(report: Report) -> Iterator[Finding]:
    """R8 (edition 2019): items never fall below zero; all published ≥ newly published."""
    if report.edition_of(Section.PROACTIVE) is not Edition.E2019:
        return
    for row in _ITEM_ROWS_2019:
        values = _get(report, Section.PROACTIVE, (row, "last_year_items"), (row, "change"))
        if values is None:
            continue
        items, change = values
        if (items or 0) + (change or 0) >= 0:
            continue
        label = report.label(f"proactive.{row}.change")
        yield Finding(
            "R8",
            Level.WARNING,
            f"{label}：上一年项目数量 {_show(items)} 加本年增/减 {_show(change)} 小于 0",
            (
                CellRef(
                    f"proactive.{row}.last_year_items",
                    report.label(f"proactive.{row}.last_year_items"),
                ),
                CellRef(f"proactive.{row}.change", label),
            ),
            expected=0,
            actual=(items or 0) + (change or 0),
        )
    for row in _DOCUMENT_ROWS:
        values = _get(report, Section.PROACTIVE, (row, "new_published"), (row, "total_published"))
        if values is None:
            continue
        new, total = values
        if (total or 0) >= (new or 0):
            continue
        path = f"proactive.{row}.total_published"
        yield Finding(
            "R8",
            Level.WARNING,
            f"{report.label(path)} {_show(total)} 小于本年新公开数量 {_show(new)}",
            (CellRef(path, report.label(path)),),
            expected=new,
            actual=total,
        )


def _get(report: Report, section: Section, *cells: tuple[str, str]) -> list[Value] | None:
    """The cells' values; None when any is missing or doubtful (the rule then stays silent)."""
    out: list[Value] = []
    for row, col in cells:
        cols = report.rows(section).get(row)
        if cols is None or col not in cols or report.is_doubtful(section, row, col):
            return None
        out.append(cols[col])
    return out


def _blanks(*values: object) -> Blanks:
    return Blanks.AS_ZERO if any(v is None for v in values) else Blanks.NONE


def _show(value: object) -> str:
    return "（空白）" if value is None else str(value)
