"""The status of an application: one enum, one transition table.

Every change of status goes through `transition()`, which refuses a move the table does not allow;
the ledger records each move as a history row.
"""

from __future__ import annotations

import enum

from gongkai.errors import GongkaiError


class Status(enum.StrEnum):
    REGISTERED = "registered"  # 已登记，办理中
    AWAITING_CORRECTION = "awaiting_correction"  # 已告知补正，等待申请人补正（第三十条）
    CONSULTING = "consulting"  # 征求第三方或其他机关意见中（第三十二、三十四条）
    AWAITING_FEE = "awaiting_fee"  # 已发出收费通知，等待缴费（第四十二条）
    CLOSED = "closed"  # 已办结（有且只有一个办理结果）

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def is_open(self) -> bool:
        return self is not Status.CLOSED


_LABELS = {
    Status.REGISTERED: "办理中",
    Status.AWAITING_CORRECTION: "待补正",
    Status.CONSULTING: "征求意见中",
    Status.AWAITING_FEE: "待缴费",
    Status.CLOSED: "已办结",
}


class Action(enum.StrEnum):
    """The named actions that change an application's status (registration creates it)."""

    REGISTER = "register"
    REQUEST_CORRECTION = "request_correction"
    DELIVER_CORRECTION_REQUEST = "deliver_correction_request"
    RECEIVE_CORRECTION = "receive_correction"
    START_CONSULTATION = "start_consultation"
    END_CONSULTATION = "end_consultation"
    SEND_FEE_NOTICE = "send_fee_notice"
    DELIVER_FEE_NOTICE = "deliver_fee_notice"
    RECEIVE_FEE = "receive_fee"
    EXTEND = "extend"
    CLOSE = "close"
    #: Not a transition: the deadline moved because a year's holiday schedule was entered.
    RECOMPUTE_DEADLINE = "recompute_deadline"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.REGISTER: "登记",
    Action.REQUEST_CORRECTION: "告知补正",
    Action.DELIVER_CORRECTION_REQUEST: "补正告知送达",
    Action.RECEIVE_CORRECTION: "收到补正",
    Action.START_CONSULTATION: "征求意见",
    Action.END_CONSULTATION: "征求意见结束",
    Action.SEND_FEE_NOTICE: "发出收费通知",
    Action.DELIVER_FEE_NOTICE: "收费通知送达",
    Action.RECEIVE_FEE: "收到缴费",
    Action.EXTEND: "延长答复期限",
    Action.CLOSE: "办结",
    Action.RECOMPUTE_DEADLINE: "重新计算答复期限",
}

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.REGISTERED, Action.REQUEST_CORRECTION): Status.AWAITING_CORRECTION,
    # The applicant's period runs from delivery (送达); the status stays while it runs.
    (Status.AWAITING_CORRECTION, Action.DELIVER_CORRECTION_REQUEST): Status.AWAITING_CORRECTION,
    (Status.AWAITING_CORRECTION, Action.RECEIVE_CORRECTION): Status.REGISTERED,
    (Status.REGISTERED, Action.START_CONSULTATION): Status.CONSULTING,
    (Status.CONSULTING, Action.END_CONSULTATION): Status.REGISTERED,
    (Status.REGISTERED, Action.SEND_FEE_NOTICE): Status.AWAITING_FEE,
    (Status.AWAITING_FEE, Action.DELIVER_FEE_NOTICE): Status.AWAITING_FEE,
    (Status.AWAITING_FEE, Action.RECEIVE_FEE): Status.REGISTERED,
    # 第三十三条第二款: an open application's answer period may be extended (once; the action
    # checks the rest); the status does not change.
    **{(status, Action.EXTEND): status for status in Status if status.is_open},
    # Any open application can be closed: answered, lapsed (no correction, fee unpaid), withdrawn.
    **{(status, Action.CLOSE): Status.CLOSED for status in Status if status.is_open},
}


class TransitionRefused(GongkaiError):
    code = "transition_refused"


def allowed(current: Status) -> list[Action]:
    """The actions the table allows from `current`, in the order of `Action`: what a page offers."""
    return [action for action in Action if (current, action) in TRANSITIONS]


def transition(current: Status, action: Action) -> Status:
    """The status after `action`, or TransitionRefused when the table does not allow it."""
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        raise TransitionRefused(f"申请处于“{current.label}”状态，不能“{action.label}”") from None
