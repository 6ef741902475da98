"""Letters on an application's page: issue one, download it as DOCX or PDF, record it as sent."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.ledger.access import applications_visible_to, may_see_personal_data
from gongkai.ledger.actions.letter import letter_issue, letter_send
from gongkai.ledger.models import Letter
from gongkai.ledger.views.common import actor
from gongkai.letters import LetterKind

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class IssueForm(forms.Form):
    kind = forms.ChoiceField(
        label="告知书", choices=[(k.value, k.default_title) for k in LetterKind]
    )
    on = forms.DateField(label="落款日期", widget=_DATE)
    reasons = forms.CharField(
        label="理由（不予公开、不予处理等须说明理由）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    details = forms.CharField(
        label="补充事项（已公开的位置、需补正的内容、不予公开的部分、负责机关、第三方等）",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SendForm(forms.Form):
    on = forms.DateField(label="送达日期", widget=_DATE)


def default_kind(outcome: str) -> str:
    from gongkai.application.outcome import Outcome

    return (
        LetterKind.for_outcome(Outcome(outcome)).value
        if outcome
        else LetterKind.CORRECTION_REQUEST.value
    )


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
    try:
        letter = letter_issue(
            actor=actor(request),
            application=application,
            kind=LetterKind(d["kind"]),
            on=d["on"],
            reasons=d["reasons"],
            details=d["details"],
        )
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"已生成“{letter.title}”")
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
            letter_send(actor=actor(request), letter=letter, on=on)
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已记录“{letter.title}”于 {on} 送达")
    return redirect("ledger:application", pk=letter.application.pk)
