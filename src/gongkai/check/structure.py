"""R9, R10, R13, R14: the shape of the report — values, completeness, edition, authority."""

from __future__ import annotations

import re
from collections.abc import Iterator

from gongkai.check.finding import CellRef, Finding, Level
from gongkai.report.document import Report, check_value
from gongkai.report.editions import SECTION_NAMES
from gongkai.report.grid import Edition, Section

_CN_NUMBERS = "一二三四五六"


def check_values(report: Report) -> Iterator[Finding]:
    """R9: every count a non-negative integer, `change` signed, money a non-negative decimal."""
    for section in Section:
        grid = report.table(section)
        if grid is None:
            continue
        for row_key, cols in report.rows(section).items():
            if not grid.has_row(row_key):
                continue
            row = grid.row(row_key)
            for col_key, value in cols.items():
                if value is None or (type(value) is int and value >= 0):
                    continue  # the common case, without a call
                col = next((c for c in row.columns if c.key == col_key), None)
                if col is None:
                    continue
                why = check_value(col, value)
                if why:
                    path = f"{section.value}.{row_key}.{col_key}"
                    label = grid.cell_label(row_key, col_key)
                    yield Finding("R9", Level.ERROR, f"{label}：{why}", (CellRef(path, label),))


def check_completeness(report: Report) -> Iterator[Finding]:
    """R13: all six sections present, every table complete for its edition."""
    if report.sections is not None:
        missing = [n for n in range(1, 7) if n not in report.sections]
        if missing:
            names = "、".join(f"{_CN_NUMBERS[n - 1]}、{SECTION_NAMES[n]}" for n in missing)
            yield Finding(
                "R13",
                Level.ERROR,
                f"报告缺少第{'、'.join(_CN_NUMBERS[n - 1] for n in missing)}部分（{names}）",
                data={"missing_sections": missing},
            )
    for section in Section:
        grid = report.table(section)
        if grid is None:
            continue
        rows = report.rows(section)
        name = f"{section.label}（{SECTION_NAMES[section.number]}）表格"
        if not rows:
            yield Finding(
                "R13",
                Level.ERROR,
                f"{name}缺失（{grid.edition.label}应有 {grid.cell_count} 个单元格）",
                data={"section": section.value, "missing_cells": grid.cell_count},
            )
            continue
        if not report.ambiguous and all(
            row.key in rows and rows[row.key].keys() >= row.column_keys for row in grid.rows
        ):
            continue  # complete: the common case
        ambiguous, missing_rows, partial = [], [], []
        lost = 0
        for row in grid.rows:
            if report.is_doubtful(section, row.key):
                ambiguous.append(row)
                continue
            cols = rows.get(row.key)
            absent = [c for c in row.columns if cols is None or c.key not in cols]
            lost += len(absent)
            if cols is None:
                missing_rows.append(row)
            elif absent:
                partial.append((row, absent))
        for row in ambiguous:
            path = f"{section.value}.{row.key}"
            yield Finding(
                "R13",
                Level.ERROR,
                f"{section.label}“{row.full_label}”一行的数字无法准确读取",
                (CellRef(path, f"{section.label} {row.full_label}"),),
            )
        if missing_rows or partial:
            parts = []
            if missing_rows:
                parts.append("缺少" + "、".join(f"“{r.label}”" for r in missing_rows[:6]))
                if len(missing_rows) > 6:
                    parts[-1] += f"等 {len(missing_rows)} 行"
            for row, absent in partial[:4]:
                parts.append(f"“{row.label}”缺少{'、'.join(c.label for c in absent)}")
            yield Finding(
                "R13",
                Level.ERROR,
                f"{name}不完整，共缺 {lost} 个单元格：{'；'.join(parts)}",
                tuple(
                    CellRef(f"{section.value}.{r.key}", f"{section.label} {r.full_label}")
                    for r in (*missing_rows, *(r for r, _ in partial))
                ),
                data={"section": section.value, "missing_cells": lost},
            )


def check_edition(report: Report) -> Iterator[Finding]:
    """R14: the edition matches the report year."""
    if report.year is None:
        return
    wanted = Edition.for_year(report.year)
    used = {report.edition, *report.editions.values()}
    for edition in sorted(used - {wanted}):
        where = [s.label for s in Section if report.edition_of(s) is edition and report.rows(s)]
        yield Finding(
            "R14",
            Level.ERROR,
            f"{report.year} 年度报告应使用{wanted.label}，"
            f"{'、'.join(where) or '报告'}却使用了{edition.label}",
            data={"expected": wanted.value, "actual": edition.value},
        )


# 规章 may be made by 国务院部门 and by the governments of provinces and of cities with districts
# (《立法法》第九十一、九十三条). Anything else reporting 规章 is suspect. From a name alone a
# county-level city cannot be told from a districted one, so this rule only warns.
_CENTRAL = re.compile(
    r"^(国务院|国家|中华人民共和国|中国人民银行|海关总署)|^[^省市县区]{1,10}(部|委员会)$"
)
_GOVERNMENT = re.compile(r"^(?:[^区县]|自治区)*?(省|自治区|市|自治州)人民政府(办公厅|办公室)?$")


def may_make_rules(agency: str) -> bool:
    """Whether, judging by its name, `agency` is (or speaks for) a body that may make 规章."""
    return bool(_CENTRAL.search(agency) or _GOVERNMENT.search(agency))


def check_rule_authority(report: Report) -> Iterator[Finding]:
    """R10: 规章 counts should be 0 unless the agency may make 规章."""
    agency = (report.agency or "").strip()
    if not agency or may_make_rules(agency):
        return
    for col, value in report.proactive.get("rules", {}).items():
        if value is not None and value > 0:
            path = f"proactive.rules.{col}"
            yield Finding(
                "R10",
                Level.WARNING,
                f"{report.label(path)} 为 {value}，但从名称看“{agency}”没有规章制定权，规章数一般应为 0",
                (CellRef(path, report.label(path)),),
                expected=0,
                actual=value,
            )
