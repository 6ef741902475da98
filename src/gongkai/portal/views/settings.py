"""The agency administrator's own settings: the 公开指南 and the wording of each letter.

Scoped to the administrator's agency (Django's admin site is for site superusers only)."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.errors import GongkaiError
from gongkai.ledger.access import AccessDenied, require_role
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.models import Agency, LetterTemplateText, Role
from gongkai.ledger.views.common import actor, current_agency, current_date
from gongkai.letters import PLACEHOLDERS, LetterKind, check_template, default_template
from gongkai.portal.actions import guide_save
from gongkai.portal.models import Guide


class GuideForm(forms.ModelForm[Guide]):
    class Meta:
        model = Guide
        fields = ("how_to_apply", "address", "postcode", "office_hours", "phone", "fax", "email")
        widgets: ClassVar = {"how_to_apply": forms.Textarea(attrs={"rows": 6})}


class DeadlinesForm(forms.ModelForm[Agency]):
    """The agency's periods and fee setting: saved through `agency_save`, which recomputes the
    deadlines they move."""

    class Meta:
        model = Agency
        fields = ("fee_payment_working_days", "correction_working_days", "fee_notice_pauses_clock")


class TemplateForm(forms.Form):
    title = forms.CharField(label="标题", max_length=100)
    body = forms.CharField(label="正文模板", widget=forms.Textarea(attrs={"rows": 14}))

    def clean_body(self) -> str:
        body: str = self.cleaned_data["body"]
        try:
            check_template(body)
        except GongkaiError as exc:
            raise forms.ValidationError(exc.message) from None
        return body


def _admin_agency(request: HttpRequest) -> Agency:
    agency = current_agency(request)
    try:
        require_role(actor(request), agency, Role.ADMIN)
    except AccessDenied:
        raise Http404 from None
    return agency


@login_required
def guide(request: HttpRequest) -> HttpResponse:
    agency = _admin_agency(request)
    instance = Guide.objects.filter(agency=agency).first() or Guide(agency=agency)
    form = GuideForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        guide_save(actor=actor(request), guide=form.save(commit=False))
        messages.success(request, "公开指南已保存")
        return redirect(f"/settings/guide/?agency={agency.pk}")
    return render(request, "portal/settings_guide.html", {"agency": agency, "form": form})


@login_required
def deadlines(request: HttpRequest) -> HttpResponse:
    agency = _admin_agency(request)
    form = DeadlinesForm(request.POST or None, instance=agency)
    if request.method == "POST" and form.is_valid():
        try:
            moved = agency_save(actor=actor(request), agency=form.instance, on=current_date())
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            recomputed = f"，已重新计算 {len(moved)} 件申请的期限并记入办理过程" if moved else ""
            messages.success(request, f"期限设置已保存{recomputed}")
            return redirect(f"/settings/deadlines/?agency={agency.pk}")
    return render(request, "portal/settings_deadlines.html", {"agency": agency, "form": form})


@login_required
def letters(request: HttpRequest) -> HttpResponse:
    agency = _admin_agency(request)
    own = {t.kind for t in LetterTemplateText.objects.filter(agency=agency)}
    kinds = [(k, k.value in own) for k in LetterKind]
    return render(request, "portal/settings_letters.html", {"agency": agency, "kinds": kinds})


@login_required
def letter(request: HttpRequest, kind: str) -> HttpResponse:
    agency = _admin_agency(request)
    if kind not in {k.value for k in LetterKind}:
        raise Http404
    row = LetterTemplateText.objects.filter(agency=agency, kind=kind).first()
    default = default_template(LetterKind(kind))
    initial = (
        {"title": row.title, "body": row.body}
        if row
        else {"title": default.title, "body": default.body}
    )
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and "reset" in request.POST and row is not None:
        with transaction.atomic():
            audit(actor=actor(request), agency=agency, action="letter_template_reset", obj=row)
            row.delete()
        messages.success(request, "已恢复为全国通用的默认模板")
        return redirect(f"/settings/letters/?agency={agency.pk}")
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            saved, _ = LetterTemplateText.objects.update_or_create(
                agency=agency, kind=kind, defaults=form.cleaned_data
            )
            audit(
                actor=actor(request),
                agency=agency,
                action="letter_template_edit",
                obj=saved,
                kind=kind,
            )
        messages.success(request, f"“{form.cleaned_data['title']}”模板已保存")
        return redirect(f"/settings/letters/?agency={agency.pk}")
    return render(
        request,
        "portal/settings_letter.html",
        {
            "agency": agency,
            "form": form,
            "kind": LetterKind(kind),
            "custom": row is not None,
            "placeholders": sorted(PLACEHOLDERS.items()),
        },
    )
