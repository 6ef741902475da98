"""Serial numbers per agency and year (登记号, 索引号), unique and gapless under concurrency."""

from __future__ import annotations

from typing import Any

from django.db.models import F

from gongkai.ledger.models import Agency
from gongkai.ledger.models.counter import YearCounter


def next_serial(counter: type[YearCounter], agency: Agency, year: int, **key: Any) -> int:
    """The next number of the year (of the series `key` names, for counters that have one). The
    counter row is locked by the UPDATE until the calling transaction ends, so simultaneous
    callers queue and each gets its own number."""
    manager = counter._default_manager
    row, _ = manager.get_or_create(agency=agency, year=year, **key)
    manager.filter(pk=row.pk).update(last=F("last") + 1)
    last: int = manager.values_list("last", flat=True).get(pk=row.pk)
    return last
