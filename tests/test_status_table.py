"""The transition table: the one place that knows which step follows which; pages ask it."""

from __future__ import annotations

import pytest

from gongkai.application.status import Action, Status, TransitionRefused, allowed, transition


def test_what_each_status_allows() -> None:
    assert allowed(Status.REGISTERED) == [
        Action.REQUEST_CORRECTION,
        Action.START_CONSULTATION,
        Action.SEND_FEE_NOTICE,
        Action.EXTEND,
        Action.CLOSE,
    ]
    assert allowed(Status.AWAITING_CORRECTION) == [
        Action.DELIVER_CORRECTION_REQUEST,
        Action.RECEIVE_CORRECTION,
        Action.EXTEND,
        Action.CLOSE,
    ]
    assert allowed(Status.AWAITING_FEE) == [
        Action.DELIVER_FEE_NOTICE,
        Action.RECEIVE_FEE,
        Action.EXTEND,
        Action.CLOSE,
    ]
    assert allowed(Status.CLOSED) == []


def test_a_delivery_or_an_extension_keeps_the_status() -> None:
    assert transition(Status.AWAITING_FEE, Action.DELIVER_FEE_NOTICE) is Status.AWAITING_FEE
    assert transition(Status.CONSULTING, Action.EXTEND) is Status.CONSULTING
    with pytest.raises(TransitionRefused, match="不能“延长答复期限”"):
        transition(Status.CLOSED, Action.EXTEND)
    with pytest.raises(TransitionRefused):
        transition(Status.REGISTERED, Action.DELIVER_CORRECTION_REQUEST)
