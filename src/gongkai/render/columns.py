"""Column widths of a printed table, shared by the Word and PDF writers: number columns as wide
as their longest number needs (a number must never wrap or spill: the PDF reader cuts text at
the cell's ruling lines), label columns sharing the rest; the table fills the type area."""

from __future__ import annotations

from gongkai.report.layout import Printed

#: Table text in the PDF is 五号 (10.5 pt): a digit is about 2.1 mm wide, plus the cell padding.
DIGIT_MM = 2.1
PADDING_MM = 2.5


def widths_mm(printed: Printed, type_area: float) -> list[float]:
    if printed.labels == 0:
        return [type_area / printed.columns] * printed.columns
    numbers = printed.columns - printed.labels
    longest = max((len(c.text) for row in printed.body for c in row if c.is_value), default=1)
    need = max(longest, 4) * DIGIT_MM + PADDING_MM
    number = max(need, min(type_area * 0.5 / max(numbers, 1), 24.0))
    rest = type_area - number * numbers
    labels = [rest / printed.labels] * printed.labels
    if printed.labels == 3:  # 三、本年度办理结果 › （三）不予公开 › the item: the item is longest
        labels = [rest * 0.2, rest * 0.25, rest * 0.55]
    return labels + [number] * numbers
