"""Public forms: the online application (第二十九条) and the status lookup."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.application.applicant import ApplicantKind
from gongkai.ledger.forms.identity import check_identity, id_kind_field


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input; their content is checked by `gongkai.portal.uploads`."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".jpg,.jpeg,.png,.pdf"}))
        super().__init__(**kwargs)

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ApplyForm(forms.Form):
    applicant_kind = forms.ChoiceField(
        label="申请人类别", choices=[(k.value, k.label) for k in ApplicantKind]
    )
    applicant_name = forms.CharField(label="姓名或名称", max_length=200)
    id_kind = id_kind_field()
    id_number = forms.CharField(
        label="身份证件号码（法人或其他组织填统一社会信用代码）", max_length=40
    )
    phone = forms.CharField(
        label="联系电话", max_length=40, help_text="手机或带区号的固定电话；查询办理进度时需要"
    )
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=4000,
    )
    form_wanted = forms.ChoiceField(
        label="获取政府信息的载体形式",
        choices=[("纸质", "纸质"), ("电子", "电子"), ("光盘", "光盘")],
    )
    delivery = forms.ChoiceField(
        label="获取政府信息的方式",
        choices=[("邮寄", "邮寄"), ("电子邮件", "电子邮件"), ("当面领取", "当面领取")],
    )
    identity_files = MultipleFileField(
        label="身份证明材料（JPG、PNG 或 PDF，每个不超过 5 MB，最多 3 个）", required=False
    )
    confirm = forms.BooleanField(label="我确认以上信息真实、准确")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_identity(self, data, required=True)
        return data


class LookupForm(forms.Form):
    code = forms.CharField(label="查询码", max_length=20)
    phone = forms.CharField(label="申请时填写的联系电话", max_length=40)
