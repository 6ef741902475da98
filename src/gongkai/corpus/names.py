"""Agency names: one agency, many spellings.

The same office prints its name differently from one year to the next: 「杭州市西湖区人民政府办公室」,
「西湖区政府办」, 「西湖区人民政府办公室2022年度政府信息公开工作年度报告」. `normalise` folds the
spellings that mean the same office into one form; `parse_agency` splits a name into its regions
(see `gongkai.corpus.regions`) and its organ. Linking a name to a known agency is in
`gongkai.corpus.matching`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from gongkai.corpus.regions import Level, Region, region_path, split_regions
from gongkai.extract.lines import split_lines
from gongkai.extract.markup import to_text
from gongkai.extract.title import _arabic_years, find_title
from gongkai.report.due import AgencyKind

_SPACE = re.compile(r"\s+")
_QUOTES = re.compile("[《》〈〉<>“”\"'‘’「」『』【】]")
#: What follows the agency in a report's title: the year and the report's own name.
_REPORT_WORDS = re.compile(
    r"(?:关于)?(?:(?:19|20)\d{2}年度?)?(?:的)?(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报).*$"
)
_LEADING = re.compile(r"^关于")
_TRAILING = re.compile(r"(?:19|20)\d{2}年度?$")
_REGION_SUFFIX = "省市区县旗镇乡"
#: A second name in brackets: 「区发展和改革局（区粮食和物资储备局）」.
_PARENTHESIS = re.compile(r"(?:\([^()]*\))+$")
#: A city department's district branch: 「杭州市公安局西湖区分局」 → 「杭州市西湖区公安分局」.
_BRANCH = re.compile(r"^(.+?市)(.{2,12}?)局(.{2,8}?[区县])分局$")
#: Short forms in everyday use → the full organ name (the form kept).
_ABBREVIATIONS = (
    ("管委会", "管理委员会"),
    ("发改委", "发展和改革委员会"),
    ("发改局", "发展和改革局"),
    ("卫健委", "卫生健康委员会"),
    ("卫健局", "卫生健康局"),
    ("住建局", "住房和城乡建设局"),
    ("人社局", "人力资源和社会保障局"),
    ("市监局", "市场监督管理局"),
    ("资规局", "自然资源和规划局"),
    ("教体局", "教育体育局"),
)


def normalise(name: str) -> str:
    """The form in which two spellings of one agency's name are equal.

    Full- and half-width folded (NFKC), spaces and quotes 《》「」 dropped, a report title's
    「2022年度政府信息公开工作年度报告」 cut off, 「X区政府」 → 「X区人民政府」, 「政府办」 →
    「人民政府办公室」, 「街道办」 → 「街道办事处」, a bare township 「X镇」 → 「X镇人民政府」,
    common abbreviations (管委会, 发改委, 住建局 …) spelt out, a second name in brackets dropped,
    「X区人民政府Y街道办事处」 → 「X区Y街道办事处」, 「X市公安局Y区分局」 → 「X市Y区公安分局」."""
    text = name
    # A pass may uncover more to fold (a year behind a bracket): fold to a fixpoint.
    for _ in range(5):
        folded = _fold(text)
        if folded == text:
            break
        text = folded
    return text


def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKC", name)
    text = _QUOTES.sub("", _SPACE.sub("", text))
    text = _arabic_years(text)
    text = _REPORT_WORDS.sub("", text)
    text = _TRAILING.sub("", _LEADING.sub("", text)).rstrip("的")
    if text.endswith("人民"):  # 「X区人民政府信息公开…」 lost its 政府 to the report's words
        text += "政府"
    for short, full in _ABBREVIATIONS:
        text = text.replace(short, full)
    text = _PARENTHESIS.sub("", text)
    text = re.sub(rf"(?<=[{_REGION_SUFFIX}])政府", "人民政府", text)
    text = _BRANCH.sub(r"\1\3\2分局", text)
    text = re.sub(r"(?<=[镇乡])府$", "人民政府", text)  # 「X镇府」 is rare but seen
    text = re.sub(r"人民政府办$", "人民政府办公室", text)
    text = re.sub(r"街道办$", "街道办事处", text)
    regions, organ = split_regions(text)
    if regions and organ.startswith("人民政府") and organ != "人民政府":
        # 「鼓楼区人民政府宁海路街道办事处」: the sub-district office of the district government
        below, rest = split_regions(organ[4:])
        if below and below[0].level is Level.TOWNSHIP:
            text = text[: len(text) - len(organ)] + organ[4:]
            regions, organ = (*regions, *below), rest
    if regions and not organ and regions[-1].level is Level.TOWNSHIP:
        text += "办事处" if regions[-1].name.endswith("街道") else "人民政府"
    return text


@dataclass(frozen=True, slots=True)
class AgencyName:
    """A name split into its regions and its organ, both in normalised form."""

    printed: str
    normalised: str
    regions: tuple[Region, ...]
    organ: str

    @property
    def region_path(self) -> tuple[str, ...]:
        return region_path(self.regions)

    @property
    def level(self) -> Level | None:
        """The level of the deepest region named; None when the name names none."""
        return self.regions[-1].level if self.regions else None

    @property
    def kind(self) -> AgencyKind:
        """What 第四十九条 sets the report's due date by: a township or sub-district; a local
        government at county level or above (the organ is 「人民政府」 itself, not its office);
        else a department."""
        if self.level is Level.TOWNSHIP:
            return AgencyKind.TOWNSHIP
        if self.level is not None and self.organ == "人民政府":
            return AgencyKind.LOCAL_GOVERNMENT
        return AgencyKind.DEPARTMENT

    def to_dict(self) -> dict[str, object]:
        return {
            "printed": self.printed,
            "normalised": self.normalised,
            "regions": [region.to_dict() for region in self.regions],
            "organ": self.organ,
        }


def parse_agency(name: str) -> AgencyName:
    """「浙江省杭州市西湖区人民政府办公室」 → regions 浙江省 › 杭州市 › 西湖区, organ 人民政府办公室."""
    normalised = normalise(name)
    regions, organ = split_regions(normalised)
    return AgencyName(name, normalised, regions, organ)


def agency_from_title(text: str) -> str | None:
    """The agency a report's title (or the first lines of a report) names, as printed."""
    return find_title(split_lines(to_text(text)), None).agency


def year_from_title(text: str) -> int | None:
    """The year a report's title (or the first lines of a report) reports on."""
    return find_title(split_lines(to_text(text)), None).year


def __getattr__(attribute: str) -> object:
    """`match`, `candidates`, `KnownAgency`, `Match`, `AgencyIndex` live in
    `gongkai.corpus.matching`; they are reachable from here too."""
    if attribute in {"match", "candidates", "KnownAgency", "Match", "AgencyIndex", "How"}:
        from gongkai.corpus import matching

        return getattr(matching, attribute)
    raise AttributeError(attribute)
