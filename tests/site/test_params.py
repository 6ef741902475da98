"""Numbers from the address: ASCII digits only, bounded; everything else a 400 in Chinese."""

from __future__ import annotations

import pytest
from django.core.exceptions import BadRequest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.site.params import MAX_KEY, number


@pytest.mark.parametrize("text", ["²", "١٢", "２０２５", "-1", "1.5", "1e3", " 1 2", "9" * 20])
def test_what_is_not_a_plain_number_is_refused_in_chinese(text: str) -> None:
    with pytest.raises(BadRequest, match="应为"):
        number(text, label="年度")


def test_bounds() -> None:
    assert number(str(MAX_KEY), label="编号") == MAX_KEY
    with pytest.raises(BadRequest):
        number(str(MAX_KEY + 1), label="编号")
    with pytest.raises(BadRequest):
        number("10000", label="年度", maximum=9999)
    assert number("", label="年度") is None and number(None, label="年度") is None


@given(st.text(max_size=30))
def test_any_text_is_a_number_in_range_or_a_bad_request(text: str) -> None:
    try:
        value = number(text, label="编号")
    except BadRequest as exc:
        assert "编号应为" in str(exc)
    else:
        assert value is None or (text.strip().isascii() and value == int(text.strip()))
