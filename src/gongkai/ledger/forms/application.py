"""Forms of the application pages: registering, the dated steps, assignment, the queue filter."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.clock import Channel
from gongkai.fees import FeeMethod
from gongkai.ledger.access import STAFF_ROLES, Actor
from gongkai.ledger.forms.identity import check_identity, id_kind_field
from gongkai.ledger.models import Agency, DeliveryChannel

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")  # what type=date needs


class RegisterForm(forms.Form):
    channel = forms.ChoiceField(label="申请方式", choices=[(c.value, c.label) for c in Channel])
    handed_in = forms.DateField(label="提交日期（当面提交）", widget=DATE, required=False)
    signed_for = forms.DateField(label="签收日期（邮寄，需签收）", widget=DATE, required=False)
    confirmed = forms.DateField(
        label="确认日期（平常信函、互联网渠道、传真）",
        widget=DATE,
        required=False,
        help_text="第三十一条：按申请方式，以提交、签收或与申请人确认之日为收到申请之日",
    )
    applicant_kind = forms.ChoiceField(
        label="申请人类别", choices=[(k.value, k.label) for k in ApplicantKind]
    )
    applicant_name = forms.CharField(label="申请人姓名或名称", max_length=200)
    id_kind = id_kind_field()
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

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        check_identity(self, data, required=False)
        return data


class DatedForm(forms.Form):
    """A dated step on an application (补正, 征求意见, 缴费, 延期, 办结 …)."""

    on = forms.DateField(label="日期", widget=DATE)
    note = forms.CharField(label="说明", required=False, widget=forms.Textarea(attrs={"rows": 2}))


class StepForm(DatedForm):
    """A step that may touch a locked year's report, so it takes a correction reason."""

    correction_reason = forms.CharField(
        label="更正理由（仅在修改已锁定年度时填写）", required=False, max_length=500
    )


class CorrectionForm(StepForm):
    working_days = forms.IntegerField(
        label="补正期限（工作日）",
        min_value=1,
        max_value=60,
        required=False,
        help_text="自补正告知送达申请人次日起计算（第三十条：合理的补正期限）",
    )


class DeliveryForm(StepForm):
    """送达: the day the notice reached the applicant, how, and who signed for it."""

    channel = forms.ChoiceField(label="送达方式", choices=DeliveryChannel.choices)
    signed_by = forms.CharField(
        label="签收人",
        max_length=100,
        required=False,
        help_text="直接送达、邮寄送达须填写；日期填签收之日",
    )


class ConsultForm(StepForm):
    party = forms.ChoiceField(
        label="征求意见对象", choices=[("third_party", "第三方"), ("agency", "其他机关")]
    )


class ExtendForm(StepForm):
    """An extension touching a locked year needs a correction reason, like every other step."""

    working_days = forms.IntegerField(label="延长的工作日数", min_value=1, max_value=20)


class CloseForm(StepForm):
    outcome = forms.ChoiceField(label="办理结果", choices=[(o.value, o.label) for o in Outcome])

    def clean_outcome(self) -> Outcome:
        return Outcome(self.cleaned_data["outcome"])


class FeeNoticeForm(StepForm):
    """收费通知: one method, never both (国办函〔2020〕109号); the amount is computed, not typed."""

    method = forms.ChoiceField(
        label="计收方式",
        choices=[(m.value, m.label) for m in FeeMethod],
        widget=forms.RadioSelect,
    )
    pages = forms.IntegerField(
        label="页数（仅按量计收时填写）", min_value=0, max_value=1_000_000, required=False
    )

    def clean_method(self) -> FeeMethod:
        return FeeMethod(self.cleaned_data["method"])

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        method, pages = data.get("method"), data.get("pages")
        if method is FeeMethod.PER_PAGE and pages is None:
            self.add_error("pages", "按量计收须填写页数")
        if method is FeeMethod.PER_APPLICATION and pages is not None:
            self.add_error(
                "pages", "按件计收不填写页数：一件申请只能选择一种计收方式，不能同时按件和按量计收"
            )
        return data


def staff_of(agency: Agency) -> QuerySet[Actor]:
    """The people an application of `agency` may be assigned to."""
    return (
        get_user_model()
        .objects.filter(
            is_active=True, memberships__agency=agency, memberships__role__in=STAFF_ROLES
        )
        .order_by("username")
    )


class AssigneeChoice(forms.ModelChoiceField):  # type: ignore[type-arg]
    def label_from_instance(self, obj: Any) -> str:
        return str(obj.get_full_name() or obj.get_username())


class AssignForm(forms.Form):
    assignee = AssigneeChoice(
        label="经办人", queryset=None, required=False, empty_label="（不分配）"
    )

    def __init__(self, *args: Any, agency: Agency, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["assignee"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff_of(agency)


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
