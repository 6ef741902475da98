"""Column widths of a printed table, shared by the Word and PDF writers: label columns wider than
number columns, the whole table filling the type area."""

from __future__ import annotations

from gongkai.report.layout import Printed


def widths_mm(printed: Printed, type_area: float) -> list[float]:
    if printed.labels == 0:
        return [type_area / printed.columns] * printed.columns
    numbers = printed.columns - printed.labels
    number = min(14.0, type_area * 0.5 / max(numbers, 1))
    rest = type_area - number * numbers
    labels = [rest / printed.labels] * printed.labels
    if printed.labels == 3:  # 三、本年度办理结果 › （三）不予公开 › the item: the item is longest
        labels = [rest * 0.2, rest * 0.25, rest * 0.55]
    return labels + [number] * numbers
