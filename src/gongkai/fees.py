"""The processing fee (信息处理费): 第四十二条 and 国办函〔2020〕109号《政府信息公开信息处理费管理办法》.

Requests are free by default; a fee may be charged only when the volume or frequency is clearly
beyond reason (第四十二条), by one of two progressive methods, chosen per application, never both:

- per application (按件计收), counted per applicant per calendar month: the 1st–10th free, the
  11th–30th 100元 each, and from the 31st each further block of 10 costs 100元 more each
  (31–40: 200元, 41–50: 300元, …);
- per page (按量计收), per application: pages 1–30 free, 31–100 10元 each, 101–200 20元 each, 201 and
  over 40元 each.

Amounts are `Decimal` 元; every `Fee` carries its breakdown in Chinese.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from gongkai.errors import GongkaiError


class FeeError(GongkaiError):
    """A fee that cannot be computed: a negative count, or both methods on one application."""

    code = "fee"


class FeeMethod(enum.StrEnum):
    PER_APPLICATION = "per_application"  # 按件计收
    PER_PAGE = "per_page"  # 按量计收

    @property
    def label(self) -> str:
        return "按件计收" if self is FeeMethod.PER_APPLICATION else "按量计收"

    @property
    def unit(self) -> str:
        return "件" if self is FeeMethod.PER_APPLICATION else "页"


@dataclass(frozen=True)
class Band:
    """A block of applications or pages at one price each; `last` None means open-ended."""

    first: int
    last: int | None
    price: Decimal


PAGE_BANDS = (
    Band(1, 30, Decimal(0)),
    Band(31, 100, Decimal(10)),
    Band(101, 200, Decimal(20)),
    Band(201, None, Decimal(40)),
)


def application_band(n: int) -> Band:
    """The band the applicant's n-th application in a month falls in."""
    if n <= 10:
        return Band(1, 10, Decimal(0))
    if n <= 30:
        return Band(11, 30, Decimal(100))
    k = (n - 31) // 10  # 31–40 → 0, 41–50 → 1, …
    return Band(31 + 10 * k, 40 + 10 * k, Decimal(200 + 100 * k))


def _application_bands() -> Iterator[Band]:
    yield application_band(1)
    yield application_band(11)
    for k in itertools.count():
        yield application_band(31 + 10 * k)


@dataclass(frozen=True)
class Fee:
    method: FeeMethod
    amount: Decimal  # 元
    breakdown: tuple[str, ...]

    @property
    def free(self) -> bool:
        return self.amount == 0

    def explain(self) -> list[str]:
        return [f"{self.method.label}（国办函〔2020〕109号）", *self.breakdown]


def yuan(amount: Decimal) -> str:
    """「2,000 元」."""
    return f"{amount:,} 元"


def _progressive(method: FeeMethod, count: int, bands: Iterator[Band] | tuple[Band, ...]) -> Fee:
    unit = method.unit
    total, lines = Decimal(0), []
    for band in bands:
        if count < band.first:
            break
        upto = count if band.last is None else min(count, band.last)
        n = upto - band.first + 1
        label = f"第 {band.first}–{upto} {unit}" if upto > band.first else f"第 {upto} {unit}"
        if band.price:
            total += n * band.price
            lines.append(f"{label}：{n} {unit} × {yuan(band.price)} = {yuan(n * band.price)}")
        else:
            lines.append(f"{label}：{n} {unit}免费")
    lines.append(_total(total))
    return Fee(method, total, tuple(lines))


def _total(amount: Decimal) -> str:
    return f"合计 {yuan(amount)}" + ("（免费）" if not amount else "")


def _count(value: int, what: str, *, least: int = 0) -> int:
    if value < least:
        raise FeeError(f"{what}不能小于 {least}，而不是 {value}", value=value)
    return value


def monthly_fee(applications: int) -> Fee:
    """按件计收: the total for one applicant's `applications` in one calendar month."""
    count = _count(applications, "本月申请件数")
    return _progressive(FeeMethod.PER_APPLICATION, count, _application_bands())


def nth_application_fee(n: int) -> Fee:
    """按件计收: the fee for the applicant's n-th application in the calendar month."""
    _count(n, "本月第几件申请", least=1)
    band = application_band(n)
    price = "免费" if not band.price else f"每件 {yuan(band.price)}"
    text = f"本月第 {n} 件申请，属第 {band.first}–{band.last} 件档，{price}"
    return Fee(FeeMethod.PER_APPLICATION, band.price, (text, _total(band.price)))


def page_fee(pages: int) -> Fee:
    """按量计收: the fee for one application of `pages` pages."""
    return _progressive(FeeMethod.PER_PAGE, _count(pages, "页数"), PAGE_BANDS)


def application_fee(*, nth_in_month: int | None = None, pages: int | None = None) -> Fee:
    """The fee for one application, by exactly one method: pass `nth_in_month` (按件计收) or
    `pages` (按量计收). Both, or neither, is refused: the two methods are never combined."""
    if nth_in_month is not None and pages is not None:
        raise FeeError(
            "一件申请只能选择一种计收方式：按件计收（填写本月第几件）或按量计收（填写页数），不能同时使用"
        )
    if pages is not None:
        return page_fee(pages)
    if nth_in_month is not None:
        return nth_application_fee(nth_in_month)
    raise FeeError("请选择计收方式：按件计收（填写本月第几件）或按量计收（填写页数）")
