"""The page and type of a 公文 (GB/T 9704-2012《党政机关公文格式》), in one frozen value.

A4 paper; margins: top 37 mm, bottom 35 mm, left (订口) 28 mm, right 26 mm, leaving the
156 mm × 225 mm type area (版心) of 22 lines of 28 characters. Sizes in points:
2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt. The page number sits 7 mm below the type area, with a
一字线 on each side: 「— 1 —」 (页码).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gongkai.documents.fonts import DEFAULT_FONTS, Fonts

POINTS_PER_MM = 72 / 25.4


@dataclass(frozen=True)
class PageSetup:
    width_mm: float = 210
    height_mm: float = 297
    top_mm: float = 37
    bottom_mm: float = 35
    left_mm: float = 28
    right_mm: float = 26
    page_number_gap_mm: float = 7  # from the type area's bottom edge to the page number


@dataclass(frozen=True)
class DocumentStyle:
    page: PageSetup = field(default_factory=PageSetup)
    fonts: Fonts = DEFAULT_FONTS
    title_pt: float = 22  # 2号
    title_line_pt: float = 35
    body_pt: float = 16  # 3号
    line_pt: float = 28.95  # 225 mm / 22 lines
    page_number_pt: float = 14  # 4号
    table_pt: float = 12  # 小四, so that wide tables fit
    table_line_pt: float = 18
    indent_chars: int = 2  # the body's first-line indent


DEFAULT_STYLE = DocumentStyle()


def page_number(n: str) -> str:
    """「— 1 —」 around `n` (a number, or a field placeholder)."""
    return f"— {n} —"
