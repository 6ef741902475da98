"""The `gongkai.annual-report/1` JSON format: load, validate, dump.

`null` is a blank cell; a missing key is a cell not in the document. Money stays exact: numbers are
parsed as Decimal, never float. A file that breaks the format raises `FormatError` naming the path
and the problem in Chinese (all problems are collected, the first one leads the message).
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from gongkai.errors import FormatError, InputError
from gongkai.report.document import Report, Value, check_value
from gongkai.report.editions import PROSE_SECTIONS
from gongkai.report.grid import Edition, Section

SCHEMA = "gongkai.annual-report/1"
_KNOWN = frozenset(
    {
        "schema",
        "agency",
        "year",
        "edition",
        "editions",
        *(s.value for s in Section),
        "inferred",
        "ambiguous",
        "sections",
        "prose",
    }
)
_EDITION_NAMES = "、".join(f"“{e.value}”" for e in Edition)


def load(path: str | Path) -> Report:
    """Read a report file; `InputError` when unreadable, `FormatError` when malformed."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件 {p}") from None
    except OSError as exc:
        raise InputError(f"无法读取文件 {p}：{exc.strerror}") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FormatError(f"{p.name} 不是 UTF-8 编码的 JSON 文件") from None
    return loads(text, source=p.name)


def loads(text: str, *, source: str = "JSON") -> Report:
    try:
        data = json.loads(text, parse_float=Decimal, parse_constant=_reject_constant)
    except json.JSONDecodeError as exc:
        raise FormatError(
            f"{source} 不是有效的 JSON（第 {exc.lineno} 行第 {exc.colno} 列：{exc.msg}）"
        ) from None
    except ValueError as exc:
        raise FormatError(f"{source} 含有 JSON 不允许的值：{exc}") from None
    return from_dict(data)


def _reject_constant(name: str) -> Any:
    raise ValueError(name)


def from_dict(data: Any) -> Report:
    """Validate a parsed JSON value and build the Report."""
    problems = _Problems()
    if not isinstance(data, dict):
        raise FormatError("报告文件的最外层应为 JSON 对象")
    if data.get("schema") != SCHEMA:
        problems.add("schema", f"应为 “{SCHEMA}”，实际为 {_show(data.get('schema'))}")

    report = Report()
    report.agency = _optional_str(data, "agency", problems)
    report.year = _year(data.get("year"), problems)
    edition = _edition(data.get("edition"), "edition", problems)
    if "edition" not in data:
        problems.add("edition", "缺少版本（edition）")
    report.edition = edition or Edition.E2021

    editions = data.get("editions")
    if editions is not None:
        if not isinstance(editions, dict):
            problems.add("editions", "应为对象，如 {“proactive”: “2021”}")
        else:
            for key, value in editions.items():
                if key not in {s.value for s in Section}:
                    problems.add(f"editions.{key}", "不是表格部分（proactive、requests、appeals）")
                    continue
                ed = _edition(value, f"editions.{key}", problems)
                if ed is not None:
                    report.editions[Section(key)] = ed

    for section in Section:
        if section.value in data:
            _read_table(report, section, data[section.value], problems)

    for key in ("inferred", "ambiguous"):
        paths = data.get(key, [])
        if not isinstance(paths, list) or not all(isinstance(x, str) for x in paths):
            problems.add(key, "应为字符串列表（单元格路径，如 requests.granted.total）")
        else:
            for i, item in enumerate(paths):
                if not _valid_path(report, item):
                    problems.add(f"{key}[{i}]", f"“{item}” 不是本版本表格中的行或单元格")
            getattr(report, key).extend(paths)

    if "sections" in data:
        secs = data["sections"]
        if not isinstance(secs, list) or not all(
            isinstance(n, int) and not isinstance(n, bool) and 1 <= n <= 6 for n in secs
        ):
            problems.add("sections", "应为 1 到 6 之间的部分编号列表")
        else:
            report.sections = frozenset(secs)

    prose = data.get("prose", {})
    if not isinstance(prose, dict):
        problems.add("prose", "应为对象，如 {“1”: “总体情况……”}")
    else:
        for key, text in prose.items():
            if key not in {str(n) for n in PROSE_SECTIONS} or not isinstance(text, str):
                problems.add(f"prose.{key}", "应为第一、五、六部分（“1”“5”“6”）的文字")
            else:
                report.prose[int(key)] = text

    report.extra = {k: v for k, v in data.items() if k not in _KNOWN}
    problems.raise_if_any()
    return report


def _read_table(report: Report, section: Section, rows: Any, problems: _Problems) -> None:
    grid = report.table(section)
    where = section.value
    if grid is None:
        problems.add(where, f"{Edition.LEGACY.label}没有全国统一表格，不应有 {where}")
        return
    if not isinstance(rows, dict):
        problems.add(where, "应为对象（行 → 列 → 数值）")
        return
    out = report.rows(section)
    for row_key, cols in rows.items():
        if not grid.has_row(row_key):
            problems.add(f"{where}.{row_key}", f"{grid.edition.label}{section.label}没有这一行")
            continue
        row = grid.row(row_key)
        if not isinstance(cols, dict):
            problems.add(f"{where}.{row_key}", "应为对象（列 → 数值）")
            continue
        values: dict[str, Value] = {}
        for col_key, value in cols.items():
            path = f"{where}.{row_key}.{col_key}"
            column = next((c for c in row.columns if c.key == col_key), None)
            if column is None:
                problems.add(path, f"“{row.label}”一行没有这一列")
                continue
            why = check_value(column, value)
            if why:
                problems.add(path, why)
                continue
            values[col_key] = _normalise(value)
        out[row_key] = values


def _normalise(value: Any) -> Value:
    """Integral numbers become int; other decimals stay Decimal."""
    if value is None or isinstance(value, int):
        return value
    dec = value if isinstance(value, Decimal) else Decimal(str(value))
    return int(dec) if dec == dec.to_integral_value() else dec


def _valid_path(report: Report, path: str) -> bool:
    parts = path.split(".")
    if len(parts) not in (2, 3) or parts[0] not in {s.value for s in Section}:
        return False
    grid = report.table(Section(parts[0]))
    if grid is None or not grid.has_row(parts[1]):
        return False
    return len(parts) == 2 or any(c.key == parts[2] for c in grid.row(parts[1]).columns)


def _optional_str(data: dict[str, Any], key: str, problems: _Problems) -> str | None:
    value = data.get(key)
    if value is not None and not isinstance(value, str):
        problems.add(key, f"应为字符串，实际为{_show(value)}")
        return None
    return value


def _year(value: Any, problems: _Problems) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 1990 <= value <= 2100:
        problems.add("year", f"应为报告所属年度（如 2020），实际为 {_show(value)}")
        return None
    return int(value)


def _edition(value: Any, path: str, problems: _Problems) -> Edition | None:
    if value is None:
        return None
    try:
        return Edition(value)
    except (ValueError, TypeError):
        problems.add(path, f"应为 {_EDITION_NAMES} 之一，实际为 {_show(value)}")
        return None


def _show(value: Any) -> str:
    if value is None:
        return "空"
    if isinstance(value, str):
        return f"“{value[:30]}”"
    return json.dumps(value, ensure_ascii=False, default=str)[:30]


class _Problems:
    def __init__(self) -> None:
        self.items: list[tuple[str, str]] = []

    def add(self, path: str, message: str) -> None:
        self.items.append((path, message))

    def raise_if_any(self) -> None:
        if not self.items:
            return
        path, message = self.items[0]
        more = len(self.items) - 1
        if more:
            message += f"（另有 {more} 处问题）"
        raise FormatError(
            message,
            path=path,
            problems=[{"path": p, "message": m} for p, m in self.items],
        )


# --- dump ---------------------------------------------------------------------------------------


def to_dict(report: Report) -> dict[str, Any]:
    """The report as a JSON-ready dict, rows and columns in the grid's order."""
    out: dict[str, Any] = {
        "schema": SCHEMA,
        "agency": report.agency,
        "year": report.year,
        "edition": report.edition.value,
    }
    if report.is_mixed:
        out["editions"] = {s.value: e.value for s, e in sorted(report.editions.items())}
    for section in Section:
        rows = report.rows(section)
        grid = report.table(section)
        if grid is None or not rows:
            continue
        out[section.value] = {
            row.key: {
                c.key: _json_value(rows[row.key][c.key])
                for c in row.columns
                if c.key in rows[row.key]
            }
            for row in grid.rows
            if row.key in rows
        }
    if report.inferred:
        out["inferred"] = list(report.inferred)
    if report.ambiguous:
        out["ambiguous"] = list(report.ambiguous)
    if report.sections is not None:
        out["sections"] = sorted(report.sections)
    if report.prose:
        out["prose"] = {str(n): text for n, text in sorted(report.prose.items())}
    out.update(report.extra)
    return out


def _json_value(value: Value) -> int | float | None:
    if isinstance(value, Decimal):
        # float(str) round-trips any decimal that has at most 15 significant digits exactly.
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def dumps(report: Report, *, indent: int | None = 2) -> str:
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)
