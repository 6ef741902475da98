"""Reconsideration and litigation cases (section 四)."""

from __future__ import annotations

from datetime import date

from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.models import Agency, Appeal, AppealKind, AppealResult, Application
from gongkai.ledger.writes import action


@action
def appeal_register(
    *,
    actor: Actor,
    agency: Agency,
    kind: AppealKind,
    filed_on: date,
    application: Application | None = None,
    case_number: str = "",
    note: str = "",
    correction_reason: str = "",
) -> Appeal:
    require_role(actor, agency, *STAFF_ROLES)
    if application is not None and application.agency_id != agency.pk:
        raise ValueError("application of another agency")
    guard_locked_years(
        actor=actor, agency=agency, dates=[filed_on], reason=correction_reason, what="appeal"
    )
    appeal = Appeal.objects.create(
        agency=agency,
        kind=kind,
        filed_on=filed_on,
        application=application,
        case_number=case_number,
        note=note,
    )
    audit(actor=actor, agency=agency, action="appeal_register", obj=appeal, kind=kind.value)
    return appeal


@action
def appeal_decide(
    *,
    actor: Actor,
    appeal: Appeal,
    result: AppealResult,
    decided_on: date,
    correction_reason: str = "",
) -> Appeal:
    appeal = Appeal.objects.select_for_update().select_related("agency").get(pk=appeal.pk)
    require_role(actor, appeal.agency, *STAFF_ROLES)
    guard_locked_years(
        actor=actor,
        agency=appeal.agency,
        dates=[decided_on],
        reason=correction_reason,
        what="appeal_decide",
    )
    appeal.result = result
    appeal.decided_on = decided_on
    appeal.save(update_fields=["result", "decided_on"])
    audit(
        actor=actor, agency=appeal.agency, action="appeal_decide", obj=appeal, result=result.value
    )
    return appeal
