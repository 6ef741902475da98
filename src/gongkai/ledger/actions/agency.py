"""Saving an agency's record, its periods and its fee setting included: the one writer for the
site administrator's admin screen and the agency administrator's settings page.

The payment period (国办函〔2020〕109号 and local rules), the default 补正 period (第三十条) and
whether the fee notice pauses the answer clock are what the agency's deadlines are counted on:
changing one recomputes the agency's applications it counts in (those with a fee notice or a
request for correction) in the same transaction, each moved date with its history row
(`actions.recompute`)."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError

from gongkai.ledger.access import AccessDenied, Actor, role_in
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.recompute import dates_of, recompute
from gongkai.ledger.actions.steps import InvalidRequest
from gongkai.ledger.models import Agency, Application, ClockEvent, ClockEventKind, Role
from gongkai.ledger.writes import action

#: The fields the answer deadline and the applicant's periods are counted on.
CLOCK_FIELDS = ("fee_notice_pauses_clock", "fee_payment_working_days", "correction_working_days")


def _label(field: str) -> str:
    return str(getattr(Agency._meta.get_field(field), "verbose_name", field))


@action
def agency_save(*, actor: Actor, agency: Agency, on: date) -> list[Application]:
    """Store `agency` as given (new, or with changed fields). The site administrator may change
    any agency; an agency's own administrator only its own. Returns the applications whose dates
    moved."""
    if not actor.is_superuser and (agency.pk is None or role_in(actor, agency) is not Role.ADMIN):
        raise AccessDenied("只有系统管理员或本机关的管理员可以修改机关设置")
    try:
        agency.full_clean()
    except ValidationError as exc:
        raise InvalidRequest(
            "；".join(
                f"{_label(f) + '：' if f != '__all__' else ''}{'、'.join(m)}"
                for f, m in exc.message_dict.items()
            )
        ) from None
    stored = Agency.objects.select_for_update().filter(pk=agency.pk).first() if agency.pk else None
    changed = [f for f in CLOCK_FIELDS if stored and getattr(stored, f) != getattr(agency, f)]
    # The settings count only where a fee notice or a request for correction was sent; answered
    # applications too, so that a cached deadline and its explanation never disagree.
    affected: list[Application] = []
    if changed:
        counted = ClockEvent.objects.filter(
            application__agency=agency,
            kind__in=[ClockEventKind.FEE_NOTICE_SENT, ClockEventKind.CORRECTION_REQUESTED],
        )
        affected = list(
            Application.objects.select_for_update()
            .filter(pk__in=counted.values("application_id"))
            .select_related("agency")
            .prefetch_related("clock_events")
        )
    before = dates_of(affected)  # counted on the stored settings
    agency.save()
    for application in affected:
        application.agency = agency
    moved = recompute(
        actor=actor,
        applications=affected,
        before=before,
        on=on,
        cause=f"修改本机关{'、'.join(map(_label, changed))}",
    )
    audit(
        actor=actor,
        agency=agency,
        action="agency_save",
        obj=agency,
        **{f: getattr(agency, f) for f in changed},
        recomputed=len(moved),
    )
    return moved
