"""The agency administrator's own settings: the 公开指南, what the letters say about the agency
(复议机关, court, how to pay, number patterns) and the wording of each letter — the one place
where these change, each through its named action.

Scoped to the administrator's agency (Django's admin site is for site superusers only)."""

from __future__ import annotations

from typing import ClassVar

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.errors import GongkaiError
from gongkai.ledger.access import AccessDenied, require_role
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.letter import (
    letter_settings_save,
    letter_template_reset,
    letter_template_save,
)
from gongkai.ledger.models import Agency, LetterNumbering, LetterTemplateText, Role
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
        """Checked here too, so the error stands beside the body (the action checks again)."""
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


class LetterSettingsForm(forms.Form):
    """What every letter of the agency says about it (see `actions.letter_settings_save`)."""

    reconsideration_body = forms.CharField(
        label="行政复议机关",
        max_length=200,
        required=False,
        help_text="作出决定的告知书（答复、收费通知）须写明，如“某某区人民政府”；未填写时不能生成这些告知书",
    )
    court = forms.CharField(
        label="管辖人民法院",
        max_length=200,
        required=False,
        help_text="如“某某市某某区人民法院”；未填写时写“人民法院”",
    )
    fee_payment_instructions = forms.CharField(
        label="缴纳信息处理费的方式",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="写入收费通知书：缴费窗口、非税收入账户或者网上缴费渠道",
    )
    letter_number_pattern = forms.CharField(
        label="告知书文号格式",
        max_length=80,
        help_text="可用 {year}（年份）和 {serial}（年度内序号），如 某政告〔{year}〕第{serial}号",
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        for kind in LetterKind:
            self.fields[f"pattern_{kind.value}"] = forms.CharField(
                label=f"{kind.label}的文号格式",
                max_length=80,
                required=False,
                help_text="留空时使用本机关的告知书文号格式",
            )

    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if not name.startswith("pattern_")]

    def pattern_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.fields if name.startswith("pattern_")]

    def kind_patterns(self) -> dict[LetterKind, str]:
        return {k: self.cleaned_data[f"pattern_{k.value}"] for k in LetterKind}


def _letter_settings_initial(agency: Agency) -> dict[str, str]:
    own = dict(LetterNumbering.objects.filter(agency=agency).values_list("kind", "pattern"))
    return {
        "reconsideration_body": agency.reconsideration_body,
        "court": agency.court,
        "fee_payment_instructions": agency.fee_payment_instructions,
        "letter_number_pattern": agency.letter_number_pattern,
        **{f"pattern_{kind}": pattern for kind, pattern in own.items()},
    }


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
    """The agency's letter settings and the list of its templates."""
    agency = _admin_agency(request)
    form = LetterSettingsForm(request.POST or None, initial=_letter_settings_initial(agency))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            letter_settings_save(
                actor=actor(request),
                agency=agency,
                reconsideration_body=d["reconsideration_body"],
                court=d["court"],
                fee_payment_instructions=d["fee_payment_instructions"],
                letter_number_pattern=d["letter_number_pattern"],
                kind_patterns=form.kind_patterns(),
                on=current_date(),
            )
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, "告知书设置已保存")
            return redirect(f"/settings/letters/?agency={agency.pk}")
    own = {t.kind for t in LetterTemplateText.objects.filter(agency=agency)}
    kinds = [(k, k.value in own) for k in LetterKind]
    return render(
        request,
        "portal/settings_letters.html",
        {"agency": agency, "kinds": kinds, "form": form},
    )


@login_required
def letter(request: HttpRequest, kind: str) -> HttpResponse:
    agency = _admin_agency(request)
    if kind not in {k.value for k in LetterKind}:
        raise Http404
    chosen = LetterKind(kind)
    row = LetterTemplateText.objects.filter(agency=agency, kind=kind).first()
    default = default_template(chosen)
    initial = (
        {"title": row.title, "body": row.body}
        if row
        else {"title": default.title, "body": default.body}
    )
    form = TemplateForm(request.POST or None, initial=initial)
    if request.method == "POST" and "reset" in request.POST:
        letter_template_reset(actor=actor(request), agency=agency, kind=chosen)
        messages.success(request, "已恢复为全国通用的默认模板")
        return redirect(f"/settings/letters/?agency={agency.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            letter_template_save(
                actor=actor(request),
                agency=agency,
                kind=chosen,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"“{form.cleaned_data['title']}”模板已保存")
            return redirect(f"/settings/letters/?agency={agency.pk}")
    return render(
        request,
        "portal/settings_letter.html",
        {
            "agency": agency,
            "form": form,
            "kind": chosen,
            "custom": row is not None,
            "placeholders": sorted(PLACEHOLDERS.items()),
        },
    )
