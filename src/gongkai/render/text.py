"""What every writer prints besides the tables: the title, the six headings, the prose."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from gongkai.report.document import Report
from gongkai.report.editions import PROSE_SECTIONS, SECTION_NAMES
from gongkai.report.layout import TableLayout, layout

NUMERALS = "一二三四五六"
#: Printed where the agency has not written a prose section yet.
MISSING_PROSE = "（本部分尚未填写。）"


def title(report: Report) -> str:
    """「栖霞区人民政府办公室2020年政府信息公开工作年度报告」."""
    year = f"{report.year}年" if report.year else ""
    return f"{report.agency or ''}{year}政府信息公开工作年度报告"


def title_lines(report: Report) -> tuple[str, ...]:
    """The title as printed on the page: the agency on a line of its own, as reports do (a long
    title wrapping mid-name reads back wrong)."""
    year = f"{report.year}年" if report.year else ""
    rest = f"{year}政府信息公开工作年度报告"
    return (report.agency, rest) if report.agency else (rest,)


def heading(number: int) -> str:
    return f"{NUMERALS[number - 1]}、{SECTION_NAMES[number]}"


def paragraphs(report: Report, number: int) -> list[str]:
    """The prose of section `number` as paragraphs (blank lines and line breaks both split)."""
    text = report.prose.get(number, "").strip()
    lines = [line.strip() for line in text.splitlines()]
    return [line for line in lines if line] or [MISSING_PROSE]


@dataclass(frozen=True)
class Part:
    """One of the six sections: its heading and either prose or a laid-out table section."""

    number: int
    heading: str
    prose: tuple[str, ...] = ()
    table: TableLayout | None = None


def parts(report: Report) -> Iterator[Part]:
    """The six sections in order."""
    tables = {t.grid.section.number: t for t in layout(report)}
    for number in range(1, 7):
        if number in PROSE_SECTIONS:
            yield Part(number, heading(number), tuple(paragraphs(report, number)))
        else:
            yield Part(number, heading(number), table=tables.get(number))
