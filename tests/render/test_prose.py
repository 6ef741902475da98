"""PROSE.md → the prose of sections 一, 五 and 六; clear Chinese errors for anything else."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.render import Format, render
from gongkai.render.errors import ProseError
from gongkai.render.prose import parse_prose, read_prose
from gongkai.render.text import MISSING_PROSE
from gongkai.report import load

from ..conftest import gold


def test_numerals_full_headings_and_names_all_name_a_section() -> None:
    text = "# 某局2024年报告文字\n\n## 一\n第一段。\n\n第二段。\n## 五、存在的主要问题及改进情况\n问题。\n## 其他需要报告的事项\n无。\n"
    assert parse_prose(text) == {1: "第一段。\n\n第二段。", 5: "问题。", 6: "无。"}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("## 三\n表格", "第三部分是统计表格"),
        ("## 七\n什么", "无法识别的标题"),
        ("## 一、主动公开政府信息情况\n文字", "第一部分的标题应为「总体情况」"),
        ("## 一\n甲\n## 一\n乙", "第一部分重复出现"),
        ("没有标题的文字", "正文之前应先写标题"),
    ],
)
def test_bad_prose_files_say_what_is_wrong(text: str, message: str) -> None:
    with pytest.raises(ProseError, match=message):
        parse_prose(text)


def test_files_that_cannot_be_read(tmp_path: Path) -> None:
    with pytest.raises(ProseError, match="找不到文件"):
        read_prose(tmp_path / "missing.md")
    gbk = tmp_path / "gbk.md"
    gbk.write_bytes("## 一\n总体情况".encode("gbk"))
    with pytest.raises(ProseError, match="UTF-8"):
        read_prose(gbk)


def test_prose_is_printed_in_its_section_and_a_missing_section_says_so() -> None:
    report = load(gold("004"))
    report.prose = {1: "本年度总体情况良好。", 6: "无。"}
    text = render(report, Format.MD).decode()
    first = text.index("## 一、总体情况")
    assert text.index("本年度总体情况良好。") > first
    assert text.index(MISSING_PROSE) > text.index("## 五、存在的主要问题及改进情况")
    assert text.rstrip().endswith("无。")
