"""Text → lines, each classified by the layout it carries.

The same grid arrives as markdown pipe rows, tab-separated rows, one cell per tab-indented line, or
plain lines whose cells ran together. A line's kind says how to cut it into cells:

- `MARKDOWN` and `TSV` lines are whole table rows: their cells are separated for certain;
- a `TABCELL` line holds one cell (blank when only the tab is left);
- a `PLAIN` line is text whose cell boundaries, if any, are lost;
- `BLANK` lines separate paragraphs (and rows of one-cell-per-line tables);
- `SEPARATOR` (|---|), `PAGE` (— 4 —), `CHROME` (web page furniture) and `META` (发布时间 …)
  lines carry no report content and are skipped by the later stages.
"""

from __future__ import annotations

import enum
import re
from typing import NamedTuple

from gongkai.extract.normalize import clean, key
from gongkai.report.editions import SECTION_HEADINGS


class LineKind(enum.Enum):
    BLANK = "blank"
    MARKDOWN = "markdown"
    TSV = "tsv"
    TABCELL = "tabcell"
    PLAIN = "plain"
    SEPARATOR = "separator"
    PAGE = "page"
    CHROME = "chrome"
    META = "meta"

    @property
    def is_content(self) -> bool:
        return self in _CONTENT

    @property
    def is_row(self) -> bool:
        """The line is a whole table row: its cells are certain."""
        return self in (LineKind.MARKDOWN, LineKind.TSV)


_CONTENT = frozenset({LineKind.MARKDOWN, LineKind.TSV, LineKind.TABCELL, LineKind.PLAIN})


class Line(NamedTuple):
    number: int  # 1-based, as an editor shows it
    kind: LineKind
    text: str  # the line, cleaned, trailing newline removed
    cells: tuple[str, ...]  # stripped cells; a PLAIN line is one cell, kept unstripped at its end
    key: str  # the matching form of a short plain line: only those are headings or web chrome

    @property
    def content(self) -> str:
        """The visible text of the line, cells joined by one space."""
        return " ".join(c.strip() for c in self.cells if c.strip())


_LONG = 300  # a line this long may be a whole page run together
_HEADING_INSIDE = re.compile(
    "([一二三四五六][、.．]\\s*(?:"
    + "|".join(
        re.escape(h)
        for h in sorted((h for hs in SECTION_HEADINGS.values() for h in hs), key=len, reverse=True)
    )
    + "))"
)
_KEYED = 120  # longer lines are prose: no heading, no chrome, so no need of a matching form
_SEPARATOR_CELL = re.compile(r"^:?-{3,}:?$")
_PAGE_NUMBER = re.compile(
    r"^(?:[-—–－―]+\s*\d{1,4}\s*[-—–－―]+|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4})$"
)


def split_lines(text: str) -> list[Line]:
    """Every line of `text`, classified. Chrome and metadata are marked later (see `chrome`).
    A page run into one long line is first broken before its numbered section headings."""
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n").split("\n")
    if any(len(line) > _LONG for line in raw):
        raw = [part for line in raw for part in _break_headings(line)]
    return [classify(n, line) for n, line in enumerate(raw, start=1)]


def _break_headings(line: str) -> list[str]:
    if len(line) <= _LONG or "\t" in line or line.lstrip().startswith("|"):
        return [line]
    return [part for part in _HEADING_INSIDE.sub("\n\\1\n", line).split("\n") if part.strip()]


def classify(number: int, raw: str) -> Line:
    text = clean(raw).rstrip("\n")
    bare = text.strip(" ")
    if not bare.strip():
        if bare.startswith("\t") and bare.count("\t") == 1:
            return Line(number, LineKind.TABCELL, text, ("",), "")
        if bare.count("\t") >= 2:
            cells = tuple("" for _ in bare.split("\t")[1:])
            return Line(number, LineKind.TSV, text, cells, "")
        return Line(number, LineKind.BLANK, text, (), "")
    if bare.startswith("|") and bare.count("|") >= 2:
        inner = bare.strip().strip("|")
        cells = tuple(c.strip() for c in inner.split("|"))
        kind = LineKind.SEPARATOR if _is_separator(cells) else LineKind.MARKDOWN
        return Line(number, kind, text, cells, "")
    body = bare.lstrip("\t")
    if "\t" in body.rstrip("\t") or (body.endswith("\t") and body.strip()):
        cells = tuple(c.strip() for c in bare.split("\t"))
        kind = LineKind.SEPARATOR if _is_separator(cells) else LineKind.TSV
        return Line(number, kind, text, cells, "")
    if bare.startswith("\t"):
        return Line(number, LineKind.TABCELL, text, (body.strip(),), "")
    if _PAGE_NUMBER.match(bare.strip()):
        return Line(number, LineKind.PAGE, text, (bare.strip(),), key(bare))
    short = len(bare) <= _KEYED
    return Line(number, LineKind.PLAIN, text, (bare.lstrip(),), key(bare) if short else "")


def _is_separator(cells: tuple[str, ...]) -> bool:
    return any(cells) and all(not c or _SEPARATOR_CELL.match(c.replace(" ", "")) for c in cells)
