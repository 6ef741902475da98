"""The outbox: every notification to applicants and reminder to clerks, as written."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from gongkai.ledger.access import agencies_visible_to
from gongkai.ledger.models import OutboxMessage


@login_required
def outbox(request: HttpRequest) -> HttpResponse:
    messages = (
        OutboxMessage.objects.filter(agency__in=agencies_visible_to(request.user))
        .select_related("application", "agency")
        .order_by("-created_at", "-pk")[:200]
    )
    return render(request, "ledger/outbox.html", {"outbox": messages})
