"""The work queue: open applications with due dates and traffic lights, filters and search."""

from __future__ import annotations

from datetime import date

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.application.status import Status
from gongkai.clock import Calendar, ClockStatus, ScheduleMissing
from gongkai.clock import status as clock_status
from gongkai.ledger.access import (
    STAFF_ROLES,
    agencies_visible_to,
    applications_visible_to,
    role_in,
)
from gongkai.ledger.deadlines import calendar, deadline_of
from gongkai.ledger.forms import QueueFilter
from gongkai.ledger.models import Application
from gongkai.ledger.views.common import actor, current_agency, current_date

PAGE_SIZE = 50
#: Open statuses listed, not "not closed": the (agency, status, due_on) index serves an IN list.
OPEN_STATUSES = [s.value for s in Status if s.is_open]


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    agency = current_agency(request)
    today = current_date()
    cal = calendar()
    form = QueueFilter(request.GET or None)
    status_field = form.fields["status"]
    assert isinstance(status_field, forms.ChoiceField)
    status_field.choices = [("", "全部未办结"), *((s.value, s.label) for s in Status)]
    apps: QuerySet[Application] = applications_visible_to(request.user).filter(agency=agency)
    apps = apps.select_related("assigned_to")
    data = form.cleaned_data if form.is_valid() else {}
    status = data.get("status") or ""
    apps = apps.filter(status=status) if status else apps.filter(status__in=OPEN_STATUSES)
    if q := (data.get("q") or "").strip():
        apps = apps.filter(
            Q(serial__icontains=q) | Q(applicant_name__icontains=q) | Q(description__icontains=q)
        )
    if data.get("mine"):
        apps = apps.filter(assigned_to=actor(request))
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
    rows = [(a, _light(a, today, soon, cal)) for a in page.object_list]
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


def _light(
    application: Application, today: date, soon: date | None, cal: Calendar
) -> ClockStatus | None:
    """The queue's traffic light from the cached due date: the same boundary as the filter.
    A request waiting for the applicant asks the clock whether it has lapsed meanwhile."""
    if not application.status_enum.is_open:
        return None
    if application.due_on is None:
        if application.status == Status.REGISTERED:
            return None  # a needed year's holiday schedule is missing: the page says so
        try:
            return clock_status(deadline_of(application, cal), today)
        except ScheduleMissing:
            return ClockStatus.WAITING
    if application.due_on < today:
        return ClockStatus.OVERDUE
    if soon is not None and application.due_on <= soon:
        return ClockStatus.DUE_SOON
    return ClockStatus.ON_TRACK
