"""The agency's prose of a year's report (sections 一, 五, 六), and a first draft of 一 written
from the ledger's numbers. Staff of the agency edit; a supervisor only reads."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import may_change
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.forms.prose import ProseForm, field_name
from gongkai.ledger.models import Agency, CatalogueItem, ProseSection, ReportProse, YearLock
from gongkai.ledger.report_years import previous_report
from gongkai.ledger.views.common import actor, current_agency
from gongkai.report.draft import draft_overview
from gongkai.report.grid import Edition


@login_required
def prose(request: HttpRequest, year: int) -> HttpResponse:
    agency = current_agency(request)
    if Edition.for_year(year) is Edition.LEGACY:
        raise Http404("2019 年以前的年度没有全国统一格式的年度报告")
    staff = may_change(request.user, agency)
    if request.method == "POST" and not staff:
        raise PermissionDenied("只有本机关的工作人员可以修改年度报告的文字部分")
    stored = {p.section: p for p in ReportProse.objects.filter(agency=agency, year=year)}
    initial = {field_name(s): p.text for s, p in stored.items()}
    posted = request.POST if request.method == "POST" else None
    form = ProseForm(posted, initial=initial, readonly=not staff)
    status = 200
    if posted is not None and form.is_valid():
        if "draft" in posted:
            # Fill section 一 with the draft; nothing is saved until the clerk saves.
            data = posted.copy()
            data[field_name(ProseSection.OVERVIEW)] = _draft(agency, year)
            form = ProseForm(data, initial=initial)
            messages.info(request, "已根据台账数据生成第一部分初稿，请修改【请补充】处后保存")
        else:
            try:
                changed = _save(request, agency, year, form)
            except GongkaiError as exc:
                form.add_error(None, exc.message)
                status = 400
            else:
                messages.success(request, f"已保存 {changed} 个部分" if changed else "没有改动")
                return redirect(f"{request.path}?agency={agency.pk}")
    elif posted is not None:
        status = 400
    return render(
        request,
        "ledger/prose.html",
        {
            "agency": agency,
            "year": year,
            "form": form,
            "sections": [form[field_name(s)] for s in ProseSection],
            "stored": stored,
            "staff": staff,
            "lock": YearLock.objects.filter(agency=agency, year=year).first(),
        },
        status=status,
    )


def _save(request: HttpRequest, agency: Agency, year: int, form: ProseForm) -> int:
    """Save the three sections together: all or none."""
    reason = form.cleaned_data["correction_reason"]
    with transaction.atomic():
        return sum(
            actions.report_prose_save(
                actor=actor(request),
                agency=agency,
                year=year,
                section=section,
                text=text,
                correction_reason=reason,
            )
            for section, text in form.texts().items()
        )


def _draft(agency: Agency, year: int) -> str:
    published = CatalogueItem.objects.filter(agency=agency, published_on__year=year).count()
    return draft_overview(
        ledger_report(agency, year),
        agency_name=agency.name,
        previous=previous_report(agency, year),
        # No catalogue entries may only mean the catalogue is kept elsewhere: leave a gap.
        published=published or None,
    )
