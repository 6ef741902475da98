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
    RECEIVE_CORRECTION = "receive_correction"
    START_CONSULTATION = "start_consultation"
    END_CONSULTATION = "end_consultation"
    SEND_FEE_NOTICE = "send_fee_notice"
    RECEIVE_FEE = "receive_fee"
    CLOSE = "close"
    #: Not a transition: the deadline moved because a year's holiday schedule was entered.
    RECOMPUTE_DEADLINE = "recompute_deadline"

    @property
    def label(self) -> str:
        return _ACTION_LABELS[self]


_ACTION_LABELS = {
    Action.REGISTER: "登记",
    Action.REQUEST_CORRECTION: "告知补正",
    Action.RECEIVE_CORRECTION: "收到补正",
    Action.START_CONSULTATION: "征求意见",
    Action.END_CONSULTATION: "征求意见结束",
    Action.SEND_FEE_NOTICE: "发出收费通知",
    Action.RECEIVE_FEE: "收到缴费",
    Action.CLOSE: "办结",
    Action.RECOMPUTE_DEADLINE: "重新计算答复期限",
}

TRANSITIONS: dict[tuple[Status, Action], Status] = {
    (Status.REGISTERED, Action.REQUEST_CORRECTION): Status.AWAITING_CORRECTION,
    (Status.AWAITING_CORRECTION, Action.RECEIVE_CORRECTION): Status.REGISTERED,
    (Status.REGISTERED, Action.START_CONSULTATION): Status.CONSULTING,
    (Status.CONSULTING, Action.END_CONSULTATION): Status.REGISTERED,
    (Status.REGISTERED, Action.SEND_FEE_NOTICE): Status.AWAITING_FEE,
    (Status.AWAITING_FEE, Action.RECEIVE_FEE): Status.REGISTERED,
    # Any open application can be closed: answered, lapsed (no correction, fee unpaid), withdrawn.
    **{(status, Action.CLOSE): Status.CLOSED for status in Status if status.is_open},
}


class TransitionRefused(GongkaiError):
    code = "transition_refused"


def transition(current: Status, action: Action) -> Status:
    """The status after `action`, or TransitionRefused when the table does not allow it."""
    try:
        return TRANSITIONS[(current, action)]
    except KeyError:
        raise TransitionRefused(f"申请处于“{current.label}”状态，不能“{action.label}”") from None
