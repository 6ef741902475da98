"""What the application page shows about the fee and the applicant's other requests."""

from __future__ import annotations

from datetime import date
from typing import Any

from gongkai.application.status import Action, Status, allowed
from gongkai.clock import Calendar, ClockStatus, Deadline, WaitReason, status
from gongkai.fees import FeeMethod
from gongkai.ledger.applicant import history
from gongkai.ledger.fee import FeeRefused, fee_state, quote
from gongkai.ledger.models import Application


def fee_context(
    application: Application,
    deadline: Deadline | None,
    *,
    today: date,
    cal: Calendar,
    staff: bool,
) -> dict[str, Any]:
    """The notice and its state for everyone who may see the application; for the agency's own
    staff also the applicant's other requests (第三十五条) and the per-application quote."""
    fee = fee_state(application, today=today, cal=cal)
    lapsed = (
        deadline is not None
        and deadline.waiting is not None
        and deadline.waiting.reason is WaitReason.FEE
        and application.status == Status.AWAITING_FEE
        and status(deadline, today) is ClockStatus.LAPSED
    )
    context: dict[str, Any] = {"fee": fee, "fee_lapsed": staff and lapsed}
    if not staff:
        return context
    context["applicant"] = history(application)
    if fee is None and Action.SEND_FEE_NOTICE in allowed(application.status_enum):
        try:
            per_application = quote(application, method=FeeMethod.PER_APPLICATION).fee
            context["fee_quote"] = per_application.explain()
        except FeeRefused as exc:
            context["fee_quote"] = [exc.message]
    return context
