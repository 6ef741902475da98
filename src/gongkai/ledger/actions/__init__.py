"""Every change of state in the ledger is one named action here: atomic, keyword-only, taking the
acting user, writing its audit row in the same transaction. Views, admin, CLI and imports all call
these; business rules are never hidden in `save()` or signals."""

from gongkai.ledger.actions.appeal import appeal_decide, appeal_register
from gongkai.ledger.actions.application import (
    application_assign,
    application_close,
    application_end_consultation,
    application_extend,
    application_receive_correction,
    application_receive_fee,
    application_register,
    application_request_correction,
    application_send_fee_notice,
    application_start_consultation,
)
from gongkai.ledger.actions.year import YearLocked, year_lock

__all__ = [
    "YearLocked",
    "appeal_decide",
    "appeal_register",
    "application_assign",
    "application_close",
    "application_end_consultation",
    "application_extend",
    "application_receive_correction",
    "application_receive_fee",
    "application_register",
    "application_request_correction",
    "application_send_fee_notice",
    "application_start_consultation",
    "year_lock",
]
