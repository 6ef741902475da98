"""The six sections, located by their headings; the line range each one covers.

A heading is a line of its own that reads like one of `SECTION_HEADINGS` (number optional: "总体情况"
and "一、总体情况" are both section 1). Headings are taken in order, so a later line that repeats
「总体情况」 does not move section 1. A section whose heading is lost covers the gap between its
neighbours' headings: its table can still be found there.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from gongkai.extract.lines import Line, LineKind
from gongkai.extract.normalize import distance, key
from gongkai.report.editions import PROSE_SECTIONS, SECTION_HEADINGS

_NUMERALS = "一二三四五六"
_PREFIX = re.compile(
    rf"^[#*\s]*(?:第?[{_NUMERALS}]部分[、.:]?|[{_NUMERALS}][、.]|\d[、.]|\([{_NUMERALS}]\))?"
)
_HEADINGS = {key(h): n for n, variants in SECTION_HEADINGS.items() for h in variants}
_NUMBERED = re.compile(rf"^[#*\s]*第?([{_NUMERALS}])(?:部分|、|\.)")
_END = ":。*#"  # a colon or full stop after a heading, markdown emphasis around it


@dataclass(frozen=True, slots=True)
class Heading:
    number: int  # 1–6
    line: int  # line number
    text: str


@dataclass(frozen=True)
class Sections:
    headings: dict[int, Heading]
    last_line: int  # the number of the document's last line

    def span(self, number: int) -> tuple[int, int]:
        """The lines [first, last] of section `number`; for a section without a heading, the gap
        between the neighbouring headings that were found."""
        found = self.headings.get(number)
        before = [h.line for n, h in self.headings.items() if n < number]
        after = [h.line for n, h in self.headings.items() if n > number]
        first = found.line + 1 if found else (max(before) + 1 if before else 1)
        last = min(after) - 1 if after else self.last_line
        return first, last


def find_sections(lines: list[Line]) -> Sections:
    headings: dict[int, Heading] = {}
    for line in lines:
        if line.kind is not LineKind.PLAIN:
            continue
        number = heading_number(line.key)
        if number is None or number in headings or any(n > number for n in headings):
            continue
        headings[number] = Heading(number, line.number, line.content)
    return Sections(headings, len(lines))


def heading_number(line_key: str) -> int | None:
    """Which section `line_key` (a line in key form) is the heading of, if any: one of the
    headings, or a long one with a character or two changed when its number says the same."""
    if len(line_key) > 40:
        return None
    prefix = _PREFIX.match(line_key)
    rest = line_key[prefix.end() if prefix else 0 :].rstrip(_END)
    exact = _HEADINGS.get(rest)
    numbered = _NUMBERED.match(line_key)
    if exact is not None or numbered is None:
        return exact
    number = _NUMERALS.index(numbered.group(1)) + 1
    for heading in SECTION_HEADINGS[number]:
        allowed = 2 if len(heading) >= 8 else 1 if len(heading) >= 5 else 0
        if allowed and distance(rest, key(heading), allowed) <= allowed:
            return number
    return None


def prose(lines: list[Line], sections: Sections) -> dict[int, str]:
    """The text of sections 一, 五 and 六, one line per paragraph."""
    out: dict[int, str] = {}
    for number in PROSE_SECTIONS:
        if number not in sections.headings:
            continue
        first, last = sections.span(number)
        texts = [
            line.content
            for line in lines[first - 1 : last]
            if line.kind in (LineKind.PLAIN, LineKind.TABCELL) and line.content
        ]
        out[number] = "\n".join(texts)
    return out
