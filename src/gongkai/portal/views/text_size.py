"""The large-text mode for elderly readers (适老化): a cookie, no script needed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme


def text_size(request: HttpRequest) -> HttpResponse:
    target = request.GET.get("next", "/open/")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/open/"
    response = HttpResponseRedirect(target)
    large = request.COOKIES.get("large") != "1"
    response.set_cookie("large", "1" if large else "0", max_age=365 * 24 * 3600, samesite="Lax")
    return response
