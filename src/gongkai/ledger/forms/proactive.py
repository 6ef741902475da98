"""The section 二 entry form: one field per cell of the year's edition, checked by rule R9."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms

from gongkai.ledger.actions.proactive import Cell, Value, value_problem
from gongkai.report.document import check_value
from gongkai.report.grid import Column, Kind, Table


def field_name(row: str, column: str) -> str:
    return f"{row}__{column}"


def parse(column: Column, text: str) -> Value:
    """The number typed in a cell: blank → None; 万元 as Decimal; counts as int. Raises
    ValidationError with the reason in Chinese."""
    text = text.strip().replace(",", "").replace("，", "")
    if not text:
        return None
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise forms.ValidationError(check_value(column, text) or "应为数字") from None
    value: Value = number
    if column.kind is not Kind.MONEY and number.is_finite() and number == int(number):
        value = int(number)
    if problem := value_problem(column, value):
        raise forms.ValidationError(problem)
    return value


def show(value: Decimal) -> str:
    """A stored value as typed: 「12」, 「3.5」."""
    return str(int(value)) if value == value.to_integral_value() else f"{value.normalize():f}"


class ProactiveForm(forms.Form):
    correction_reason = forms.CharField(
        label="更正理由（该年度已锁定时必填）", required=False, max_length=500
    )

    def __init__(self, *args: Any, grid: Table, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.grid = grid
        for row, column in grid.cells():
            kind = {
                Kind.COUNT: "非负整数",
                Kind.SIGNED: "整数，可为负数",
                Kind.MONEY: "金额，万元，可有小数",
            }[column.kind]
            self.fields[field_name(row.key, column.key)] = forms.CharField(
                label=f"{row.label} › {column.label}",
                required=False,
                max_length=20,
                help_text=kind,
                widget=forms.TextInput(
                    attrs={"inputmode": "decimal" if column.kind is Kind.MONEY else "numeric"}
                ),
            )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        values: dict[Cell, Value] = {}
        for row, column in self.grid.cells():
            name = field_name(row.key, column.key)
            if name not in data:
                continue  # the field has an error already
            try:
                values[(row.key, column.key)] = parse(column, data[name])
            except forms.ValidationError as exc:
                self.add_error(name, exc)
        data["values"] = values
        return data
