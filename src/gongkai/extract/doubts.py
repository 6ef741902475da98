"""Extraction doubts: what could not be read for certain, each said in one Chinese sentence.

Doubts are `Finding`s with `source="extraction"` and a short rule code, shown beside the checker's
findings. A doubt is a warning, except when a cell's content could not be read as a number at all.
"""

from __future__ import annotations

from collections.abc import Sequence

from gongkai.check.finding import CellRef, Finding, Level
from gongkai.report.editions import SECTION_NAMES
from gongkai.report.grid import Column, Edition, Row, Section

_CN = "一二三四五六"


def _doubt(rule: str, message: str, cells: Sequence[CellRef] = (), **data: object) -> Finding:
    level = Level.ERROR if rule == "unreadable" else Level.WARNING
    return Finding(rule, level, message, tuple(cells), source="extraction", data=dict(data))


def _row_ref(section: Section, row: Row) -> CellRef:
    return CellRef(f"{section.value}.{row.key}", f"{section.label} {row.full_label}")


def ambiguous(section: Section, rows: Sequence[Row], why: str) -> Finding:
    names = "、".join(f"“{row.label}”" for row in rows)
    where = f"{section.label}{names}{'一行' if len(rows) == 1 else '各行'}"
    return _doubt(
        "ambiguous",
        f"{where}无法准确读取：{why}；已略去，未按 0 处理。",
        [_row_ref(section, row) for row in rows],
        reason=why,
    )


def extra_cell(
    section: Section, rows: Sequence[Row], label: str, dropped: Sequence[str], wanted: int
) -> Finding:
    shown = "、".join(f"“{text}”" for text in dropped)
    count = wanted + len(dropped)
    where = f"“{label}”一行" if len(rows) == 1 else "的数据行"
    return _doubt(
        "extra_cell",
        f"{section.label}{where}有 {count} 个单元格，比应有的 {wanted} 个多 "
        f"{len(dropped)} 个，已舍去多出的 {shown}。",
        [_row_ref(section, row) for row in rows],
        dropped=list(dropped),
    )


def cut_short(section: Section, row: Row, lost: Sequence[Column]) -> Finding:
    names = "、".join(col.label for col in lost)
    return _doubt(
        "truncated",
        f"文档在{section.label}“{row.label}”一行中间结束，缺少 {names} {len(lost)} 个单元格，"
        "已略去，未按 0 处理。",
        [_row_ref(section, row)],
    )


def truncated(section: Section, missing: Sequence[Row]) -> Finding:
    names = "、".join(f"“{row.label}”" for row in missing[:4])
    more = f"等 {len(missing)} 行" if len(missing) > 4 else ""
    return _doubt(
        "truncated",
        f"{section.label}表格不完整，未找到 {names}{more}，这些行已略去，未按 0 处理。",
        [_row_ref(section, row) for row in missing],
        missing_rows=[row.key for row in missing],
    )


def misspelt(section: Section, row: Row, printed: str) -> Finding:
    return _doubt(
        "label_variant",
        f"{section.label}“{row.label}”一行的标签印作“{printed}”，与标准写法不同，已按该行读取。",
        [_row_ref(section, row)],
    )


def heading_missing(number: int) -> Finding:
    return _doubt(
        "heading_missing",
        f"未找到第{_CN[number - 1]}部分的标题“{_CN[number - 1]}、{SECTION_NAMES[number]}”，"
        "但找到了该部分的表格。",
        section=number,
    )


def section_empty(number: int) -> Finding:
    return _doubt(
        "section_empty",
        f"第{_CN[number - 1]}部分“{SECTION_NAMES[number]}”只有标题，没有内容；"
        "没有需要报告的事项也应写明“无”。",
        section=number,
    )


def table_missing(section: Section) -> Finding:
    return _doubt(
        "table_missing",
        f"找到了{section.label}（{SECTION_NAMES[section.number]}）的标题，但未找到能读取的表格。",
        section=section.value,
    )


def unreadable(section: Section, row: Row, column: Column, text: str, why: str) -> Finding:
    path = f"{section.value}.{row.key}.{column.key}"
    return _doubt(
        "unreadable",
        f"{section.label}“{row.label}”一行“{column.label}”一格的内容“{text}”不能作为该格的数值"
        f"（{why}），已略去。",
        [CellRef(path, f"{section.label} {row.label} › {column.label}")],
    )


def ocr_read(note: str) -> Finding:
    """Which pages OCR read and with what confidence: every value from them deserves a look."""
    return _doubt("ocr_pages", f"{note}；OCR 读出的数字请与原件核对。")


def ocr_unsure(section: Section, row: Row, column: Column, text: str, confidence: float) -> Finding:
    path = f"{section.value}.{row.key}.{column.key}"
    read = f"识别为“{text}”" if text else "有字迹但未能识别"
    return _doubt(
        "ocr_low_confidence",
        f"{section.label}“{row.label}”一行“{column.label}”一格为扫描件 OCR 结果，{read}"
        f"（置信度 {confidence:.2f}），不能确定，已略去，请核对原件。",
        [CellRef(path, f"{section.label} {row.label} › {column.label}")],
        read=text,
        confidence=confidence,
    )


def duplicate(section: Section, row: Row) -> Finding:
    return _doubt(
        "duplicate",
        f"{section.label}“{row.label}”一行出现了不止一次且数字不同，无法确定哪一处正确，已略去。",
        [_row_ref(section, row)],
    )


def mixed_edition(editions: dict[Section, Edition]) -> Finding:
    parts = "，".join(f"{s.label}为{e.label}" for s, e in editions.items())
    return _doubt(
        "mixed_edition",
        f"报告混用了两个版本的格式：{parts}；各表按其自身版本读取。",
        editions={s.value: e.value for s, e in editions.items()},
    )


def other_edition(section: Section, edition: Edition, labels: Sequence[str]) -> Finding:
    names = "、".join(f"“{label}”" for label in labels)
    return _doubt(
        "edition_conflict",
        f"{section.label}按{edition.label}读取，但其中 {names} 只见于另一版本，已略去。",
        section=section.value,
    )
