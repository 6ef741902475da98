"""What every staff page's navigation needs: the latest report year and the user's admin role."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils import timezone

from gongkai.ledger.models import Membership, Role


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = request.user
    return {
        "report_year": timezone.localdate().year - 1,
        "agency_admin": user.is_authenticated
        and Membership.objects.filter(user=user, role=Role.ADMIN).exists(),
    }
