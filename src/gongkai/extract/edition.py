"""Which edition each table follows, from its own words and rows (「检测版本」 in the spec).

Section 二 is judged by the header words only one edition prints (`MARKERS`) and by rows only one
edition has; section 三 by its （六）其他处理 rows. A table without evidence takes the edition of the
other table, then the one its year requires. Mixed documents are reported as found, table by table.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from functools import cache

from gongkai.extract.locate import Hit
from gongkai.extract.normalize import compact, key
from gongkai.extract.stream import ItemKind
from gongkai.report.editions import MARKERS, TABLES
from gongkai.report.grid import Edition, Section


@cache
def _markers(section: Section) -> dict[Edition, tuple[str, ...]]:
    """The markers that belong to `section`'s table (MARKERS mixes sections 二 and 三)."""
    out: dict[Edition, tuple[str, ...]] = {}
    for edition, words in MARKERS.items():
        vocabulary = "".join(
            key(w)
            for row in TABLES[edition][section].rows
            for w in (row.label, row.group, *(c.label for c in row.columns))
        )
        out[edition] = tuple(key(w) for w in words if key(w) in vocabulary)
    return out


def evidence(section: Section, hits: Iterable[Hit], text: str) -> Counter[Edition]:
    """How strongly the table's words (`text`, key form) and rows point at each edition: header
    words only one edition prints, rows only one edition has, and rows of section 二 whose number
    of cells only one edition gives them (行政许可: 3 cells in 2019, 1 in 2021)."""
    votes: Counter[Edition] = Counter()
    for edition, words in _markers(section).items():
        votes[edition] += sum(word in text for word in words)
    for hit in hits:
        if len(hit.editions) == 1:
            votes[next(iter(hit.editions))] += 1
        elif section is Section.PROACTIVE:
            votes.update(_by_width(hit))
    return votes


def _by_width(hit: Hit) -> list[Edition]:
    """The edition whose row of this label has as many cells as the hit shows, if just one."""
    if any(piece.kind is ItemKind.RUN for piece in hit.pieces):
        return []
    cells = [piece for piece in hit.pieces if piece.is_value]
    while cells and cells[-1].kind is ItemKind.BLANK:
        cells.pop()
    widths = {
        edition: len(tables[Section.PROACTIVE].row(hit.row).columns)
        for edition, tables in TABLES.items()
        if tables[Section.PROACTIVE].has_row(hit.row)
    }
    fitting = [edition for edition, width in widths.items() if width == len(cells)]
    return fitting if len(fitting) == 1 and len(widths) > 1 else []


def decide(votes: Counter[Edition]) -> Edition | None:
    """The edition with the most evidence; None when there is none or it is tied."""
    ranked = votes.most_common()
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


def fallback(other: Edition | None, year: int | None) -> Edition:
    """The edition of a table with no evidence of its own."""
    if other is not None:
        return other
    if year is not None and year >= 2019:
        return Edition.for_year(year)
    return Edition.E2019 if year is not None else Edition.E2021


#: Words of the statistics tables that reports printed before the 2019 national format: the 2008
#: national 政府信息公开情况统计表 (统计指标 / 单位 / 统计数: 收到申请数, 申请答复数, 同意公开答复数 …)
#: and local templates (指标名称 / 计量单位 / 本年度 / 历年累计, 受理依申请公开信息总数 …).
LEGACY_WORDS = tuple(
    key(w)
    for w in (
        "指标名称",
        "计量单位",
        "历年累计",
        "主动公开文件数",
        "主动公开政府信息数",
        "受理依申请公开信息总数",
        "受理政府信息依申请公开总数",
        "受理依申请公开总数",
        "对申请的答复总数",
        "同意公开答复数",
        "同意部分公开答复数",
        "不同意公开答复数",
        "政府信息公开收费减免金额",
        "依申请公开信息收取的费用",
        "申请办结数",
        "申请答复数",
        "属于已主动公开范围数",
        "不属于本行政机关公开数",
        "申请信息不存在数",
        "告知作出更改补充数",
        "告知通过其他途径办理数",
        "举报投诉数量",
        "政府信息公开工作专门机构数",
    )
)


#: Words only the national tables (2019 and 2021) print: their headers and first rows.
NATIONAL_WORDS = tuple(
    key(w)
    for w in (
        "申请人情况",
        "本年新收政府信息公开申请数量",
        "上年结转政府信息公开申请数量",
        "未经复议直接起诉",
        "复议后起诉",
        "尚未审结",
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年处理决定数量",
    )
)


def is_legacy(text: str, year: int | None, national_cells: bool) -> bool:
    """A report in a pre-2019 local format: it prints the old statistics table (two or more of its
    words) and not the national tables (fewer than two of their words), whatever was read from it;
    or no national cell was read (`national_cells` False) and its year is before 2019."""
    if national_cells and sum(word in text for word in NATIONAL_WORDS) >= 2:
        return False  # the common case, decided on the text as printed: a word of CJK characters
        # printed whole is in its compact form too, and national tables were printed and read
    folded = compact(text)
    old_table = sum(word in folded for word in LEGACY_WORDS) >= 2
    national = sum(word in folded for word in NATIONAL_WORDS) >= 2
    if old_table and not national:
        return True
    return not national_cells and (old_table or (year is not None and year < 2019))
