"""What the public sent, for staff: uploaded identity documents (own agency's staff only)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest
from django.shortcuts import get_object_or_404

from gongkai.ledger.access import (
    applications_visible_to,
    may_see_personal_data,
)
from gongkai.portal.models import Attachment
from gongkai.portal.uploads import path_of


@login_required
def attachment(request: HttpRequest, pk: int) -> FileResponse:
    item = get_object_or_404(
        Attachment.objects.select_related("application__agency"),
        pk=pk,
        application__in=applications_visible_to(request.user),
    )
    if not may_see_personal_data(request.user, item.application.agency):
        raise Http404
    path = path_of(item.stored_name)
    if not path.exists():
        raise Http404("附件文件已不存在")
    response = FileResponse(path.open("rb"), content_type=item.content_type)
    response["Content-Disposition"] = "attachment"
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
