"""What every staff page's navigation needs: the latest report year and the user's admin role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from gongkai.ledger.deadlines import entered_calendar
from gongkai.ledger.models import Membership, Role
from gongkai.site.clock import current_date


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    today = current_date()
    return {
        "report_year": today.year - 1,
        "schedules_missing": entered_calendar().missing_ahead(today)
        if user.is_authenticated
        else (),
        "agency_admin": user.is_authenticated
        and Membership.objects.filter(user=user, role=Role.ADMIN).exists(),
    }
