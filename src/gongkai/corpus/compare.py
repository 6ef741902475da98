"""Year on year: one agency's report against its report of the year before.

    comparison = compare(report_2022, report_2021)
    comparison.changes      # every cell: previous, current, delta, percent
    comparison.findings     # the carry-over rules R5–R7, from the checker itself
    comparison.prose        # paragraphs copied from last year (see `gongkai.corpus.prose_diff`)

Cells are compared by their interchange path (`requests.granted.total`); between the 2019 and the
2021 edition only the paths both grids share line up, the others are listed as only in one year.
Two spellings of one agency's name (「西湖区政府办」, 「杭州市西湖区人民政府办公室」) are not a reason
for R5's "is this the same agency?" warning; two different agencies still are.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, replace
from decimal import Decimal
from functools import lru_cache

from gongkai.check.continuity import check_continuity
from gongkai.check.finding import Finding
from gongkai.corpus.matching import KnownAgency, match
from gongkai.corpus.prose_diff import ProseDiff, prose_diff
from gongkai.report.document import Report, Value
from gongkai.report.grid import Edition, Section

__all__ = ["CellChange", "Change", "Comparison", "ProseDiff", "compare", "prose_diff"]


class Change(enum.StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ONLY_CURRENT = "only_current"  # the cell is not in last year's report (or its edition)
    ONLY_PREVIOUS = "only_previous"

    @property
    def label(self) -> str:
        return {
            "same": "无变化",
            "changed": "有变化",
            "only_current": "仅本年有",
            "only_previous": "仅上年有",
        }[self.value]


@dataclass(frozen=True)
class CellChange:
    path: str
    label: str
    previous: Value  # None: blank, or absent when `change` is ONLY_CURRENT
    current: Value
    change: Change
    doubtful: bool = False  # either year's cell (or row) was not read for certain

    @property
    def delta(self) -> int | Decimal | None:
        """Current − previous, blanks as 0; None when the cell is only in one year."""
        if self.change in (Change.ONLY_CURRENT, Change.ONLY_PREVIOUS):
            return None
        return (self.current or 0) - (self.previous or 0)

    @property
    def percent(self) -> float | None:
        """The change in per cent of last year's value; None when last year's is 0 or blank."""
        delta = self.delta
        if delta is None or not self.previous:
            return None
        return float(delta) / float(self.previous) * 100

    def to_dict(self) -> dict[str, object]:
        percent = self.percent
        return {
            "path": self.path,
            "label": self.label,
            "previous": _json(self.previous),
            "current": _json(self.current),
            "delta": _json(self.delta),
            "percent": None if percent is None else round(percent, 1),
            "change": self.change.value,
            "doubtful": self.doubtful,
        }


@dataclass(frozen=True)
class Comparison:
    agency: str | None
    year: int | None
    previous_year: int | None
    changes: tuple[CellChange, ...]
    findings: tuple[Finding, ...]  # R5–R7
    prose: ProseDiff

    @property
    def changed(self) -> tuple[CellChange, ...]:
        return tuple(c for c in self.changes if c.change is Change.CHANGED)

    def change(self, path: str) -> CellChange | None:
        return next((c for c in self.changes if c.path == path), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "agency": self.agency,
            "year": self.year,
            "previous_year": self.previous_year,
            "changes": [c.to_dict() for c in self.changes],
            "findings": [f.as_dict() for f in self.findings],
            "prose": self.prose.to_dict(),
        }


def compare(current: Report, previous: Report) -> Comparison:
    """Every cell's change, the carry-over rules R5–R7, and the prose diff."""
    now = dict(current.cells())
    then = dict(previous.cells())
    changes = []
    for path, value in now.items():
        doubtful = _doubtful(current, path) or _doubtful(previous, path)
        if path not in then:
            changes.append(
                CellChange(path, _label(current, path), None, value, Change.ONLY_CURRENT, doubtful)
            )
            continue
        old = then[path]
        # A blank and a 0 are the same count (as the checker reads blanks).
        kind = Change.SAME if (value or 0) == (old or 0) else Change.CHANGED
        changes.append(CellChange(path, _label(current, path), old, value, kind, doubtful))
    for path, value in then.items():
        if path not in now:
            changes.append(
                CellChange(
                    path,
                    _label(previous, path),
                    value,
                    None,
                    Change.ONLY_PREVIOUS,
                    _doubtful(previous, path),
                )
            )
    return Comparison(
        agency=current.agency,
        year=current.year,
        previous_year=previous.year,
        changes=tuple(changes),
        findings=tuple(check_continuity(current, _same_name(previous, current))),
        prose=prose_diff(current.prose, previous.prose),
    )


def _label(report: Report, path: str) -> str:
    return _label_in(report.edition_of(Section(path.split(".", 1)[0])), path)


@lru_cache(maxsize=4096)
def _label_in(edition: Edition, path: str) -> str:
    return Report(edition=edition).label(path)


def _doubtful(report: Report, path: str) -> bool:
    if not report.ambiguous and not report.inferred:
        return False
    section, row, col = path.split(".")
    return report.is_doubtful(Section(section), row, col) or path in report.inferred


def _same_name(previous: Report, current: Report) -> Report:
    """`previous` under this year's name when both names are spellings of one agency
    (「西湖区政府办」 and 「杭州市西湖区人民政府办公室」), so R5 does not ask whether they are."""
    if not previous.agency or not current.agency or previous.agency == current.agency:
        return previous
    if match(current.agency, [KnownAgency(0, previous.agency)]) is None:
        return previous
    return replace(previous, agency=current.agency)


def _json(value: Value) -> int | float | None:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value
