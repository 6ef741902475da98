"""The region hierarchy: province › city › county › township, read off the front of a name.

Chinese agency names begin with the regions they belong to, largest first, each ending in its
administrative suffix: 「浙江省」「杭州市」「西湖区」「文新街道」. `split_regions` peels those off and
leaves the organ (「人民政府办公室」「教育局」). A city inside a city is a county-level city (义乌市
under 金华市); the four municipalities (北京市 …) stand at province level.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass


class Level(enum.IntEnum):
    """How high a region stands; lower is larger."""

    PROVINCE = 1
    CITY = 2
    COUNTY = 3
    TOWNSHIP = 4

    @property
    def label(self) -> str:
        return {1: "省级", 2: "市级", 3: "县级", 4: "乡镇（街道）级"}[self.value]


@dataclass(frozen=True, slots=True)
class Region:
    name: str  # as printed, suffix included: 「西湖区」
    level: Level

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "level": self.level.name.lower()}


MUNICIPALITIES = frozenset({"北京市", "上海市", "天津市", "重庆市"})

#: Suffix → the level it normally marks. Longer suffixes first: the regex alternation tries them
#: in this order at each position.
_SUFFIXES: tuple[tuple[str, Level], ...] = (
    ("特别行政区", Level.PROVINCE),
    ("自治区", Level.PROVINCE),
    ("自治州", Level.CITY),
    ("自治县", Level.COUNTY),
    ("自治旗", Level.COUNTY),
    ("开发区", Level.COUNTY),
    ("高新区", Level.COUNTY),
    ("新区", Level.COUNTY),
    ("地区", Level.CITY),
    ("街道", Level.TOWNSHIP),
    ("苏木", Level.TOWNSHIP),
    ("省", Level.PROVINCE),
    ("市", Level.CITY),
    ("盟", Level.CITY),
    ("区", Level.COUNTY),
    ("县", Level.COUNTY),
    ("旗", Level.COUNTY),
    ("镇", Level.TOWNSHIP),
    ("乡", Level.TOWNSHIP),
)
_LEVEL_OF = dict(_SUFFIXES)
_SUFFIX_RE = "|".join(re.escape(s) for s, _ in _SUFFIXES)
#: A place name: two to ten characters before its suffix (one for 县: 沛县、歙县).
_REGION = re.compile(rf"(?P<stem>.(?=县)|.{{2,10}}?)(?P<suffix>{_SUFFIX_RE})")
#: What belongs to organs, never to place names: 「住房和城乡建设局」 is no township. Kept short:
#: real places are called 和平区、共和县、会同县、资源县、公安县、站前区、书院街街道、管理区.
_NOT_PLACE = re.compile(r"[局厅办室]|政府|城乡|委员|中共|.和.")
#: A place's name is written in Chinese characters only: 「=1+1区」 or 「x市」 is no place, and an
#: import must not create a region from it.
_PLACE_STEM = re.compile(r"[\u4e00-\u9fff]+")


def split_regions(name: str) -> tuple[tuple[Region, ...], str]:
    """The regions `name` begins with (largest first) and the rest of it, the organ.

    「杭州市西湖区教育局」 → (杭州市 city, 西湖区 county), 「教育局」."""
    regions: list[Region] = []
    rest = name
    while rest:
        found = _place(rest)
        if found is None:
            break
        place, suffix = found
        regions.append(Region(place, _level(place, suffix, regions)))
        rest = rest[len(place) :]
    return tuple(regions), rest


def _place(text: str) -> tuple[str, str] | None:
    found = _REGION.match(text)
    if found is None:
        return None
    stem, suffix = found.group("stem"), found.group("suffix")
    if _NOT_PLACE.search(stem) or not _PLACE_STEM.fullmatch(stem):
        return None
    return found.group(), suffix


def _level(place: str, suffix: str, above: list[Region]) -> Level:
    if place in MUNICIPALITIES:
        return Level.PROVINCE
    level = _LEVEL_OF[suffix]
    parent = above[-1].level if above else None
    if parent is not None and level <= parent:
        # A city under a city is county-level (义乌市); a district under a municipality is a
        # county (海淀区 under 北京市 is already county: only move down, never up).
        level = Level(min(parent + 1, Level.TOWNSHIP))
    return level


def region_path(regions: tuple[Region, ...]) -> tuple[str, ...]:
    return tuple(region.name for region in regions)
