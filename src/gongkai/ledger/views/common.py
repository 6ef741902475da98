"""What every staff page shares: the signed-in actor, the current agency, today's date (read from
the site's one clock, `gongkai.site.clock`, at the edge, and passed down)."""

from __future__ import annotations

from django.http import Http404, HttpRequest

from gongkai.ledger.access import Actor, agencies_visible_to
from gongkai.ledger.models import Agency
from gongkai.site.clock import current_date
from gongkai.site.params import number

__all__ = ["actor", "current_agency", "current_date"]


def actor(request: HttpRequest) -> Actor:
    """The signed-in user; every view that acts is behind login_required."""
    user = request.user
    assert isinstance(user, Actor)
    return user


def current_agency(request: HttpRequest) -> Agency:
    agencies = agencies_visible_to(request.user)
    wanted = number(request.GET.get("agency") or request.POST.get("agency"), label="机关")
    agency = agencies.filter(pk=wanted).first() if wanted is not None else agencies.first()
    if agency is None:
        raise Http404("没有可查看的机关")
    return agency
