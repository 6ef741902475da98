"""The reporting agency and the year reported on, from the report's title.

Titles print the agency and the year in front of 政府信息公开工作年度报告, on one line
("银川市兴庆区前进街街道办事处 2019 年政府信息公开工作年度报告"), with the agency on the line
above ("栖霞区人民政府办公室" / "2020年度政府信息公开工作年度报告") or in brackets below it, with
the year in Chinese numerals (二〇二三年), or broken over two lines anywhere in its words. The agency
is kept as printed, without the year and those words (two agencies publishing together keep the
space between their names); the year is the year reported on, not the year published.

What a crawler, a conversion or a web site puts around the title is not the title: Markdown marks
(「# 」「**」), a saved page's field labels (「标题: 」), and a site's section name (「政务公开」,
「政府信息公开年报」 as a bare column heading) never become the agency. A bare title with neither
agency nor year counts only when no fuller one follows; with no agency in or beside the title, the
page's 发布机构 or 信息来源 is taken when it names an organ (`agency_from_metadata`).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from gongkai.extract.lines import Line, LineKind

_TITLE = re.compile(r"政府信息公开.{0,10}(?:报告|年报)|信息公开.{0,6}年度报告")
_YEAR = re.compile(r"((?:19|20)\d{2})\s*年度?")
_WORDS = re.compile(r"政府信息公开.*$|信息公开.*$")
_TRIM = " 　《》<>“”\"'、，,:：*#【】"
_SEARCH = 40  # the title is among the first lines of content
_LONGEST = 80  # a longer line is a sentence about the report, not its title
_HEAD = 400  # …unless the whole page ran into it: then the title opens it
#: What a crawler or a conversion puts before a title: Markdown heading and bold marks (「# 」,
#: 「**」), a saved page's field label (「标题: 」「文章标题：」).
_MARKS = re.compile(
    r"^\s*(?:#{1,6}\s*|(?:文章)?(?:标题|题名|title)\s*[:：]\s*)+|^\s*[*_]{1,3}|[*_]{1,3}\s*$",
    re.IGNORECASE,
)
_TITLE_INSIDE = re.compile(
    r"(?:^|\s)([^\s，。；：、“”]{2,40}?)\s*(?:19|20)\d{2}\s*年度?\s*政府信息公开(?:工作)?(?:年度)?报告"
)
#: The words a title may be broken inside: a line ending in their first part ("…2023年政府") is
#: continued by the next ("信息公开工作年度报告").
_PHRASE = "政府信息公开工作年度报告"
_OPENING = re.compile(r"^(?:关于)?(?:政府)?信息公开")
_BRACKETED_YEAR = re.compile(r"[（(]((?:19|20)\d{2})年度?[)）]")
_YEAR_AT_END = re.compile(r"(?:19|20)\d{2}\s*年度?$")
#: How the name of an organ ends: 政府, 办公室, 局, 委员会, 街道办事处, 镇, 管委会 … (a name in
#: brackets after it, 「中共昆山市委组织部（昆山市公务员局）」, aside).
_ORGAN = re.compile(
    r"(?:政府|办公室|办公厅|局|委员会|委|办|厅|部|署|处|院|中心|街道|镇|乡|区|县|市|省|州|盟|旗"
    r"|所|站|队|馆|社|公司|集团|管委会|监狱)$"
)
_BRACKETED = re.compile(r"[（(][^（）()]*[)）]$")
#: A site's navigation and section names, which a page prints above the title.
_SITE = re.compile(
    r"[>＞»]|首页|当前位置|您的位置|(?:专栏|专区|栏目|公开年报|年度报告)$"
    r"|^(?:政务|政府|信息|政府信息|法定主动)?公开(?:指南|目录|制度|年报|专栏)?$|^通知公告$"
)
#: Names of organs that publish together, set apart by a space in a title: the space stays.
_NAME_END = re.compile(
    r"(?:政府|办公室|办公厅|局|委员会|委|办|厅|部|署|院|中心|办事处|公司|[)）])$"
)
_SPACES = re.compile(r"[ \t\u3000]+")


@dataclass(frozen=True, slots=True)
class Title:
    text: str | None
    line: int | None
    agency: str | None
    year: int | None


def find_title(lines: list[Line], before: int | None) -> Title:
    """The title among the first content lines (before line `before`, the first heading): the
    first that names both agency and year, else the first that names either, else a bare one."""
    content = [
        line
        for line in lines
        if line.kind is LineKind.PLAIN and (before is None or line.number < before)
    ][:_SEARCH]
    plain = [_plain(line.content) for line in content]
    found: list[Title] = []
    for i in range(len(content)):
        title = _title_at(content, plain, i)
        if title is not None:
            if title.agency and title.year:
                return title
            found.append(title)
    ranked = sorted(found, key=lambda t: -((t.agency is not None) + (t.year is not None)))
    return ranked[0] if ranked else Title(None, None, None, None)


def _title_at(content: list[Line], plain: list[str], i: int) -> Title | None:
    """The title that starts on content line `i`, if one does."""
    line, text = content[i], plain[i]
    if len(text) > _LONGEST:
        inside = _inside(line.content)
        if inside is None:
            return None
        return Title(inside[0], line.number, inside[1], _year(inside[0]))
    last = i
    if not _TITLE.search(text):
        if i + 1 >= len(content) or not _continued(text, plain[i + 1]):
            return None
        text, last = text + plain[i + 1], i + 1
    previous = plain[i - 1] if i else ""
    if previous and _YEAR_AT_END.search(previous) and _OPENING.match(text):
        text = previous + text  # 「某区人民政府二〇二二年度」 / 「政府信息公开工作年度报告」
        previous = plain[i - 2] if i > 1 else ""
    following = plain[last + 1] if last + 1 < len(content) else ""
    agency = _agency(text) or _beside(previous) or _bracketed(following)
    year = _year(text)
    if year is None and (found := _BRACKETED_YEAR.fullmatch(following)):
        year = int(found.group(1))  # 「政府信息公开工作年度报告」 / 「（2022年度）」
    return Title(text, line.number, agency, year)


def agency_from_metadata(metadata: dict[str, str]) -> str | None:
    """The agency a saved page's 发布机构 or 信息来源 names, when it names an organ."""
    for field in ("publisher", "source"):
        name = _clean(_plain(metadata.get(field, "")))
        if name and is_organ(name):
            return name
    return None


def is_organ(name: str) -> bool:
    """Whether `name` reads as the name of an organ, not as a site's section or navigation."""
    return not _SITE.search(name) and bool(_ORGAN.search(_BRACKETED.sub("", name)))


def _plain(text: str) -> str:
    """A line as a title is read: marks removed, spaces squashed, years in Arabic digits."""
    return _arabic_years(_squash(_MARKS.sub("", text)))


def _squash(text: str) -> str:
    """Spaces removed between Chinese characters (「某 县 人 民 政 府」, 「2023 年」), except one
    between the names of organs publishing together."""
    parts = _SPACES.split(text.strip())
    out = parts[0]
    for part in parts[1:]:
        ascii_join = out[-1:].isascii() and part[:1].isascii()
        apart = len(part) >= 4 and _NAME_END.search(out) and not re.match(r"[\d关于]", part)
        out += (" " if ascii_join or apart else "") + part
    return out


def _continued(text: str, following: str) -> bool:
    """Whether the title's words run on from `text` into the next line."""
    if not _TITLE.search(text + following):
        return False
    if _YEAR_AT_END.search(text) and _OPENING.match(following):
        return True
    return any(text.endswith(_PHRASE[:n]) for n in range(1, len(_PHRASE)))


def _inside(text: str) -> tuple[str, str | None] | None:
    """A title at the start of a long line (a page run into one line): the title, and the agency
    when a space sets its name off from what comes before."""
    found = _TITLE_INSIDE.search(text[:_HEAD])
    if found is None:
        return None
    agency = _clean(found.group(1)) or None
    return _squash(found.group()), agency


def _agency(title: str) -> str | None:
    """The agency the title's own words print: before the year, or between it and the words."""
    year = _YEAR.search(title)
    words = _WORDS.search(title)
    end = words.start() if words else len(title)
    if year and year.start() < end:
        head, middle = title[: year.start()], title[year.end() : end]
        name = _clean(head) or _clean(middle)
    else:
        name = _clean(title[:end])
    return name if name and not _SITE.search(name) else None


def _beside(line: str) -> str | None:
    """The agency printed alone on the line above the title."""
    if not line or len(line) > 40 or _TITLE.search(line) or _YEAR.search(line):
        return None
    name = _clean(line)
    return name if is_organ(name) else None


def _bracketed(line: str) -> str | None:
    """The agency printed in brackets on the line below the title: 「（南通市海门区司法局）」."""
    found = re.fullmatch(r"[（(](.{2,40})[)）]", line)
    if found is None or _YEAR.search(found.group(1)):
        return None
    name = _clean(found.group(1))
    return name if is_organ(name) else None


def _clean(name: str) -> str:
    name = name.strip(_TRIM)
    name = re.sub(r"^关于", "", name)
    name = re.sub(r"(?:关于|的)$", "", name)
    name = name.strip(_TRIM)
    while name[:1] in "（(" and _balance(name) > 0:
        name = name[1:].strip(_TRIM)  # an opening bracket whose close is not in the name
    while name[-1:] in ")）" and _balance(name) < 0:
        name = name[:-1].strip(_TRIM)
    if re.fullmatch(r"[（(][^（）()]*[)）]", name):
        name = name[1:-1].strip(_TRIM)
    return name


def _balance(text: str) -> int:
    return sum(c in "（(" for c in text) - sum(c in ")）" for c in text)


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
