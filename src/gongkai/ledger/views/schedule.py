"""The holiday schedules (放假和调休安排): every year the clock knows, and the entry of a year as the
State Council's notice writes it, with a preview of its working days before it is saved."""

from __future__ import annotations

import calendar as month_calendar
from dataclasses import dataclass
from datetime import date

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.application.status import Status
from gongkai.clock import Calendar, DayKind, ScheduleInvalid, YearSchedule
from gongkai.clock.schedule_text import parse_schedule, working_days_of
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.deadlines import entered_calendar
from gongkai.ledger.models import Application, HolidaySchedule
from gongkai.ledger.views.common import actor, current_date

EXAMPLE = (
    "一、元旦：1月1日至3日放假调休，共3天。1月4日（周日）上班。\n"
    "二、春节：2月15日至23日放假调休，共9天。2月14日（周六）、2月28日（周六）上班。"
)


class ScheduleForm(forms.Form):
    year = forms.IntegerField(label="年度", min_value=2004, max_value=2100)
    text = forms.CharField(
        label="放假和调休安排",
        widget=forms.Textarea(attrs={"rows": 10, "placeholder": EXAMPLE}),
        help_text="可直接粘贴国务院办公厅通知的正文，或逐条写「1月1日至3日放假，1月4日上班」，"
        "也可写 2027-01-01 这样的日期；写明“上班”的为调休上班日，其余为放假日。",
    )


@dataclass(frozen=True)
class KnownYear:
    year: int
    source: str  # 「内置」 or 「录入」
    holidays: int
    workdays: int
    working_days: int


@login_required
def schedules(request: HttpRequest) -> HttpResponse:
    if not request.user.is_superuser:
        raise PermissionDenied("只有系统管理员可以录入节假日安排")
    today = current_date()
    preview: YearSchedule | None = None
    form = ScheduleForm(request.POST or None, initial=_initial(request, today))
    if request.method == "POST" and form.is_valid():
        try:
            preview = parse_schedule(form.cleaned_data["year"], form.cleaned_data["text"])
        except ScheduleInvalid as exc:
            form.add_error("text", exc.message)
        else:
            if "save" in request.POST:
                try:
                    moved = actions.holiday_schedule_save(
                        actor=actor(request),
                        schedule=preview,
                        on=today,
                        text=form.cleaned_data["text"],
                    )
                except GongkaiError as exc:
                    form.add_error(None, exc.message)
                else:
                    messages.success(
                        request,
                        f"已保存 {preview.year} 年节假日安排，重新计算了 {len(moved)} 件申请的答复期限",
                    )
                    return redirect("ledger:schedules")
    return render(
        request,
        "ledger/schedules.html",
        {
            "form": form,
            "years": _known_years(),
            "missing": _missing_years(today),
            "preview": preview,
            "months": _months(preview) if preview else [],
            "working_days": working_days_of(preview) if preview else None,
        },
    )


def _initial(request: HttpRequest, today: date) -> dict[str, object]:
    """The form for the year asked for (「修改」 loads what was entered), or next year by default."""
    wanted = request.GET.get("year", "")
    year = int(wanted) if wanted.isascii() and wanted.isdecimal() and len(wanted) == 4 else None
    if year is None:
        return {"year": today.year + 1}
    entered = HolidaySchedule.objects.filter(year=year).first()
    return {"year": year, "text": entered.text if entered else ""}


@dataclass(frozen=True)
class MissingYear:
    year: int
    provisional: int  # open applications whose deadline is counted on the year's known parts


def _missing_years(today: date) -> list[MissingYear]:
    """This year and, from 1 November, the next, when not entered; with the applications waiting."""
    provisional = Application.objects.filter(
        due_provisional=True, status__in=[s.value for s in Status if s.is_open]
    )
    return [
        MissingYear(year, provisional.filter(due_on__year__gte=year).count())
        for year in entered_calendar().missing_ahead(today)
    ]


def _known_years() -> list[KnownYear]:
    entered = {row.year: row.as_schedule() for row in HolidaySchedule.objects.all()}
    years = {**Calendar.official().years, **entered}
    return [
        KnownYear(
            year=y,
            source="录入" if y in entered else "内置",
            holidays=len(s.holidays),
            workdays=len(s.workdays),
            working_days=working_days_of(s),
        )
        for y, s in sorted(years.items(), reverse=True)
    ]


@dataclass(frozen=True)
class Cell:
    day: int | None
    kind: str  # "", "off", "makeup", "weekend"
    title: str


def _months(schedule: YearSchedule) -> list[tuple[str, list[list[Cell]]]]:
    """Twelve month grids (Monday first), each day marked as 放假, 调休上班, 周末 or 工作日."""
    cal = Calendar({schedule.year: schedule})
    months = []
    for month in range(1, 13):
        weeks = []
        for week in month_calendar.Calendar().monthdayscalendar(schedule.year, month):
            row = []
            for d in week:
                if not d:
                    row.append(Cell(None, "", ""))
                    continue
                day = cal.day(date(schedule.year, month, d))
                kind = {
                    DayKind.HOLIDAY: "off",
                    DayKind.MAKEUP_WORKDAY: "makeup",
                    DayKind.WEEKEND: "weekend",
                }.get(day.kind, "")
                row.append(Cell(d, kind, day.reason))
            weeks.append(row)
        months.append((f"{month} 月", weeks))
    return months
