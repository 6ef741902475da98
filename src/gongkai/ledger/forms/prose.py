"""The prose of sections 一, 五 and 六 of a year's report, as one form."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django import forms

from gongkai.ledger.actions.prose import MAX_CHARS
from gongkai.ledger.models import ProseSection


def field_name(section: int) -> str:
    return f"section_{section}"


class ProseForm(forms.Form):
    correction_reason = forms.CharField(
        label="更正理由（年度已锁定时必填）",
        required=False,
        max_length=500,
        widget=forms.TextInput(attrs={"size": 60}),
    )

    def __init__(
        self,
        data: Mapping[str, Any] | None = None,
        *,
        initial: Mapping[str, str],
        readonly: bool = False,
    ) -> None:
        super().__init__(data, initial=dict(initial))
        for section in ProseSection:
            attrs: dict[str, object] = {
                "rows": 16 if section == ProseSection.OVERVIEW else 8,
                "style": "width: 100%; box-sizing: border-box;",
            }
            if readonly:
                attrs["readonly"] = True
            self.fields[field_name(section)] = forms.CharField(
                label=section.label,
                required=False,
                max_length=MAX_CHARS,
                strip=False,
                widget=forms.Textarea(attrs=attrs),
            )

    def texts(self) -> dict[int, str]:
        return {s.value: self.cleaned_data[field_name(s)] for s in ProseSection}
