"""Small documents for focused tests: a report skeleton and its tables written in a few layouts."""

from __future__ import annotations

from collections.abc import Mapping

from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

ZEROS = "0000000"


def document(
    proactive: str = "",
    requests: str = "",
    appeals: str = "",
    *,
    title: str = "某街道办事处\n\n2020年政府信息公开工作年度报告",
    headings: tuple[int, ...] = (1, 2, 3, 4, 5, 6),
) -> str:
    """A report with the given tables; `headings` says which section headings it prints."""
    parts = {
        1: ("一、总体情况", "2020年，本机关认真贯彻落实《条例》。"),
        2: ("二、主动公开政府信息情况", proactive),
        3: ("三、收到和处理政府信息公开申请情况", requests),
        4: ("四、政府信息公开行政复议、行政诉讼情况", appeals),
        5: ("五、存在的主要问题及改进情况", "公开形式比较单一。"),
        6: ("六、其他需要报告的事项", "无。"),
    }
    out = [title]
    for number, (heading, body) in parts.items():
        if number in headings:
            out.append(heading)
        out.append(body)
    return "\n\n".join(out) + "\n"


def plain_requests(values: Mapping[str, str] = {}, edition: Edition = Edition.E2019) -> str:
    """Section 三 as a web page leaves it: label and digits run together, one row a line."""
    grid = table(edition, Section.REQUESTS)
    return "\n".join(f"{row.label}{values.get(row.key, ZEROS)}" for row in grid.rows)


def markdown_requests(
    values: Mapping[str, list[str]] = {}, edition: Edition = Edition.E2019
) -> str:
    grid = table(edition, Section.REQUESTS)
    lines = ["| | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |"]
    lines.append("|---" * 8 + "|")
    for row in grid.rows:
        cells = values.get(row.key, ["0"] * 7)
        lines.append("| " + " | ".join([row.label, *cells]) + " |")
    return "\n".join(lines)


def tab_rows(rows: list[list[str]]) -> str:
    """One cell per tab-indented line, rows separated by empty lines."""
    return "\n\n".join("\n".join("\t" + cell for cell in row) for row in rows)


APPEALS_HEADER = (
    "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |\n"
    "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n"
    "| 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | | | | | 复议后起诉 |"
    " | | | |\n"
    "| | | | | | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 |"
    " 其他结果 | 尚未审结 | 总计 |"
)


def markdown_appeals(cells: list[str]) -> str:
    return APPEALS_HEADER + "\n| " + " | ".join(cells) + " |"
