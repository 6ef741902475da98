"""Path converters that take only what the database can hold: `<id:pk>` is 1–18 ASCII digits
(a 64-bit key), `<year:year>` a report year, 2019–2099. Anything else is no match (404), never an overflow (500).
Every `urls.py` that uses them calls `register()` first."""

from __future__ import annotations

from django.urls import register_converter


class Id:
    regex = "[0-9]{1,18}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return str(value)


class Year(Id):
    """A report year under the 2019 regulation (《政府信息公开条例》2019, 第五十条: reports from
    2019 on use the national format); earlier or later years are no page (404)."""

    regex = "[0-9]{4}"
    first, last = 2019, 2099

    def to_python(self, value: str) -> int:
        year = int(value)
        if not self.first <= year <= self.last:
            raise ValueError(value)  # no match: a 404 page
        return year


_registered = False


def register() -> None:
    global _registered
    if not _registered:
        register_converter(Id, "id")
        register_converter(Year, "year")
        _registered = True
