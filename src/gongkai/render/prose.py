"""The prose of sections 一, 五 and 六 from a PROSE.md file, for `Report.prose`.

    ## 一、总体情况
    2024年，本机关……

    ## 五
    一是……

Each `##` heading names a section by its numeral (「## 一」), its full heading (「## 一、总体情况」)
or its name alone (「## 总体情况」); the text below it, up to the next `##` heading, is that
section's prose. Only sections 一, 五 and 六 are prose: the others are the tables.
"""

from __future__ import annotations

import re
from pathlib import Path

from gongkai.render.errors import ProseError
from gongkai.render.text import NUMERALS
from gongkai.report.editions import PROSE_SECTIONS, SECTION_HEADINGS

_HEADING = re.compile(r"^##(?!#)\s*(.*?)\s*#*\s*$")
_NUMBERED = re.compile(r"^([一二三四五六])(?:\s*[、.．]\s*(.*))?$")


def read_prose(path: str | Path) -> dict[int, str]:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ProseError(f"找不到文件 {path}") from None
    except UnicodeDecodeError:
        raise ProseError(f"{path} 不是 UTF-8 编码的文本文件") from None
    except OSError as error:
        raise ProseError(f"无法读取 {path}（{error.strerror}）") from None
    return parse_prose(text, source=str(path))


def parse_prose(text: str, *, source: str = "PROSE.md") -> dict[int, str]:
    prose: dict[int, list[str]] = {}
    current: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        match = _HEADING.match(line)
        if match:
            current = _section(match.group(1), f"{source} 第 {number} 行")
            if current in prose:
                raise ProseError(f"{source} 第 {number} 行：第{NUMERALS[current - 1]}部分重复出现")
            prose[current] = []
        elif current is not None:
            prose[current].append(line)
        elif line.strip() and not line.startswith("# "):
            raise ProseError(f"{source} 第 {number} 行：正文之前应先写标题，如「## 一、总体情况」")
    return {n: "\n".join(lines).strip() for n, lines in prose.items()}


def _section(heading: str, where: str) -> int:
    numbered = _NUMBERED.match(heading)
    if numbered:
        number = NUMERALS.index(numbered.group(1)) + 1
        name = numbered.group(2)
        if name and name not in SECTION_HEADINGS[number]:
            raise ProseError(
                f"{where}：第{numbered.group(1)}部分的标题应为「{SECTION_HEADINGS[number][0]}」"
            )
    else:
        found = [n for n, names in SECTION_HEADINGS.items() if heading in names]
        if not found:
            raise ProseError(
                f"{where}：无法识别的标题「{heading}」，应为「## 一」「## 五」或「## 六」"
            )
        number = found[0]
    if number not in PROSE_SECTIONS:
        raise ProseError(
            f"{where}：第{NUMERALS[number - 1]}部分是统计表格，由报告数据生成；"
            "文字只用于第一、五、六部分"
        )
    return number
