"""Properties of name normalisation over made-up names: it never fails, is idempotent, and
parsing gives back the whole name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from gongkai.corpus import normalise, parse_agency

_PIECES = st.sampled_from(
    [
        "浙江省",
        "杭州市",
        "西湖区",
        "沛县",
        "文新街道",
        "城关镇",
        "某乡",
        "北京市",
        "内蒙古自治区",
        "人民政府",
        "政府",
        "办公室",
        "政府办",
        "办事处",
        "街道办",
        "教育局",
        "住房和城乡建设局",
        "管委会",
        "经济技术开发区",
        "市场监督管理局",
        "公安局",
        "分局",
        "（区粮食局）",
        "2022年度",
        "政府信息公开工作年度报告",
        "《",
        "》",
        " ",
        "　",
        "ＡＢ",
        "区",
        "市",
        "县",
        "镇",
        "乡",
    ]
)
NAMES = st.lists(_PIECES, min_size=1, max_size=7).map("".join)


@settings(max_examples=400, deadline=None)
@given(NAMES)
def test_normalise_is_idempotent(name: str) -> None:
    once = normalise(name)
    assert normalise(once) == once


@settings(max_examples=400, deadline=None)
@given(NAMES)
def test_parse_keeps_every_character(name: str) -> None:
    parsed = parse_agency(name)
    assert "".join(parsed.region_path) + parsed.organ == parsed.normalised
