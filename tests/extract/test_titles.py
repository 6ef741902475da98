"""Agency, year and edition from a report's own title, whatever is printed around it (issue 13).

Each title form below is one real sites print (county, district, department 局/委/办, township and
street offices, 中共…委 publishing with a government office, titles broken over two lines, years in
Chinese numerals), read bare, under a crawler's header lines and inside a government site's page
furniture, whose section names (「政务公开」「政府信息公开年报」) must never become the agency.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.extract import extract_file, extract_text
from gongkai.report.grid import Edition, Section

from .fixtures import document, markdown_requests

DOCUMENTS = Path(__file__).parent / "documents"

#: (title as printed, agency, year). Years the title does not give come from the prose (2020).
TITLES = [
    ("沭阳县人民政府2023年政府信息公开工作年度报告", "沭阳县人民政府", 2023),
    (
        "江苏省南京市栖霞区人民政府办公室\n\n2023年度政府信息公开工作年度报告",
        "江苏省南京市栖霞区人民政府办公室",
        2023,
    ),
    ("# 杭州市生态环境局2022年政府信息公开工作年度报告", "杭州市生态环境局", 2022),
    (
        "文章标题：铜山区发展和改革委员会2022年度政府信息公开工作年度报告",
        "铜山区发展和改革委员会",
        2022,
    ),
    ("南通市住房和城乡建设局关于2023年政府信息公开工作年度报告", "南通市住房和城乡建设局", 2023),
    ("丹阳市新城镇人民政府2023年政府信息公开工作年度报告", "丹阳市新城镇人民政府", 2023),
    (
        "银川市兴庆区前进街街道办事处二〇二三年政府信息公开工作年度报告",
        "银川市兴庆区前进街街道办事处",
        2023,
    ),
    ("盱眙县马坝镇人民政府\n二零二一年度政府信息公开工作年度报告", "盱眙县马坝镇人民政府", 2021),
    (
        "中共桐庐县委办公室 桐庐县人民政府办公室\n2023年政府信息公开工作年度报告",
        "中共桐庐县委办公室 桐庐县人民政府办公室",
        2023,
    ),
    (
        "中共昆山市委组织部（昆山市公务员局）2022年度政府信息公开工作年度报告",
        "中共昆山市委组织部（昆山市公务员局）",
        2022,
    ),
    (
        "昆山市人民政府办公室（昆山市人民政府外事办公室）2023年政府信息公开工作年度报告",
        "昆山市人民政府办公室（昆山市人民政府外事办公室）",
        2023,
    ),
    ("常州市武进区卫生健康局2023年政府信息公开\n工作年度报告", "常州市武进区卫生健康局", 2023),
    ("常州市武进区卫生健康局2023年政府\n信息公开工作年度报告", "常州市武进区卫生健康局", 2023),
    ("某县人民政府办公室\n2023年政府信息公开工作\n年度报告", "某县人民政府办公室", 2023),
    ("无锡市梁溪区人民政府二〇二二年度\n政府信息公开工作年度报告", "无锡市梁溪区人民政府", 2022),
    ("2023年宿迁市宿城区人民政府政府信息公开工作年度报告", "宿迁市宿城区人民政府", 2023),
    ("标题：2023年度宜兴市市场监督管理局政府信息公开工作年度报告", "宜兴市市场监督管理局", 2023),
    ("《盐城市大丰区医疗保障局2023年度政府信息公开工作年度报告》", "盐城市大丰区医疗保障局", 2023),
    ("**徐州市贾汪区商务局2023年度政府信息公开工作年度报告**", "徐州市贾汪区商务局", 2023),
    (
        "## 连云港市海州区人民政府\n## 2023年政府信息公开工作年度报告",
        "连云港市海州区人民政府",
        2023,
    ),
    ("扬州市邗江区公安分局 2023 年政府信息公开工作年度报告", "扬州市邗江区公安分局", 2023),
    ("泰 州 市 海 陵 区 人 民 政 府\n2023年政府信息公开工作年度报告", "泰州市海陵区人民政府", 2023),
    (
        "泰州市海陵区城东街道办事处\n2023年政府信息公开工作年度报告\n（2024年1月）",
        "泰州市海陵区城东街道办事处",
        2023,
    ),
    ("无锡市滨湖区人民政府\n关于2023年政府信息公开工作的年度报告", "无锡市滨湖区人民政府", 2023),
    ("海门区司法局2023年度政府信息公开年报", "海门区司法局", 2023),
    ("2023年度政府信息公开工作年度报告\n（南通市海门区司法局）", "南通市海门区司法局", 2023),
    ("苏州工业园区管理委员会\n二〇二一年政府信息公开工作年度报告", "苏州工业园区管理委员会", 2021),
    ("国家税务总局南京市税务局2022年政府信息公开工作年度报告", "国家税务总局南京市税务局", 2022),
    (
        "镇江市京口区人民政府办公室2020年政府信息公开工作年度报告",
        "镇江市京口区人民政府办公室",
        2020,
    ),
    ("沛县人民政府政府信息公开工作年度报告（2023年度）", "沛县人民政府", 2023),
    ("睢宁县教育局\n政府信息公开工作年度报告\n（2022年度）", "睢宁县教育局", 2022),
    ("灌南县堆沟港镇人民政府关于2023年度政府信息公开工作的报告", "灌南县堆沟港镇人民政府", 2023),
    ("赣榆区青口镇2023年度政府信息公开工作年度报告", "赣榆区青口镇", 2023),
    # no agency anywhere: none is made up from the page around it
    ("2023年度政府信息公开工作年度报告", None, 2023),
    ("政府信息公开工作年度报告", None, 2020),
]


def _wrappers(title: str) -> dict[str, str]:
    """The title bare, under a crawler's header lines, and in a government site's page."""
    return {
        "bare": title,
        "crawler": (
            f"标题: {title.splitlines()[0].lstrip('#* ')}\n发布时间: 2024-01-26 16:02\n"
            "文号: \n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/nb/t1.html\n"
            f"==================== 正文 ====================\n{title}"
        ),
        "site": (
            "无障碍浏览 | 长者模式\n首页 > 政务公开 > 政府信息公开年报\n政务公开\n政府信息公开年报\n"
            f"{title}\n发布时间：2024-01-26 来源：政务公开 【字体：大 中 小】【打印】"
        ),
    }


@pytest.mark.parametrize(("title", "agency", "year"), TITLES)
def test_agency_and_year_from_the_title(title: str, agency: str | None, year: int) -> None:
    for where, page in _wrappers(title).items():
        report = extract_text(document(requests=markdown_requests(), title=page)).report
        if where == "crawler" and agency is None and year == 2020:
            continue  # the crawler's 标题 line repeats the bare title: the same case again
        assert (report.agency, report.year) == (agency, year), where
        assert report.edition is Edition.E2019, where


def test_a_site_section_name_is_never_the_agency() -> None:
    """The site's column heading 「政府信息公开年报」 above the report's title is not the title,
    and the section name printed above it, or as the page's 信息来源, is not the agency."""
    for page in (
        "政务公开\n\n政府信息公开年报\n\n2023年度政府信息公开工作年度报告",
        "政务公开\n\n2023年度政府信息公开工作年度报告",
        "信息来源：政务公开\n2023年度政府信息公开工作年度报告",
        "当前位置：首页 > 信息公开 > 年度报告\n2023年度政府信息公开工作年度报告",
    ):
        report = extract_text(document(title=page)).report
        assert (report.agency, report.year) == (None, 2023), page


def test_the_agency_from_a_crawlers_publisher_line_when_the_title_has_none() -> None:
    page = (
        "标题: 2023年政府信息公开工作年度报告\n发布机构: 句容市人民政府办公室\n"
        "发布时间: 2024-01-30 10:00\n栏目: 政府信息公开年报"
    )
    report = extract_text(document(title=page)).report
    assert (report.agency, report.year) == ("句容市人民政府办公室", 2023)
    assert report.extra["metadata"] == {
        "publisher": "句容市人民政府办公室",
        "published_at": "2024-01-30 10:00",
        "column": "政府信息公开年报",
    }


def test_a_local_template_before_2019_is_legacy_whatever_its_rows_resemble() -> None:
    """A 2018 report's own table (指标名称/计量单位/本年度/历年累计) has rows named like national
    rows (规章, 行政许可): read as national cells they would be wrong numbers stated as read."""
    extraction = extract_file(DOCUMENTS / "legacy-2018-district-local-template.txt")
    report = extraction.report
    assert (report.agency, report.year) == ("上海市闵行区人民政府", 2018)
    assert report.edition is Edition.LEGACY
    assert dict(report.cells()) == {}
    assert report.extra["metadata"]["published_at"] == "2019-03-29"


@pytest.mark.parametrize("layout", ["tsv", "markdown", "spaced", "run_together"])
def test_the_2008_statistics_table_is_legacy_in_any_layout(layout: str) -> None:
    """The 2008 national 政府信息公开情况统计表 (统计指标/单位/统计数, 收到申请数, 同意公开答复数 …)
    under a crawler's header lines: legacy, no national cell, the agency from the title."""
    text = (DOCUMENTS / "legacy-2017-county-tsv.txt").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.count("\t") == 2]
    if layout == "markdown":
        table = ["| " + row.replace("\t", " | ") + " |" for row in rows]
        table.insert(1, "|---|---|---|")
    else:
        table = [row.replace("\t", {"tsv": "\t", "spaced": "  "}.get(layout, "")) for row in rows]
    text = text.replace("\n".join(rows), "\n".join(table))
    report = extract_text(text).report
    assert (report.agency, report.year, report.edition) == (
        "东台市人民政府办公室",
        2017,
        Edition.LEGACY,
    )
    assert dict(report.cells()) == {}
    assert report.extra["metadata"]["publisher"] == "东台市人民政府办公室"


def test_a_mixed_edition_is_still_reported_table_by_table() -> None:
    """Section 二 in the 2021 layout and 三 in the 2019 one (as 洪泽区 printed in 2023): the report
    says the edition of each table, not legacy."""
    proactive = (
        "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
        "| 规章 | 0 | 0 | 0 |\n| 行政规范性文件 | 3 | 1 | 25 |"
    )
    text = document(
        proactive, markdown_requests(), title="淮安市洪泽区人民政府2023年政府信息公开工作年度报告"
    )
    report = extract_text(text).report
    assert report.edition is Edition.E2019
    assert report.edition_of(Section.PROACTIVE) is Edition.E2021
    assert report.edition_of(Section.REQUESTS) is Edition.E2019
    assert report.proactive["normative_documents"] == {"issued": 3, "repealed": 1, "in_force": 25}


def test_the_edition_words_are_searched_in_their_compact_form() -> None:
    """`is_legacy` searches `compact(text)`, which finds what `key` would only for words of CJK
    characters: no clause marks, digits or item numbers."""
    import re

    from gongkai.extract.edition import LEGACY_WORDS, NATIONAL_WORDS

    assert all(re.fullmatch(r"[\u4e00-\u9fff]+", w) for w in (*LEGACY_WORDS, *NATIONAL_WORDS))
