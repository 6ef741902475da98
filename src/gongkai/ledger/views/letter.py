"""Letters on an application's page: issue one, download it as DOCX or PDF, record it as sent."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from gongkai.application.outcome import Outcome
from gongkai.application.status import Status
from gongkai.errors import GongkaiError
from gongkai.ledger.access import applications_visible_to, may_see_personal_data
from gongkai.ledger.actions.clock import NOTICE_LETTERS
from gongkai.ledger.actions.letter import letter_issue, letter_send
from gongkai.ledger.models import Application, DeliveryChannel, Letter
from gongkai.ledger.views.common import actor
from gongkai.letters import LetterKind, MissingFacts, default_template

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IssueForm(forms.Form):
    kind = forms.ChoiceField(label="告知书", choices=[(k.value, k.label) for k in LetterKind])
    on = forms.DateField(label="落款日期", widget=_DATE)
    reasons = forms.CharField(
        label="理由",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="不予公开、非本机关负责公开、延期、终止处理等须说明理由",
    )
    details = forms.CharField(
        label="补充事项",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="按所选告知书填写，见下表",
    )


class SendForm(forms.Form):
    on = forms.DateField(label="送达日期", widget=_DATE)
    # For the 补正告知书 and the 收费通知书, whose delivery starts the applicant's period.
    channel = forms.ChoiceField(label="送达方式", choices=DeliveryChannel.choices, required=False)
    signed_by = forms.CharField(label="签收人", max_length=100, required=False)


# What the details box holds for each kind that asks one (the `LetterFacts` field it fills).
DETAIL_LABELS = {
    "provision": "提供方式（不填写时为“随本告知书一并提供（见附件）”）",
    "published_at": "获取该信息的方式和途径（已公开的位置）",
    "withheld": "不予公开的部分",
    "responsible_agency": "负责公开的行政机关及其联系方式（能够确定时填写）",
    "correction": "需要补正的事项",
    "third_party": "第三方的名称或者姓名",
    "consulted_agency": "被征求意见的行政机关",
    "payment": "缴费方式（不填写时使用“告知书设置”中的缴费方式）",
}


def needs(kind: LetterKind) -> tuple[str, str]:
    """What the clerk types for `kind`: (理由, 补充事项), each '' when nothing is asked."""
    used = default_template(kind).placeholders()
    reasons = "须填写" if "reasons" in used else ""
    return reasons, DETAIL_LABELS[kind.detail] if kind.detail else ""


def default_kind(application: Application) -> str:
    """The letter a clerk most likely issues next: the answer of a closed application, else the
    letter of the step it waits in, else the 补正告知书."""
    if application.outcome:
        return LetterKind.for_outcome(Outcome(application.outcome)).value
    by_status = {
        Status.CONSULTING: LetterKind.CONSULTATION_NOTICE,
        Status.AWAITING_FEE: LetterKind.FEE_NOTICE,
    }
    return by_status.get(application.status_enum, LetterKind.CORRECTION_REQUEST).value


def letters_context(application: Application, *, staff: bool, today: date) -> dict[str, object]:
    """The letters part of the application page: the letters issued, and the form to issue one."""
    return {
        "letters": application.letters.defer("docx", "pdf") if staff else [],
        "issue_form": IssueForm(
            initial={"kind": default_kind(application), "on": today}, auto_id="letter-%s"
        ),
        "send_form": SendForm(initial={"on": today}, auto_id="send-%s"),
        "notice_kinds": [kind.value for kind, _ in NOTICE_LETTERS.values()],
        "delivery_channels": DeliveryChannel.choices,
        "letter_needs": [(k.label, *needs(k)) for k in LetterKind],
    }


def refusal(kind: LetterKind, exc: GongkaiError) -> str:
    """The error, saying which box of the form the missing fact goes in."""
    if not isinstance(exc, MissingFacts):
        return exc.message
    asks = []
    for name in exc.data.get("missing", []):
        if name == "reasons":
            asks.append("在“理由”中填写具体理由")
        elif name == kind.detail:
            asks.append(f"在“补充事项”中填写{DETAIL_LABELS[name].split('（')[0]}")
    return f"「{kind.label}」还缺少内容：请{'；'.join(asks)}" if asks else exc.message


@login_required
@require_POST
def issue(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("agency"), pk=pk
    )
    form = IssueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择告知书类别并填写落款日期")
        return redirect("ledger:application", pk=pk)
    d = form.cleaned_data
    kind = LetterKind(d["kind"])
    try:
        letter = letter_issue(
            actor=actor(request),
            application=application,
            kind=kind,
            on=d["on"],
            reasons=d["reasons"],
            details=d["details"],
        )
    except GongkaiError as exc:
        messages.error(request, refusal(kind, exc))
    else:
        messages.success(request, f"已生成“{letter.title}”{letter.number}")
    return redirect("ledger:application", pk=pk)


def _letter(request: HttpRequest, pk: int) -> Letter:
    letter = get_object_or_404(
        Letter.objects.select_related("application__agency"),
        pk=pk,
        application__in=applications_visible_to(request.user),
    )
    if not may_see_personal_data(request.user, letter.application.agency):
        raise Http404
    return letter


@login_required
def download(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    letter = _letter(request, pk)
    if fmt == "pdf":
        data, content_type = bytes(letter.pdf), "application/pdf"
    elif fmt == "docx":
        data = bytes(letter.docx)
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    else:
        raise Http404
    response = HttpResponse(data, content_type=content_type)
    name = f"{letter.application.serial}-{letter.title}.{fmt}"
    response["Content-Disposition"] = f"attachment; filename*=UTF-8''{_quote(name)}"
    response["Cache-Control"] = "private, no-store"
    return response


def _quote(name: str) -> str:
    from urllib.parse import quote

    return quote(name)


@login_required
@require_POST
def send(request: HttpRequest, pk: int) -> HttpResponse:
    letter = _letter(request, pk)
    form = SendForm(request.POST)
    on: date | None = form.cleaned_data["on"] if form.is_valid() else None
    if on is None:
        messages.error(request, "请填写送达日期")
    else:
        try:
            letter_send(
                actor=actor(request),
                letter=letter,
                on=on,
                channel=form.cleaned_data["channel"],
                signed_by=form.cleaned_data["signed_by"],
            )
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已记录“{letter.title}”于 {on} 送达")
    return redirect("ledger:application", pk=letter.application.pk)
