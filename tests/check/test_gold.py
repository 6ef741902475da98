"""The checker on the five seed reports' gold files."""

from __future__ import annotations

import pytest

from gongkai.check import Level, check, has_errors
from gongkai.report import load

from ..conftest import gold


def test_001_blank_natural_person_total_is_found() -> None:
    findings = check(load(gold("001")))
    assert has_errors(findings)
    named = {c.path for f in findings if f.level is Level.ERROR for c in f.cells}
    assert "requests.total_processed.natural_person" in named
    assert "requests.carried_over_to_next_year.natural_person" in named
    r1 = next(f for f in findings if f.rule == "R1")
    assert r1.message == (
        "第三部分 自然人 列：本年新收 2 + 上年结转 0 ≠ 办理结果总计（空白） + 结转下年度（空白）"
        "（空白按 0 计算时不相等；若空白表示未填写，则无法核对）"
    )


@pytest.mark.parametrize("name", ["003", "004"])
def test_clean_reports_have_no_error(name: str) -> None:
    assert not has_errors(check(load(gold(name))))


def test_000_truncated_tables() -> None:
    findings = check(load(gold("000")))
    assert {f.rule for f in findings} == {"R13"}
    text = " ".join(f.message for f in findings)
    assert "第二部分" in text and "第三部分" in text and "不完整" in text


def test_002_ambiguous_row_named() -> None:
    (finding,) = check(load(gold("002")))
    assert finding.rule == "R13" and "1.属于国家秘密" in finding.message
