"""信息处理费 (第四十二条, 国办函〔2020〕109号): both progressive methods, their block boundaries,
and the rule that one application is charged by one method only."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.fees import (
    Fee,
    FeeError,
    FeeMethod,
    application_fee,
    monthly_fee,
    nth_application_fee,
    page_fee,
)


def test_the_worked_example_35_applications_in_a_month() -> None:
    fee = monthly_fee(35)
    assert fee.amount == Decimal(3000)  # 20 × 100 + 5 × 200
    assert fee.method is FeeMethod.PER_APPLICATION
    assert fee.breakdown == (
        "第 1–10 件：10 件免费",
        "第 11–30 件：20 件 × 100 元 = 2,000 元",
        "第 31–35 件：5 件 × 200 元 = 1,000 元",
        "合计 3,000 元",
    )
    assert fee.explain()[0] == "按件计收（国办函〔2020〕109号）"


@pytest.mark.parametrize(
    ("count", "amount"),
    [
        (0, 0),
        (1, 0),
        (10, 0),
        (11, 100),
        (30, 2_000),
        (31, 2_200),
        (40, 4_000),
        (41, 4_300),
        (50, 7_000),  # 20 × 100 + 10 × 200 + 10 × 300
        (51, 7_400),
        (60, 11_000),  # … + 10 × 400
    ],
)
def test_per_application_block_boundaries(count: int, amount: int) -> None:
    assert monthly_fee(count).amount == Decimal(amount)


@pytest.mark.parametrize(
    ("n", "price"),
    [(1, 0), (10, 0), (11, 100), (30, 100), (31, 200), (40, 200), (41, 300), (50, 300), (51, 400)],
)
def test_the_nth_application_costs_its_band_price(n: int, price: int) -> None:
    assert nth_application_fee(n).amount == Decimal(price)


def test_nth_application_breakdown() -> None:
    assert nth_application_fee(35).breakdown == (
        "本月第 35 件申请，属第 31–40 件档，每件 200 元",
        "合计 200 元",
    )
    assert nth_application_fee(3).breakdown[-1] == "合计 0 元（免费）"


@pytest.mark.parametrize(
    ("pages", "amount"),
    [
        (0, 0),
        (30, 0),
        (31, 10),
        (100, 700),
        (101, 720),
        (200, 2_700),
        (201, 2_740),
        (250, 4_700),
    ],
)
def test_per_page_block_boundaries(pages: int, amount: int) -> None:
    fee = page_fee(pages)
    assert fee.amount == Decimal(amount)
    assert fee.method is FeeMethod.PER_PAGE


def test_per_page_breakdown() -> None:
    assert page_fee(250).breakdown == (
        "第 1–30 页：30 页免费",
        "第 31–100 页：70 页 × 10 元 = 700 元",
        "第 101–200 页：100 页 × 20 元 = 2,000 元",
        "第 201–250 页：50 页 × 40 元 = 2,000 元",
        "合计 4,700 元",
    )
    assert page_fee(12).free
    assert page_fee(12).breakdown[-1] == "合计 0 元（免费）"


def test_one_application_is_charged_by_one_method_only() -> None:
    assert application_fee(pages=120).amount == Decimal(1_100)
    assert application_fee(nth_in_month=12).amount == Decimal(100)
    with pytest.raises(FeeError, match="只能选择一种计收方式") as caught:
        application_fee(nth_in_month=12, pages=120)
    assert caught.value.code == "fee"
    with pytest.raises(FeeError, match="请选择计收方式"):
        application_fee()


@pytest.mark.parametrize(
    "call", [lambda: monthly_fee(-1), lambda: page_fee(-5), lambda: nth_application_fee(0)]
)
def test_impossible_counts_are_refused(call: Callable[[], Fee]) -> None:
    with pytest.raises(FeeError, match="不能小于"):
        call()


@given(st.integers(0, 500), st.integers(0, 500))
def test_fee_never_decreases_as_count_grows(n: int, m: int) -> None:
    low, high = sorted((n, m))
    assert monthly_fee(low).amount <= monthly_fee(high).amount
    assert page_fee(low).amount <= page_fee(high).amount


@given(st.integers(0, 300))
def test_the_monthly_total_is_the_sum_of_each_applications_fee(n: int) -> None:
    assert monthly_fee(n).amount == sum(
        (nth_application_fee(i).amount for i in range(1, n + 1)), Decimal(0)
    )


@given(st.integers(0, 2000))
def test_breakdown_lines_add_up(pages: int) -> None:
    fee = page_fee(pages)
    charged = [line for line in fee.breakdown[:-1] if "×" in line]
    parsed = sum(
        Decimal(line.rsplit("= ", 1)[1].removesuffix(" 元").replace(",", "")) for line in charged
    )
    assert parsed == fee.amount
