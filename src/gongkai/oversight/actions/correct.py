"""A cell corrected by hand in review: recorded with who and why, then the checker runs again."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import transaction

from gongkai.errors import GongkaiError
from gongkai.oversight.access import Actor, require_report
from gongkai.oversight.actions.store import (
    checked,
    neighbour,
    recheck,
    write_cells_and_findings,
)
from gongkai.oversight.models import CellCorrection, CorpusReport
from gongkai.report import interchange
from gongkai.report.document import check_value, row_and_column
from gongkai.report.grid import Section


class InvalidCorrection(GongkaiError):
    code = "invalid_correction"


def parse_value(text: str) -> int | Decimal | None:
    """A typed value: "" is a blank cell; otherwise an integer or a decimal."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        raise InvalidCorrection(f"“{text[:20]}”不是数字") from None
    # What a stored cell holds (DecimalField(max_digits=20, decimal_places=4)); no NaN, no ∞.
    if not value.is_finite() or abs(value) >= 10**16 or value != value.quantize(Decimal("0.0001")):
        raise InvalidCorrection(
            f"“{text[:20]}”超出单元格可记录的范围（整数部分至多 16 位，小数至多 4 位）"
        )
    return int(value) if value == value.to_integral_value() else value


@transaction.atomic
def report_correct_cell(
    *, actor: Actor, report: CorpusReport, path: str, value: int | Decimal | None, reason: str
) -> CellCorrection:
    require_report(actor, report)
    if not reason.strip():
        raise InvalidCorrection("请填写更正理由")
    report = CorpusReport.objects.select_for_update().get(pk=report.pk)
    document = interchange.from_dict(report.report)
    try:
        section_key, row_key, col_key = path.split(".")
        section = Section(section_key)
    except ValueError:
        raise InvalidCorrection(f"单元格地址无效：{path}") from None
    grid = document.table(section)
    found = row_and_column(grid, row_key, col_key) if grid else None
    if found is None:
        raise InvalidCorrection(f"本报告的格式中没有单元格 {path}")
    if problem := check_value(found[1], value):
        raise InvalidCorrection(f"{document.label(path)}：{problem}")
    old = document.value(path) if document.has(path) else None
    document.set(path, value)
    document.ambiguous = [
        p for p in document.ambiguous if p not in (path, f"{section_key}.{row_key}")
    ]
    document.inferred = [p for p in document.inferred if p != path]
    report.report = interchange.to_dict(document)
    findings = checked(document, neighbour(report.agency_id, report.year - 1))
    doubts = [d for d in report.doubts if not _names(d, path)]
    report.doubts = doubts
    write_cells_and_findings(report, document, findings, doubts)
    following = neighbour(report.agency_id, report.year + 1)
    if following is not None:
        recheck(following)  # its carry-over (R5–R7) reads this report
    return CellCorrection.objects.create(
        report=report,
        path=path,
        old=None if old is None else Decimal(old),
        new=None if value is None else Decimal(value),
        reason=reason.strip(),
        by=actor,
    )


def _names(doubt: dict[str, object], path: str) -> bool:
    """Whether an extraction doubt is only about this cell (a hand correction settles it)."""
    cells = doubt.get("cells") or []
    assert isinstance(cells, list)
    return bool(cells) and all(c.get("path") in (path,) for c in cells)
