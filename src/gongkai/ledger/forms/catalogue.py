"""Forms of the catalogue page (政府信息公开目录, 第十二条)."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.ledger.forms.application import DATE


class CatalogueForm(forms.Form):
    title = forms.CharField(label="标题", max_length=300)
    category = forms.CharField(label="类别", max_length=60, required=False)
    summary = forms.CharField(
        label="内容概述", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    made_on = forms.DateField(label="制作或变更日期", widget=DATE)
    published_on = forms.DateField(
        label="公开日期（尚未公开的留空）",
        widget=DATE,
        required=False,
        help_text="第二十六条：应当自形成或者变更之日起 20 个工作日内公开",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        made, published = data.get("made_on"), data.get("published_on")
        if made and published and published < made:
            self.add_error("published_on", "公开日期不能早于制作日期")
        return data


class PublishForm(forms.Form):
    published_on = forms.DateField(label="公开日期", widget=DATE)


class CatalogueSearch(forms.Form):
    title = forms.CharField(label="标题", required=False, max_length=100)
    index_number = forms.CharField(label="索引号", required=False, max_length=80)
    category = forms.CharField(label="类别", required=False, max_length=60)
    made_from = forms.DateField(label="制作日期自", required=False, widget=DATE)
    made_to = forms.DateField(label="制作日期至", required=False, widget=DATE)
    year = forms.IntegerField(
        label="统计年度",
        required=False,
        min_value=2008,
        max_value=2100,
        help_text="超期情况按此年度统计",
    )
