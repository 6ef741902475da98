"""What the staff navigation needs from oversight: whether to show the way in."""

from __future__ import annotations

from django.http import HttpRequest

from gongkai.oversight.access import may_oversee


def navigation(request: HttpRequest) -> dict[str, bool]:
    return {"may_oversee": may_oversee(request.user)}
