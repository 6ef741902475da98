"""The gongkai.annual-report/1 JSON format: load, validate, dump."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from gongkai.errors import FormatError, InputError
from gongkai.report import Edition, Section, dumps, from_dict, load, loads, to_dict

from ..conftest import GOLD, gold


def _minimal(**extra: object) -> dict[str, object]:
    return {
        "schema": "gongkai.annual-report/1",
        "agency": "某机关",
        "year": 2021,
        "edition": "2021",
        **extra,
    }


@pytest.mark.parametrize("path", sorted(GOLD.glob("*.json")), ids=lambda p: p.stem[:3])
def test_gold_files_round_trip(path: Path) -> None:
    original = json.loads(path.read_text())
    assert json.loads(dumps(load(path))) == original


def test_null_blank_and_absent_stay_distinct() -> None:
    report = load(gold("001"))
    assert report.requests["new_received"]["commercial_enterprise"] is None
    assert report.requests["new_received"]["natural_person"] == 2
    truncated = load(gold("000"))
    assert "new_received" not in truncated.requests
    assert not truncated.has("requests.new_received.total")
    assert truncated.has("requests.total_processed.total")


def test_money_stays_exact() -> None:
    data = _minimal(proactive={"fees": {"amount_10k_yuan": 0.1}})
    report = loads(json.dumps(data))
    assert report.proactive["fees"]["amount_10k_yuan"] == Decimal("0.1")
    assert to_dict(report)["proactive"]["fees"]["amount_10k_yuan"] == 0.1


def test_ambiguous_and_inferred_kept() -> None:
    report = load(gold("002"))
    assert report.ambiguous == ["requests.denied_state_secret"]
    assert "denied_state_secret" not in report.requests


def test_mixed_editions() -> None:
    data = {
        "schema": "gongkai.annual-report/1",
        "year": 2021,
        "edition": "2019",
        "editions": {"proactive": "2021", "requests": "2019"},
        "proactive": {"licensing": {"decisions": 3}},
        "requests": {"other": {"total": 0}},
    }
    report = from_dict(data)
    assert report.edition_of(Section.PROACTIVE) is Edition.E2021
    assert report.edition_of(Section.REQUESTS) is Edition.E2019
    assert report.is_mixed
    assert to_dict(report)["editions"] == {"proactive": "2021", "requests": "2019"}


def test_unknown_top_level_keys_are_kept() -> None:
    report = from_dict(_minimal(metadata={"published_at": "2021-02-16"}))
    assert to_dict(report)["metadata"] == {"published_at": "2021-02-16"}


@pytest.mark.parametrize(
    ("data", "path", "words"),
    [
        (_minimal(requests={"granted_all": {"total": 1}}), "requests.granted_all", "没有这一行"),
        (
            _minimal(requests={"granted": {"everyone": 1}}),
            "requests.granted.everyone",
            "没有这一列",
        ),
        (_minimal(requests={"granted": {"total": "2"}}), "requests.granted.total", "字符串"),
        (_minimal(requests={"granted": {"total": -1}}), "requests.granted.total", "非负整数"),
        (_minimal(requests={"granted": {"total": 1.5}}), "requests.granted.total", "整数"),
        (_minimal(requests={"granted": {"total": True}}), "requests.granted.total", "布尔值"),
        (
            _minimal(proactive={"fees": {"amount_10k_yuan": -3}}),
            "proactive.fees.amount_10k_yuan",
            "负数",
        ),
        (_minimal(edition="2020"), "edition", "之一"),
        (_minimal(schema="other/1"), "schema", "gongkai.annual-report/1"),
        (_minimal(year="2021"), "year", "年度"),
        (_minimal(inferred=["requests.nowhere.total"]), "inferred[0]", "不是本版本"),
        (_minimal(sections=[0, 7]), "sections", "1 到 6"),
        (_minimal(edition="legacy", requests={}), "requests", "没有全国统一表格"),
        # The 2019 edition's 「（六）其他处理」 row does not exist in edition 2021.
        (
            _minimal(requests={"other": {"total": 0}}),
            "requests.other",
            "2021年版格式第三部分没有这一行",
        ),
    ],
)
def test_format_errors_name_path_and_problem(
    data: dict[str, object], path: str, words: str
) -> None:
    with pytest.raises(FormatError) as info:
        from_dict(data)
    assert info.value.path == path
    assert words in str(info.value)


def test_signed_change_may_be_negative() -> None:
    data = _minimal(edition="2019", year=2020, proactive={"licensing": {"change": -4}})
    assert from_dict(data).proactive["licensing"]["change"] == -4


def test_all_problems_are_collected() -> None:
    data = _minimal(requests={"granted": {"total": -1, "natural_person": "x"}})
    with pytest.raises(FormatError) as info:
        from_dict(data)
    assert len(info.value.data["problems"]) == 2
    assert "另有 1 处问题" in str(info.value)


def test_bad_json_and_missing_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": ', encoding="utf-8")
    with pytest.raises(FormatError, match="不是有效的 JSON"):
        load(bad)
    with pytest.raises(InputError, match="找不到文件"):
        load(tmp_path / "nowhere.json")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"agency": "某机关"}'.encode("gbk"))
    with pytest.raises(FormatError, match="UTF-8"):
        load(gbk)
    nan = tmp_path / "nan.json"
    nan.write_text('{"schema": "gongkai.annual-report/1", "edition": "2021", "year": NaN}')
    with pytest.raises(FormatError):
        load(nan)


def test_top_level_must_be_an_object() -> None:
    with pytest.raises(FormatError, match="JSON 对象"):
        loads("[1, 2]")
