"""Reconsideration and litigation cases (section 四), from the application they concern."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.ledger.access import appeals_visible_to, applications_visible_to
from gongkai.ledger.actions import appeal_decide, appeal_register
from gongkai.ledger.models import AppealKind, AppealResult
from gongkai.ledger.views.common import actor

_DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AppealForm(forms.Form):
    kind = forms.ChoiceField(label="类别", choices=AppealKind.choices)
    filed_on = forms.DateField(label="立案日期", widget=_DATE)
    case_number = forms.CharField(label="案号", max_length=80, required=False)


class DecideForm(forms.Form):
    result = forms.ChoiceField(label="结果", choices=AppealResult.choices)
    decided_on = forms.DateField(label="审结日期", widget=_DATE)


@login_required
@require_POST
def register(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("agency"), pk=pk
    )
    form = AppealForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择类别并填写立案日期")
        return redirect("ledger:application", pk=pk)
    d = form.cleaned_data
    try:
        appeal_register(
            actor=actor(request),
            agency=application.agency,
            application=application,
            kind=AppealKind(d["kind"]),
            filed_on=d["filed_on"],
            case_number=d["case_number"],
        )
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已登记")
    return redirect("ledger:application", pk=pk)


@login_required
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    appeal = get_object_or_404(appeals_visible_to(request.user), pk=pk)
    form = DecideForm(request.POST)
    if not form.is_valid():
        messages.error(request, "请选择结果并填写审结日期")
    else:
        try:
            appeal_decide(
                actor=actor(request),
                appeal=appeal,
                result=AppealResult(form.cleaned_data["result"]),
                decided_on=form.cleaned_data["decided_on"],
            )
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, "已记录审结结果")
    return (
        redirect("ledger:application", pk=appeal.application_id)
        if appeal.application_id
        else redirect("ledger:queue")
    )
