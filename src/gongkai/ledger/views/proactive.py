"""Section 二 of a year (主动公开政府信息情况): the agency's staff enter its cells for the edition the
year must use; last year's 现行有效件数 is shown beside this year's (rule R6)."""

from __future__ import annotations

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import may_change
from gongkai.ledger.actions.proactive import ProactiveInvalid, proactive_table
from gongkai.ledger.forms.proactive import ProactiveForm, field_name, show
from gongkai.ledger.models import Agency, ProactiveCount, YearLock
from gongkai.ledger.views.common import actor, current_agency, current_date
from gongkai.report.grid import Edition, Table

Stored = dict[tuple[str, str], Decimal]


def _stored(agency: Agency, year: int, edition: Edition) -> Stored:
    rows = ProactiveCount.objects.filter(agency=agency, year=year, edition=edition.value)
    return {(r.row, r.column): r.value for r in rows}


@login_required
def proactive_latest(request: HttpRequest) -> HttpResponse:
    """The year whose report is due next: last year (reports are due early in the new year)."""
    agency = current_agency(request)
    year = current_date().year - 1
    return redirect(f"{reverse('ledger:proactive', kwargs={'year': year})}?agency={agency.pk}")


@login_required
def proactive(request: HttpRequest, year: int) -> HttpResponse:
    agency = current_agency(request)
    try:
        grid = proactive_table(year)
    except GongkaiError as exc:
        raise Http404(exc.message) from None
    stored = _stored(agency, year, grid.edition)
    initial = {field_name(r, c): show(v) for (r, c), v in stored.items()}
    form = ProactiveForm(request.POST or None, grid=grid, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            changed = actions.proactive_counts_set(
                actor=actor(request),
                agency=agency,
                year=year,
                values=form.cleaned_data["values"],
                correction_reason=form.cleaned_data["correction_reason"],
            )
        except ProactiveInvalid as exc:
            for cell, message in exc.errors.items():
                name = field_name(*cell.split(".", 1))
                form.add_error(name if name in form.fields else None, message)
        except GongkaiError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, f"已保存 {len(changed)} 格" if changed else "没有改动")
            return redirect(f"{request.path}?agency={agency.pk}")
    return render(
        request,
        "ledger/proactive.html",
        {
            "agency": agency,
            "year": year,
            "grid": grid,
            "form": form,
            "rows": _rows(form, grid, _hints(agency, year, grid, stored)),
            "width": _width(grid),
            "entered": len(stored),
            "staff": may_change(request.user, agency),
            "lock": YearLock.objects.filter(agency=agency, year=year).first(),
        },
        status=400 if request.method == "POST" else 200,
    )


def _rows(form: ProactiveForm, grid: Table, hints: dict[tuple[str, str], str]) -> list[object]:
    """Per row: its cells (column, bound field, hint), and how many columns the last cell spans."""
    width = _width(grid)
    return [
        (
            row,
            [
                (column, form[field_name(row.key, column.key)], hints.get((row.key, column.key)))
                for column in row.columns
            ],
            width - len(row.columns) + 1,
        )
        for row in grid.rows
    ]


def _width(grid: Table) -> int:
    return max(len(row.columns) for row in grid.rows)


def _hints(agency: Agency, year: int, grid: Table, stored: Stored) -> dict[tuple[str, str], str]:
    """Beside 现行有效件数 (edition 2021): last year's value, and what R6 expects this year."""
    if grid.edition is not Edition.E2021:
        return {}
    last_edition = Edition.for_year(year - 1)
    last = _stored(agency, year - 1, last_edition)
    hints = {}
    for row in grid.rows:
        if "in_force" not in row.column_keys:
            continue
        before = last.get((row.key, "in_force"))
        if last_edition is not Edition.E2021:
            hints[(row.key, "in_force")] = (
                f"{year - 1} 年适用{last_edition.label}，没有现行有效件数"
            )
            continue
        if before is None:
            hints[(row.key, "in_force")] = f"{year - 1} 年现行有效件数：未录入"
            continue
        text = f"{year - 1} 年现行有效件数：{show(before)}"
        issued, repealed = stored.get((row.key, "issued")), stored.get((row.key, "repealed"))
        if issued is not None and repealed is not None:
            text += f"；按上年 + 本年制发 − 本年废止，应为 {show(before + issued - repealed)}（R6）"
        hints[(row.key, "in_force")] = text
    return hints
