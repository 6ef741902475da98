"""Registering an application, its page (facts, explained deadline, history) and its steps."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.forms import Form
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind
from gongkai.application.status import Action, allowed
from gongkai.clock import Channel, ScheduleMissing
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import (
    applications_visible_to,
    may_change,
    may_see_personal_data,
    role_in,
)
from gongkai.ledger.deadlines import calendar, deadline_of
from gongkai.ledger.forms import (
    AssignForm,
    CloseForm,
    ConsultForm,
    CorrectionForm,
    DatedForm,
    DeliveryForm,
    ExtendForm,
    FeeNoticeForm,
    RegisterForm,
    StepForm,
)
from gongkai.ledger.models import Application, ClockEventKind, Role
from gongkai.ledger.views.appeal import AppealForm, DecideForm
from gongkai.ledger.views.common import actor, current_agency, current_date
from gongkai.ledger.views.fee import fee_context
from gongkai.ledger.views.letter import letters_context


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
                id_kind=IdKind(d["id_kind"]) if d["id_kind"] else None,
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


Step = tuple[str, type[DatedForm], Callable[..., Application]]
#: The dated steps, by the action of the transition table each one performs; which of them an
#: application's page offers is the table's answer (`allowed`), not the template's.
_STEPS: dict[Action, Step] = {
    Action.REQUEST_CORRECTION: (
        "告知补正（收到申请之日起 7 个工作日内）",
        CorrectionForm,
        actions.application_request_correction,
    ),
    Action.DELIVER_CORRECTION_REQUEST: (
        "补正告知送达申请人（补正期限自送达次日起算）",
        DeliveryForm,
        actions.application_deliver_correction_request,
    ),
    Action.RECEIVE_CORRECTION: ("收到补正", StepForm, actions.application_receive_correction),
    Action.START_CONSULTATION: (
        "征求第三方或其他机关意见",
        ConsultForm,
        actions.application_start_consultation,
    ),
    Action.END_CONSULTATION: ("征求意见结束", StepForm, actions.application_end_consultation),
    Action.SEND_FEE_NOTICE: (
        "发出收费通知（金额按所选方式自动计算）",
        FeeNoticeForm,
        actions.application_send_fee_notice,
    ),
    Action.DELIVER_FEE_NOTICE: (
        "收费通知送达申请人（缴费期限自送达次日起算）",
        DeliveryForm,
        actions.application_deliver_fee_notice,
    ),
    Action.RECEIVE_FEE: ("收到缴费", StepForm, actions.application_receive_fee),
    Action.EXTEND: (
        "延长答复期限（须经负责人同意，在答复期限内决定，最长 20 个工作日，仅限一次）",
        ExtendForm,
        actions.application_extend,
    ),
    Action.CLOSE: ("办结", CloseForm, actions.application_close),
}


def offered(application: Application, *, head: bool) -> list[Action]:
    """The steps the page offers: those the transition table allows from the current status,
    less those that can happen only once and have, and the extension for anyone but the head."""
    done = set(application.clock_events.values_list("kind", flat=True))
    once = {
        Action.REQUEST_CORRECTION: ClockEventKind.CORRECTION_REQUESTED,
        Action.DELIVER_CORRECTION_REQUEST: ClockEventKind.CORRECTION_DELIVERED,
        Action.SEND_FEE_NOTICE: ClockEventKind.FEE_NOTICE_SENT,
        Action.DELIVER_FEE_NOTICE: ClockEventKind.FEE_NOTICE_DELIVERED,
        Action.EXTEND: ClockEventKind.EXTENSION,
    }
    return [
        action
        for action in allowed(application.status_enum)
        if action in _STEPS and once.get(action) not in done and (head or action != Action.EXTEND)
    ]


@login_required
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("agency", "assigned_to"), pk=pk
    )
    agency, today, cal = application.agency, current_date(), calendar()
    staff = may_change(request.user, agency)
    try:
        deadline = deadline_of(application, cal)
        explanation, deadline_error = deadline.explain(), ""
    except ScheduleMissing as exc:
        deadline, explanation, deadline_error = None, [], exc.message
    head = role_in(request.user, agency) is Role.HEAD
    initial = {
        Action.EXTEND: {"working_days": 20},
        Action.REQUEST_CORRECTION: {"working_days": agency.correction_working_days},
    }
    steps = [
        (
            action.value,
            _STEPS[action][0],
            _STEPS[action][1](
                initial={"on": today, **initial.get(action, {})}, auto_id=f"{action.value}-%s"
            ),
        )
        for action in (offered(application, head=head) if staff else [])
    ]
    return render(
        request,
        "ledger/application.html",
        {
            "a": application,
            "agency": agency,
            "today": today,
            "personal": may_see_personal_data(request.user, agency),
            "staff": staff,
            "head": head,
            "explanation": explanation,
            "deadline_error": deadline_error,
            "history": application.status_changes.select_related("by"),
            "events": application.clock_events.select_related("created_by"),
            "steps": steps,
            "assign_form": AssignForm(
                agency=agency, initial={"assignee": application.assigned_to_id}
            ),
            **fee_context(application, deadline, today=today, cal=cal, staff=staff),
            **letters_context(application, staff=staff, today=today),
            "appeals": application.appeals.all(),
            "appeal_form": AppealForm(initial={"filed_on": today}, auto_id="appeal-%s"),
            "decide_form": DecideForm(initial={"decided_on": today}, auto_id="decide-%s"),
        },
    )


def form_errors(form: Form) -> str:
    """「页数：按量计收须填写页数；…」 for a message."""
    return "；".join(
        f"{form.fields[f].label}：" * (f in form.fields) + "、".join(map(str, e))
        for f, e in form.errors.items()
    )


@login_required
@require_POST
def application_step(request: HttpRequest, pk: int, step: str) -> HttpResponse:
    """A dated step: the form's cleaned values are the action's keyword arguments."""
    application = get_object_or_404(applications_visible_to(request.user), pk=pk)
    try:
        _, form_class, action = _STEPS[Action(step)]
    except (ValueError, KeyError):
        raise Http404 from None
    form = form_class(request.POST)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("ledger:application", pk=pk)
    try:
        action(actor=actor(request), application=application, **form.cleaned_data)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "已保存")
    return redirect("ledger:application", pk=pk)


@login_required
@require_POST
def application_assign(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(
        applications_visible_to(request.user).select_related("agency"), pk=pk
    )
    form = AssignForm(request.POST, agency=application.agency)
    if not form.is_valid():
        messages.error(request, form_errors(form))
        return redirect("ledger:application", pk=pk)
    assignee = form.cleaned_data["assignee"]
    try:
        actions.application_assign(actor=actor(request), application=application, assignee=assignee)
    except GongkaiError as exc:
        messages.error(request, exc.message)
    else:
        who = assignee.get_full_name() or assignee.get_username() if assignee else ""
        messages.success(request, f"已分配给 {who}" if assignee else "已取消分配")
    return redirect("ledger:application", pk=pk)
