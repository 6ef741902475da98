"""Registering an application, its page (facts, explained deadline, history) and its steps."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.clock import Channel, ScheduleMissing
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import (
    STAFF_ROLES,
    applications_visible_to,
    may_see_personal_data,
    role_in,
)
from gongkai.ledger.deadlines import deadline_of
from gongkai.ledger.forms import (
    CloseForm,
    ConsultForm,
    ExtendForm,
    RegisterForm,
    StepForm,
)
from gongkai.ledger.models import Application, Role
from gongkai.ledger.views.common import actor, current_agency, current_date


@login_required
def register(request: HttpRequest) -> HttpResponse:
    agency = current_agency(request)
    form = RegisterForm(request.POST or None, initial={"handed_in": current_date()})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            application = actions.application_register(
                actor=actor(request),
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
            "step_form": StepForm(initial={"on": current_date()}),
            "consult_form": ConsultForm(initial={"on": current_date()}),
            "extend_form": ExtendForm(initial={"on": current_date(), "working_days": 20}),
            "close_form": CloseForm(initial={"on": current_date()}),
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
        "actor": actor(request),
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
