"""Forms of the staff pages: they validate input and hand plain values to the actions."""

from __future__ import annotations

from django import forms

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.clock import Channel

_DATE = forms.DateInput(attrs={"type": "date"})


class RegisterForm(forms.Form):
    channel = forms.ChoiceField(label="申请方式", choices=[(c.value, c.label) for c in Channel])
    handed_in = forms.DateField(label="提交日期（当面提交）", widget=_DATE, required=False)
    signed_for = forms.DateField(label="签收日期（邮寄，需签收）", widget=_DATE, required=False)
    confirmed = forms.DateField(
        label="确认日期（平常信函、互联网渠道、传真）",
        widget=_DATE,
        required=False,
        help_text="第三十一条：按申请方式，以提交、签收或与申请人确认之日为收到申请之日",
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类别", choices=[(k.value, k.label) for k in ApplicantKind]
    )
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=200)
    id_number = forms.CharField(label="身份证件号码", max_length=40, required=False)
    phone = forms.CharField(label="联系电话", max_length=40, required=False)
    email = forms.EmailField(label="电子邮箱", required=False)
    address = forms.CharField(label="通信地址", max_length=300, required=False)
    description = forms.CharField(
        label="所需政府信息的名称、文号或者便于查询的其他特征性描述",
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    form_wanted = forms.CharField(label="获取信息的方式", max_length=100, required=False)
    delivery = forms.CharField(label="提供政府信息的形式", max_length=100, required=False)


class StepForm(forms.Form):
    """A dated step on an application (补正, 征求意见, 缴费, 办结 …)."""

    on = forms.DateField(label="日期", widget=_DATE)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    correction_reason = forms.CharField(
        label="更正理由（仅在修改已锁定年度时填写）", required=False, max_length=500
    )


class ConsultForm(StepForm):
    party = forms.ChoiceField(
        label="征求意见对象", choices=[("third_party", "第三方"), ("agency", "其他机关")]
    )


class ExtendForm(StepForm):
    working_days = forms.IntegerField(label="延长的工作日数", min_value=1, max_value=20)


class CloseForm(StepForm):
    outcome = forms.ChoiceField(label="办理结果", choices=[(o.value, o.label) for o in Outcome])


class QueueFilter(forms.Form):
    q = forms.CharField(label="搜索", required=False)
    status = forms.ChoiceField(label="状态", required=False)
    light = forms.ChoiceField(
        label="期限",
        required=False,
        choices=[
            ("", "全部"),
            ("overdue", "已超期"),
            ("due_soon", "5 个工作日内到期"),
            ("on_track", "正常"),
        ],
    )
    mine = forms.BooleanField(label="只看分配给我的", required=False)
