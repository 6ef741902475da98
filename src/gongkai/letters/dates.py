"""Dates as a 公文 writes them: 「2025年3月3日」 in Arabic numerals (GB/T 9704-2012, 成文日期)."""

from __future__ import annotations

from datetime import date


def chinese_date(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
