"""The reporting agency and the year reported on, from the report's title.

Titles print the agency and the year in front of 政府信息公开工作年度报告, on one line
("银川市兴庆区前进街街道办事处 2019 年政府信息公开工作年度报告") or with the agency on the line
above ("栖霞区人民政府办公室" / "2020年度政府信息公开工作年度报告"). The agency is kept as printed,
without the year and those words; the year is the year reported on, not the year published.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gongkai.extract.lines import Line, LineKind
from gongkai.extract.normalize import squash

_TITLE = re.compile(r"政府信息公开.{0,10}(?:报告|年报)|信息公开.{0,6}年度报告")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_WORDS = re.compile(r"政府信息公开.*$|信息公开.*$")
_TRIM = " 　《》<>“”\"'、，,:：()（）"
_SEARCH = 40  # the title is among the first lines of content
_LONGEST = 80  # a longer line is a sentence about the report, not its title
_HEAD = 400  # …unless the whole page ran into it: then the title opens it
#: What a crawler or a conversion puts before a title: Markdown heading marks (「# 」), a saved
#: page's field label (「标题: 」「文章标题：」).
_MARKS = re.compile(r"^\s*(?:#{1,6}\s*|(?:文章)?(?:标题|题名|title)\s*[:：]\s*)", re.IGNORECASE)
_TITLE_INSIDE = re.compile(
    r"(?:^|\s)([^\s，。；：、“”]{2,40}?)\s*(?:19|20)\d{2}\s*年度?\s*政府信息公开(?:工作)?(?:年度)?报告"
)


@dataclass(frozen=True, slots=True)
class Title:
    text: str | None
    line: int | None
    agency: str | None
    year: int | None


def find_title(lines: list[Line], before: int | None) -> Title:
    """The title among the first content lines (before line `before`, the first heading)."""
    content = [
        line
        for line in lines
        if line.kind is LineKind.PLAIN and (before is None or line.number < before)
    ][:_SEARCH]
    for i, line in enumerate(content):
        text = _arabic_years(squash(_unmarked(line.content)))
        if len(text) > _LONGEST:
            inside = _inside(line.content)
            if inside is not None:
                return Title(inside[0], line.number, inside[1], _year(inside[0]))
            continue
        if not _TITLE.search(text):
            following = (
                _arabic_years(squash(_unmarked(content[i + 1].content)))
                if i + 1 < len(content)
                else ""
            )
            if not (following and _TITLE.search(text + following) and "政府信息" in text):
                continue
            text += following
        previous = squash(_unmarked(content[i - 1].content)) if i else ""
        return Title(text, line.number, _agency(text, previous), _year(text))
    return Title(None, None, None, None)


def _unmarked(text: str) -> str:
    return _MARKS.sub("", text, count=1)


def _inside(text: str) -> tuple[str, str | None] | None:
    """A title at the start of a long line (a page run into one line): the title, and the agency
    when a space sets its name off from what comes before."""
    found = _TITLE_INSIDE.search(text[:_HEAD])
    if found is None:
        return None
    agency = _clean(found.group(1)) or None
    return squash(found.group()), agency


def _agency(title: str, previous: str) -> str | None:
    year = _YEAR.search(title)
    words = _WORDS.search(title)
    end = words.start() if words else len(title)
    if year and year.start() < end:
        head, middle = title[: year.start()], title[year.end() : end]
        name = _clean(head) or _clean(middle)
    else:
        name = _clean(title[:end])
    if name:
        return name
    if (
        previous
        and len(previous) <= 40
        and not _TITLE.search(previous)
        and not _YEAR.search(previous)
    ):
        return _clean(previous) or None
    return None


def _clean(name: str) -> str:
    name = name.strip(_TRIM)
    name = re.sub(r"^关于", "", name)
    name = re.sub(r"(?:关于|的)$", "", name)
    return name.strip(_TRIM)


_CN_DIGITS = str.maketrans("〇零○一二三四五六七八九", "00012345678" + "9")
_CN_YEAR = re.compile(r"[〇零○一二三四五六七八九]{4}(?=\s*年)")


def _arabic_years(text: str) -> str:
    """ "二〇二〇年" → "2020年"."""
    return _CN_YEAR.sub(lambda found: found.group().translate(_CN_DIGITS), text)


def _year(title: str) -> int | None:
    found = _YEAR.search(title)
    return int(found.group(1)) if found else None


def year_from_prose(text: str) -> int | None:
    """The year section 一 speaks of most often ("2020年，……"), when the title gives none."""
    years = Counter(int(y) for y in re.findall(r"((?:19|20)\d{2})\s*年", text))
    if not years:
        return None
    (year, count), *rest = years.most_common(2)
    return year if not rest or rest[0][1] < count else None


def year_from_published(published: str | None) -> int | None:
    """The year before the page's publication year: reports come out early in the next year."""
    if not published:
        return None
    found = re.match(r"\s*((?:19|20)\d{2})", published)
    return int(found.group(1)) - 1 if found else None
