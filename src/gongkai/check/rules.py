"""The consistency rules (勾稽关系) of the annual report, by id.

Only R1 is printed in the national format itself; the others follow from the table's labels, from
year-to-year continuity, or from the 条例. Cross-year rules are warnings, not errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from gongkai.check.finding import Level


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    level: Level
    title: str  # what the rule says, in Chinese
    needs: str = ""  # what input the rule needs beyond the report itself


RULES: Mapping[str, Rule] = {
    r.id: r
    for r in (
        Rule(
            "R1",
            Level.ERROR,
            "每一列：本年新收 + 上年结转 = 办理结果总计 + 结转下年度（表内印明的勾稽关系）",
        ),
        Rule("R2", Level.ERROR, "每一行：总计 = 自然人与五类法人或其他组织之和"),
        Rule("R3", Level.ERROR, "每一列：（七）总计 = 各项办理结果之和"),
        Rule(
            "R4",
            Level.ERROR,
            "行政复议、行政诉讼每一栏：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        ),
        Rule(
            "R5", Level.WARNING, "本年“上年结转” = 上一年报告的“结转下年度继续办理”", "上一年报告"
        ),
        Rule(
            "R6",
            Level.WARNING,
            "2021年版：现行有效件数 = 上年现行有效件数 + 本年制发 − 本年废止",
            "上一年报告",
        ),
        Rule(
            "R7",
            Level.WARNING,
            "2019年版：本年“上一年项目数量” = 上年“上一年项目数量” + 上年“本年增/减”",
            "上一年报告",
        ),
        Rule(
            "R8",
            Level.WARNING,
            "2019年版：上一年项目数量 + 本年增/减 ≥ 0；对外公开总数量 ≥ 本年新公开数量",
        ),
        Rule("R9", Level.ERROR, "件数为非负整数，本年增/减可为负数，金额为以万元计的非负数"),
        Rule(
            "R10",
            Level.WARNING,
            "只有国务院部门和省级、设区的市级人民政府可以制定规章，其他机关的规章数应为 0",
        ),
        Rule("R11", Level.WARNING, "正文（第一、五、六部分）引用的数字与表格一致", "正文"),
        Rule("R12", Level.WARNING, "收取信息处理费的，应在第六部分报告收费情况", "正文"),
        Rule("R13", Level.ERROR, "六个部分齐全，表格按所用版本完整"),
        Rule(
            "R14",
            Level.ERROR,
            "所用格式版本与报告年度相符（2019–2020 年用 2019 年版，2021 年起用 2021 年版）",
        ),
    )
}
