"""Every change of state in the ledger is one named action here: atomic, keyword-only, taking the
acting user, writing its audit row in the same transaction. Views, admin, CLI and imports all call
these; business rules are never hidden in `save()` or signals."""

from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.appeal import appeal_decide, appeal_register
from gongkai.ledger.actions.application import (
    application_assign,
    application_close,
    application_register,
)
from gongkai.ledger.actions.calendar import holiday_schedule_save
from gongkai.ledger.actions.catalogue import catalogue_add, catalogue_publish
from gongkai.ledger.actions.clock import (
    application_deliver_correction_request,
    application_end_consultation,
    application_extend,
    application_receive_correction,
    application_request_correction,
    application_start_consultation,
)
from gongkai.ledger.actions.fee import (
    application_deliver_fee_notice,
    application_receive_fee,
    application_send_fee_notice,
)
from gongkai.ledger.actions.proactive import proactive_counts_set
from gongkai.ledger.actions.prose import report_prose_save
from gongkai.ledger.actions.steps import InvalidRequest
from gongkai.ledger.actions.year import YearLocked, year_lock

__all__ = [
    "InvalidRequest",
    "YearLocked",
    "agency_save",
    "appeal_decide",
    "appeal_register",
    "application_assign",
    "application_close",
    "application_deliver_correction_request",
    "application_deliver_fee_notice",
    "application_end_consultation",
    "application_extend",
    "application_receive_correction",
    "application_receive_fee",
    "application_register",
    "application_request_correction",
    "application_send_fee_notice",
    "application_start_consultation",
    "catalogue_add",
    "catalogue_publish",
    "holiday_schedule_save",
    "proactive_counts_set",
    "report_prose_save",
    "year_lock",
]
