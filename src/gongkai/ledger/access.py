"""The one place that decides which agency's data a user may see and change.

Views, exports and actions never query around these functions.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as _User
from django.db.models import QuerySet

from gongkai.errors import GongkaiError
from gongkai.ledger.models import Agency, Appeal, Application, CatalogueItem, Membership, Role

#: A signed-in user: only an actor can change anything.
Actor = _User
#: Anyone a page may be shown to.
User = _User | AnonymousUser

#: Roles that may change an agency's ledger (a supervisor only reads).
STAFF_ROLES = (Role.CLERK, Role.HEAD, Role.ADMIN)


class AccessDenied(GongkaiError):
    code = "access_denied"


def agencies_visible_to(user: User) -> QuerySet[Agency]:
    if not user.is_authenticated:
        return Agency.objects.none()
    if getattr(user, "is_superuser", False):
        return Agency.objects.all()
    ids: set[int] = set()
    for membership in Membership.objects.filter(user=user).select_related("agency"):
        if membership.role == Role.SUPERVISOR:
            ids.update(membership.agency.descendants_and_self())
        else:
            ids.add(membership.agency_id)
    return Agency.objects.filter(pk__in=ids)


def applications_visible_to(user: User) -> QuerySet[Application]:
    return Application.objects.filter(agency__in=agencies_visible_to(user))


def appeals_visible_to(user: User) -> QuerySet[Appeal]:
    return Appeal.objects.filter(agency__in=agencies_visible_to(user))


def catalogue_visible_to(user: User) -> QuerySet[CatalogueItem]:
    return CatalogueItem.objects.filter(agency__in=agencies_visible_to(user))


def role_in(user: User, agency: Agency) -> Role | None:
    if not user.is_authenticated:
        return None
    membership = Membership.objects.filter(user=user, agency=agency).first()
    return Role(membership.role) if membership else None


def require_role(user: User, agency: Agency, *roles: Role) -> Role:
    """The user's role in `agency` when it is one of `roles`; AccessDenied otherwise."""
    role = role_in(user, agency)
    if role is None or role not in roles:
        names = "、".join(r.label for r in roles)
        raise AccessDenied(f"只有{agency.name}的{names}可以进行此操作")
    return role


def may_change(user: User, agency: Agency) -> bool:
    """Whether the user is one of the agency's own staff (forms are shown only to them; the
    actions check again)."""
    return role_in(user, agency) in STAFF_ROLES


def may_see_personal_data(user: User, agency: Agency) -> bool:
    """ID and phone numbers, and how many requests the same person made, are shown only to that
    agency's own staff (not to supervisors)."""
    return role_in(user, agency) in STAFF_ROLES
