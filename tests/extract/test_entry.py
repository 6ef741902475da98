"""The one entry point, `extract` (bytes and a file name), and text that carries markup inside it:
its markup is read by the web page reader, its other lines stay lines (issue 13)."""

from __future__ import annotations

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract, extract_file, extract_text
from gongkai.extract.readers import Limits

from ..conftest import SEEDS

_TABLE = """<table border="1">
<tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
<tr><td>规章</td><td>2</td><td>0</td><td>11</td></tr>
<tr><td>规范性文件</td><td>5</td><td>1</td><td>36</td></tr>
</table>"""


def test_bytes_and_a_name_read_as_the_file_reads() -> None:
    seed = sorted(SEEDS.glob("*.txt"))[0]
    by_path, by_bytes = extract_file(seed), extract(seed.read_bytes(), seed.name)
    assert dict(by_bytes.report.cells()) == dict(by_path.report.cells())
    assert [d.message for d in by_bytes.doubts] == [d.message for d in by_path.doubts]
    assert by_bytes.report.extra["source"] == seed.name


def test_the_limits_hold_for_bytes_handed_in() -> None:
    with pytest.raises(InputError, match=r"报告\.txt 过大（\d+ 字节，上限 100 字节）"):
        extract(b"x" * 101, "报告.txt", limits=Limits(max_bytes=100))


def test_a_crawlers_header_lines_before_a_saved_page_stay_lines() -> None:
    """The header lines are read as lines (the publication date as metadata, the title) and the
    page after them by the web page reader: its table's cells and its paragraphs."""
    page = (
        "标题: 某县交通运输局2023年政府信息公开工作年度报告\n"
        "发布机构: 某县人民政府\n"
        "发布时间: 2024-01-26\n\n"
        '<!DOCTYPE html><html><head><meta charset="gb2312"><title>年报</title></head><body>\n'
        "<p>一、总体情况</p>\n<p>2023年，本局认真贯彻落实《条例》。</p>\n"
        f"<p>二、主动公开政府信息情况</p>\n{_TABLE}\n"
        "<p>六、其他需要报告的事项</p><p>无。</p>\n</body></html>\n"
    )
    for data in (page.encode("utf-8"), page.encode("gb18030")):
        extraction = extract(data, "page.txt")
        report = extraction.report
        assert (report.agency, report.year) == ("某县交通运输局", 2023)
        assert report.extra["metadata"]["published_at"] == "2024-01-26"
        assert report.proactive["rules"] == {"issued": 2, "repealed": 0, "in_force": 11}
        assert report.proactive["normative_documents"] == {
            "issued": 5,
            "repealed": 1,
            "in_force": 36,
        }
        assert report.prose[1] == "2023年，本局认真贯彻落实《条例》。"
        assert report.prose[6] == "无。"


def test_markdown_with_tables_as_markup_keeps_its_lines() -> None:
    """PDF→Markdown conversions print tables as `<table>` markup between Markdown lines."""
    text = (
        "# 某区教育局2022年政府信息公开工作年度报告\n\n"
        "## 一、总体情况\n\n2022年，我局坚持以公开为常态。\n\n"
        "## 二、主动公开政府信息情况\n\n"
        f"{_TABLE}\n\n"
        "## 五、存在的主要问题及改进情况\n\n公开形式比较单一。\n\n"
        "## 六、其他需要报告的事项\n\n无。\n"
    )
    for extraction in (extract(text.encode("utf-8"), "report.md"), extract_text(text)):
        report = extraction.report
        assert (report.agency, report.year) == ("某区教育局", 2022)
        assert report.proactive["rules"] == {"issued": 2, "repealed": 0, "in_force": 11}
        assert report.prose[1] == "2022年，我局坚持以公开为常态。"
        assert report.prose[5] == "公开形式比较单一。"
        assert extraction.stages.document is not None
        assert "# 某区教育局2022年政府信息公开工作年度报告" in extraction.stages.document.text


def test_a_less_than_sign_in_text_is_no_markup() -> None:
    text = "某街道办事处2021年政府信息公开工作年度报告\n一、总体情况\n办理时限<20个工作日。\n"
    extraction = extract_text(text)
    assert extraction.stages.document is not None
    assert extraction.stages.document.kind == "text"
    assert extraction.report.prose[1] == "办理时限<20个工作日。"
