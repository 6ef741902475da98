"""The JSON API views: one page of an endpoint, and the OpenAPI document."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse

from gongkai.oversight.access import may_oversee
from gongkai.oversight.api import ENDPOINTS, page_of
from gongkai.oversight.filters import BadFilter
from gongkai.oversight.openapi import document

JSON = {"ensure_ascii": False}


def _error(code: str, message: str, status: int) -> JsonResponse:
    return JsonResponse({"code": code, "message": message}, status=status, json_dumps_params=JSON)


def listing(request: HttpRequest, name: str) -> JsonResponse:
    endpoint = ENDPOINTS.get(name)
    if endpoint is None:
        return _error("not_found", f"没有接口 {name}", 404)
    if not request.user.is_authenticated:
        return _error("unauthenticated", "请先登录", 401)
    if not may_oversee(request.user):
        return _error("access_denied", "您没有任何地区的监督权限", 403)
    try:
        return JsonResponse(page_of(endpoint, request), json_dumps_params=JSON)
    except BadFilter as exc:
        return _error(exc.code, exc.message, 400)


def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(document(), json_dumps_params=JSON)
