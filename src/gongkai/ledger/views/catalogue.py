"""The 政府信息公开目录 (第十二条): search, add an item (its 索引号 is given), record publication, and
whether each item was published within 20 working days (第二十六条)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import catalogue_visible_to, may_change
from gongkai.ledger.catalogue import timeliness, year_summary
from gongkai.ledger.deadlines import entered_calendar
from gongkai.ledger.forms import CatalogueForm, CatalogueSearch, PublishForm
from gongkai.ledger.models import CatalogueItem
from gongkai.ledger.views.application import form_errors
from gongkai.ledger.views.common import actor, current_agency, current_date

PAGE_SIZE = 50


@login_required
def catalogue(request: HttpRequest) -> HttpResponse:
    """GET searches; POST adds an item (the agency's own staff only)."""
    agency = current_agency(request)
    today, cal = current_date(), entered_calendar()
    staff = may_change(request.user, agency)
    add_form = CatalogueForm(request.POST if request.method == "POST" else None, auto_id="add-%s")
    if request.method == "POST" and add_form.is_valid():
        try:
            item = actions.catalogue_add(
                actor=actor(request), agency=agency, **add_form.cleaned_data
            )
        except GongkaiError as exc:
            if staff:
                add_form.add_error(None, exc.message)
            else:  # the form is not shown to them: say it where they can read it
                messages.error(request, exc.message)
        else:
            messages.success(request, f"已加入目录，索引号 {item.index_number}")
            return redirect(f"{request.path}?agency={agency.pk}")
    search = CatalogueSearch(request.GET or None)
    data = search.cleaned_data if search.is_valid() else {}
    items = _search(catalogue_visible_to(request.user).filter(agency=agency), data)
    page = Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))
    year = data.get("year") or today.year
    return render(
        request,
        "ledger/catalogue.html",
        {
            "agency": agency,
            "search": search,
            "page": page,
            "rows": [(i, timeliness(i, calendar=cal, today=today)) for i in page.object_list],
            "summary": year_summary(agency, year, calendar=cal, today=today),
            "staff": staff,
            "add_form": add_form,
            "today": today,
        },
        status=400 if request.method == "POST" else 200,
    )


def _search(items: QuerySet[CatalogueItem], data: dict[str, object]) -> QuerySet[CatalogueItem]:
    if title := str(data.get("title") or "").strip():
        items = items.filter(title__icontains=title)
    if number := str(data.get("index_number") or "").strip():
        items = items.filter(index_number__icontains=number)
    if category := str(data.get("category") or "").strip():
        items = items.filter(category__icontains=category)
    if made_from := data.get("made_from"):
        items = items.filter(made_on__gte=made_from)
    if made_to := data.get("made_to"):
        items = items.filter(made_on__lte=made_to)
    return items.order_by("-made_on", "-pk")


@login_required
@require_POST
def catalogue_publish(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(catalogue_visible_to(request.user), pk=pk)
    form = PublishForm(request.POST, auto_id=f"publish-{pk}-%s")
    if not form.is_valid():
        messages.error(request, form_errors(form))
    else:
        try:
            actions.catalogue_publish(
                actor=actor(request), item=item, published_on=form.cleaned_data["published_on"]
            )
        except GongkaiError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, f"已记录“{item.title}”的公开日期")
    return redirect(f"{reverse('ledger:catalogue')}?agency={item.agency_id}")
