"""The site's error pages, in Chinese: a bad parameter (400), no such page (404), no access
(403), a defect (500). A message meant for people (Chinese) is shown; Django's own English
internals are not."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.template import loader

_CHINESE = re.compile(r"[\u4e00-\u9fff]")

DEFAULTS = {
    400: ("请求有误", "请求中的参数无效，请检查网址或返回上一页重新操作。"),
    403: ("无权访问", "您没有访问此页面的权限。"),
    404: ("没有这个页面", "您要找的页面不存在，或您没有查看它的权限。请检查网址。"),
    500: ("系统出错", "系统出现错误，已记录。请稍后再试；若一再出现，请联系系统管理员。"),
}


def message_of(exception: BaseException | None) -> str:
    """The exception's message if it is meant for people (Chinese), else ""."""
    text = str(exception.args[0]) if exception is not None and exception.args else ""
    return text if _CHINESE.search(text) else ""


def _page(request: HttpRequest, status: int, exception: BaseException | None) -> HttpResponse:
    title, default = DEFAULTS[status]
    body = loader.render_to_string(
        "site_error.html",
        {"status": status, "title": title, "message": message_of(exception) or default},
    )
    return HttpResponse(body, status=status)


def bad_request(request: HttpRequest, exception: BaseException) -> HttpResponse:
    return _page(request, 400, exception)


def permission_denied(request: HttpRequest, exception: BaseException) -> HttpResponse:
    return _page(request, 403, exception)


def page_not_found(request: HttpRequest, exception: BaseException) -> HttpResponse:
    return _page(request, 404, exception)


def server_error(request: HttpRequest) -> HttpResponse:
    return _page(request, 500, None)
