"""Staff pages. Each view reads through the access choke-point, calls one action, and renders;
the clock is read here, at the edge, and passed down as `today`."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.application.status import Status
from gongkai.check import check, has_errors
from gongkai.clock import Channel, ClockStatus, ScheduleMissing
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import (
    STAFF_ROLES,
    Actor,
    agencies_visible_to,
    applications_visible_to,
    may_see_personal_data,
    role_in,
)
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.deadlines import calendar, deadline_of
from gongkai.ledger.forms import (
    CloseForm,
    ConsultForm,
    ExtendForm,
    QueueFilter,
    RegisterForm,
    StepForm,
)
from gongkai.ledger.models import Agency, Application, Role, YearLock
from gongkai.report import interchange
from gongkai.report.editions import SECTION_NAMES
from gongkai.report.grid import Edition, Section

PAGE_SIZE = 50


def _today() -> date:
    return timezone.localdate()


def _actor(request: HttpRequest) -> Actor:
    """The signed-in user; every view that acts is behind login_required."""
    user = request.user
    assert isinstance(user, Actor)
    return user


def _current_agency(request: HttpRequest) -> Agency:
    agencies = agencies_visible_to(request.user)
    wanted = request.GET.get("agency") or request.POST.get("agency")
    agency = agencies.filter(pk=wanted).first() if wanted and wanted.isdigit() else agencies.first()
    if agency is None:
        raise Http404("没有可查看的机关")
    return agency


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    agency = _current_agency(request)
    today = _today()
    cal = calendar()
    form = QueueFilter(request.GET or None)
    status_field = form.fields["status"]
    assert isinstance(status_field, forms.ChoiceField)
    status_field.choices = [("", "全部未办结"), *((s.value, s.label) for s in Status)]
    apps: QuerySet[Application] = applications_visible_to(request.user).filter(agency=agency)
    apps = apps.select_related("assigned_to")
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status") or ""
    apps = apps.filter(status=status) if status else apps.exclude(status=Status.CLOSED)
    if q := (data.get("q") or "").strip():
        apps = apps.filter(
            Q(serial__icontains=q) | Q(applicant_name__icontains=q) | Q(description__icontains=q)
        )
    if data.get("mine"):
        apps = apps.filter(assigned_to=_actor(request))
    light = data.get("light") or ""
    try:
        soon = cal.add_working_days(today, 5)
    except ScheduleMissing:
        soon = None
    if light == "overdue":
        apps = apps.filter(due_on__lt=today)
    elif light == "due_soon" and soon:
        apps = apps.filter(due_on__gte=today, due_on__lte=soon)
    elif light == "on_track" and soon:
        apps = apps.filter(due_on__gt=soon)
    apps = apps.order_by("due_on", "pk")
    page = Paginator(apps, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(a, _light(a, today, soon)) for a in page.object_list]
    return render(
        request,
        "ledger/queue.html",
        {
            "agency": agency,
            "agencies": agencies_visible_to(request.user),
            "form": form,
            "page": page,
            "rows": rows,
            "today": today,
            "can_register": role_in(request.user, agency) in STAFF_ROLES,
        },
    )


def _light(application: Application, today: date, soon: date | None) -> ClockStatus | None:
    """The queue's traffic light from the cached due date: the same boundary as the filter."""
    if not application.status_enum.is_open:
        return None
    if application.due_on is None:
        return ClockStatus.WAITING if application.status != Status.REGISTERED else None
    if application.due_on < today:
        return ClockStatus.OVERDUE
    if soon is not None and application.due_on <= soon:
        return ClockStatus.DUE_SOON
    return ClockStatus.ON_TRACK


@login_required
def register(request: HttpRequest) -> HttpResponse:
    agency = _current_agency(request)
    form = RegisterForm(request.POST or None, initial={"handed_in": _today()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            application = actions.application_register(
                actor=_actor(request),
                agency=agency,
                channel=Channel(d["channel"]),
                handed_in=d["handed_in"],
                signed_for=d["signed_for"],
                confirmed=d["confirmed"],
                applicant_kind=ApplicantKind(d["applicant_kind"]),
                applicant_name=d["applicant_name"],
                description=d["description"],
                id_number=d["id_number"],
                phone=d["phone"],
                email=d["email"],
                address=d["address"],
                form_wanted=d["form_wanted"],
                delivery=d["delivery"],
            )
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已登记，登记号 {application.serial}")
            return redirect("ledger:application", pk=application.pk)
    return render(request, "ledger/register.html", {"agency": agency, "form": form})


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("agency"), pk=pk
    )
    try:
        deadline = deadline_of(application)
        explanation, deadline_error = deadline.explain(), ""
    except ScheduleMissing as exc:
        explanation, deadline_error = [], exc.message
    return render(
        request,
        "ledger/application.html",
        {
            "a": application,
            "agency": application.agency,
            "personal": may_see_personal_data(request.user, application.agency),
            "staff": role_in(request.user, application.agency) in STAFF_ROLES,
            "head": role_in(request.user, application.agency) is Role.HEAD,
            "explanation": explanation,
            "deadline_error": deadline_error,
            "history": application.status_changes.select_related("by"),
            "events": application.clock_events.select_related("created_by"),
            "step_form": StepForm(initial={"on": _today()}),
            "consult_form": ConsultForm(initial={"on": _today()}),
            "extend_form": ExtendForm(initial={"on": _today(), "working_days": 20}),
            "close_form": CloseForm(initial={"on": _today()}),
        },
    )


_STEPS: dict[str, tuple[type[StepForm], Callable[..., Application]]] = {
    "request_correction": (StepForm, actions.application_request_correction),
    "receive_correction": (StepForm, actions.application_receive_correction),
    "start_consultation": (ConsultForm, actions.application_start_consultation),
    "end_consultation": (StepForm, actions.application_end_consultation),
    "send_fee_notice": (StepForm, actions.application_send_fee_notice),
    "receive_fee": (StepForm, actions.application_receive_fee),
    "extend": (ExtendForm, actions.application_extend),
    "close": (CloseForm, actions.application_close),
}


@login_required
@require_POST
def application_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    application = get_object_or_404(applications_visible_to(request.user), pk=pk)
    if step not in _STEPS:
        raise Http404
    form_class, action = _STEPS[step]
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(
            request,
            "；".join(
                f"{form.fields[f].label if f in form.fields else ''}{'、'.join(map(str, e))}"
                for f, e in form.errors.items()
            ),
        )
        return redirect("ledger:application", pk=pk)
    d = dict(form.cleaned_data)
    kwargs: dict[str, Any] = {
        "actor": _actor(request),
        "application": application,
        "on": d.pop("on"),
        "note": d.pop("note"),
    }
    reason = d.pop("correction_reason", "")
    if step == "close":
        kwargs["outcome"] = Outcome(d.pop("outcome"))
        kwargs["correction_reason"] = reason
    kwargs.update(d)
    try:
        action(**kwargs)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已保存")
    return redirect("ledger:application", pk=pk)


@login_required
def year_report(request: HttpRequest, year: int) -> HttpResponse:
    agency = _current_agency(request)
    edition = Edition.for_year(year)
    report = ledger_report(agency, year, edition)
    findings = check(report)
    lock = YearLock.objects.filter(agency=agency, year=year).select_related("locked_by").first()
    tables = []
    for section in Section:
        grid = report.table(section)
        if grid is None:
            continue
        rows = report.rows(section)
        cells = [
            (row, [(c.label, rows.get(row.key, {}).get(c.key, "")) for c in row.columns])
            for row in grid.rows
        ]
        tables.append((f"{section.label} {SECTION_NAMES[section.number]}", grid, cells))
    return render(
        request,
        "ledger/year.html",
        {
            "agency": agency,
            "year": year,
            "report": report,
            "tables": tables,
            "findings": findings,
            "has_errors": has_errors(findings),
            "lock": lock,
            "head": role_in(request.user, agency) is Role.HEAD,
            "json": interchange.dumps(report),
        },
    )


@login_required
def year_report_json(request: HttpRequest, year: int) -> HttpResponse:
    agency = _current_agency(request)
    report = ledger_report(agency, year)
    response = HttpResponse(
        interchange.dumps(report), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="report-{year}.json"'
    return response


@login_required
@require_POST
def year_lock(request: HttpRequest, year: int) -> HttpResponse:
    agency = _current_agency(request)
    report = ledger_report(agency, year)
    try:
        actions.year_lock(
            actor=_actor(request), agency=agency, year=year, report=interchange.to_dict(report)
        )
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, f"{year} 年度已锁定")
    return redirect(f"/years/{year}/?agency={agency.pk}")
