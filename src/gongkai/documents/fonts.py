"""The fonts of a 公文 and their fallbacks: the one place to change them.

GB/T 9704-2012 names the faces by role: the title in 小标宋 (2号), the body in 仿宋 (3号), level-one
headings in 黑体, level-two headings in 楷体, the page number in 宋体 (4号). Agencies' Windows
machines carry them as 方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312 and 宋体; a plain Linux machine
has none of them, but has Noto CJK from the Debian package fonts-noto-cjk.

So each role keeps its official name, which the DOCX style records (Word on an agency's machine
shows the real face), and an explicit fallback: the PDF writer lists the official name, its
aliases and then the fallback in `font-family`; the DOCX font table names the fallback as the
official face's alternative (`w:altName`) for word processors that lack the official face.
"""

from __future__ import annotations

from dataclasses import dataclass

NOTO_SERIF = "Noto Serif CJK SC"
NOTO_SANS = "Noto Sans CJK SC"


@dataclass(frozen=True)
class FontSpec:
    official: str  # the name 公文 practice uses; written into the DOCX styles
    aliases: tuple[str, ...] = ()  # the same (or a like) face under other systems' names
    fallback: str = NOTO_SERIF  # a face a plain Linux machine has (fonts-noto-cjk)
    generic: str = "serif"  # the CSS generic family, last resort
    fallback_bold: bool = False  # draw the fallback bold to match a heavy official face

    @property
    def families(self) -> tuple[str, ...]:
        return (self.official, *self.aliases, self.fallback)


@dataclass(frozen=True)
class Fonts:
    """A face for each role of GB/T 9704-2012."""

    title: FontSpec
    body: FontSpec
    heading1: FontSpec
    heading2: FontSpec
    page_number: FontSpec

    def all(self) -> tuple[FontSpec, ...]:
        return (self.title, self.body, self.heading1, self.heading2, self.page_number)


DEFAULT_FONTS = Fonts(
    # 小标宋 is a heavy Song face: the fallback is drawn bold to come near it.
    title=FontSpec("方正小标宋简体", ("FZXiaoBiaoSong-B05S", "方正小标宋_GBK"), fallback_bold=True),
    body=FontSpec("仿宋_GB2312", ("仿宋", "FangSong_GB2312", "FangSong", "STFangsong")),
    heading1=FontSpec("黑体", ("SimHei", "STHeiti"), fallback=NOTO_SANS, generic="sans-serif"),
    heading2=FontSpec("楷体_GB2312", ("楷体", "KaiTi_GB2312", "KaiTi", "STKaiti", "AR PL UKai CN")),
    page_number=FontSpec("宋体", ("SimSun", "STSong")),
)
