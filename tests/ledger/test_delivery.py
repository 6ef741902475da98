"""The applicant's periods run from the notice's delivery (送达), not from the day it was sent:
补正 (第三十条) and 缴费 (第四十二条, 国办函〔2020〕109号). A request cannot be closed as lapsed
before the period counted from delivery has run; the 补正 period is set per request."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.application.outcome import Outcome
from gongkai.application.status import Status
from gongkai.fees import FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.actions import InvalidRequest
from gongkai.ledger.deadlines import deadline_of
from gongkai.ledger.models import ClockEventKind, StatusChange

from .conftest import World, login


def _close(world: World, app: object, on: date, outcome: Outcome) -> None:
    actions.application_close(actor=world.clerk, application=app, on=on, outcome=outcome)  # type: ignore[arg-type]


def test_no_correction_lapse_before_the_period_from_delivery_has_run(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=app, on=date(2025, 3, 5), working_days=10
    )
    assert app.clock_events.get().working_days == 10
    # Sent on 3-05; without a recorded delivery the period has not begun, however long ago.
    with pytest.raises(InvalidRequest, match="补正告知尚未记录送达"):
        _close(world, app, date(2025, 6, 2), Outcome.OTHER_NO_CORRECTION)
    # Posted, signed for on 3-12: 10 working days from 3-13 end on 3-26 (from sending: 3-19).
    actions.application_deliver_correction_request(
        actor=world.clerk, application=app, on=date(2025, 3, 12), channel="post", signed_by="王伟"
    )
    with pytest.raises(InvalidRequest, match="补正期限至 2025-03-26 才届满"):
        _close(world, app, date(2025, 3, 26), Outcome.OTHER_NO_CORRECTION)
    _close(world, app, date(2025, 3, 27), Outcome.OTHER_NO_CORRECTION)
    app.refresh_from_db()
    assert (app.status, app.outcome) == (Status.CLOSED, "other_no_correction")
    history = StatusChange.objects.get(application=app, action="deliver_correction_request")
    assert history.note == "邮寄送达，王伟签收"


def test_no_fee_lapse_before_the_period_from_delivery_has_run(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_send_fee_notice(
        actor=world.clerk, application=app, on=date(2025, 3, 4), method=FeeMethod.PER_PAGE, pages=40
    )
    with pytest.raises(InvalidRequest, match="收费通知尚未记录送达"):
        _close(world, app, date(2025, 6, 2), Outcome.OTHER_FEE_UNPAID)
    actions.application_deliver_fee_notice(
        actor=world.clerk, application=app, on=date(2025, 3, 11), channel="post", signed_by="王伟"
    )
    # 20 working days from 3-12 (清明 4-04 off) end on 4-09; from sending they ended on 4-01.
    assert deadline_of(app).lapses_on == date(2025, 4, 10)
    with pytest.raises(InvalidRequest, match="缴费期限至 2025-04-09 才届满"):
        _close(world, app, date(2025, 4, 2), Outcome.OTHER_FEE_UNPAID)
    _close(world, app, date(2025, 4, 10), Outcome.OTHER_FEE_UNPAID)


@pytest.mark.parametrize(
    ("on", "channel", "signed_by", "message"),
    [
        (date(2025, 3, 4), "electronic", "", "早于告知补正之日"),
        (date(2025, 3, 6), "post", " ", "须填写签收人"),
        (date(2025, 3, 6), "pigeon", "", "送达方式应为"),
    ],
)
def test_a_delivery_must_be_possible(
    world: World, on: date, channel: str, signed_by: str, message: str
) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(actor=world.clerk, application=app, on=date(2025, 3, 5))
    with pytest.raises(InvalidRequest, match=message):
        actions.application_deliver_correction_request(
            actor=world.clerk, application=app, on=on, channel=channel, signed_by=signed_by
        )
    assert not app.clock_events.filter(kind=ClockEventKind.CORRECTION_DELIVERED).exists()


def test_a_delivery_is_recorded_once(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(actor=world.clerk, application=app, on=date(2025, 3, 5))
    deliver = actions.application_deliver_correction_request
    deliver(actor=world.clerk, application=app, on=date(2025, 3, 6), channel="electronic")
    with pytest.raises(InvalidRequest, match="不能重复记录"):
        deliver(actor=world.clerk, application=app, on=date(2025, 3, 7), channel="electronic")


def test_the_page_offers_delivery_and_the_period_per_request(world: World) -> None:
    app = world.register(received_on=date(2025, 3, 3))
    client = login(world.clerk)
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert 'name="working_days" value="15"' in page  # the agency's default, to be changed
    client.post(
        f"/applications/{app.pk}/request_correction/", {"on": "2025-03-05", "working_days": "5"}
    )
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "补正告知送达申请人" in page and 'name="signed_by"' in page
    assert "补正期限为送达之日起 5 个工作日" in page
    assert "送达前不会视为放弃申请" in page
    client.post(
        f"/applications/{app.pk}/deliver_correction_request/",
        {"on": "2025-03-06", "channel": "in_person", "signed_by": "王伟"},
    )
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "补正期限自次日起算至 2025-03-13" in page
    assert "补正告知送达申请人（补正期限" not in page  # offered once only


def test_a_correction_after_its_period_may_close_as_no_correction(world: World) -> None:
    """第三十条: a correction that arrives after the period counted from delivery, without good
    reason, is treated as no correction; one that was never asked for cannot be."""
    never_asked = world.register(received_on=date(2025, 3, 3))
    with pytest.raises(InvalidRequest, match="只有已告知补正"):
        _close(world, never_asked, date(2025, 4, 1), Outcome.OTHER_NO_CORRECTION)
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=app, on=date(2025, 3, 5), working_days=5
    )
    actions.application_deliver_correction_request(
        actor=world.clerk, application=app, on=date(2025, 3, 5), channel="electronic"
    )
    actions.application_receive_correction(actor=world.clerk, application=app, on=date(2025, 3, 20))
    assert [f.code for f in deadline_of(app).findings] == ["late_correction"]
    _close(world, app, date(2025, 3, 21), Outcome.OTHER_NO_CORRECTION)


def test_the_letter_and_the_step_record_one_delivery(world: World) -> None:
    """The 补正告知书 marked delivered is the notice's delivery, from which the period runs; the
    step recorded first marks the letter delivered; two different dates are refused."""
    from gongkai.ledger.actions.letter import letter_issue, letter_send
    from gongkai.ledger.letter_facts import LetterRefused
    from gongkai.letters import LetterKind

    app = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=app, on=date(2025, 3, 5), working_days=10
    )
    letter = letter_issue(
        actor=world.clerk,
        application=app,
        kind=LetterKind.CORRECTION_REQUEST,
        on=date(2025, 3, 5),
        details="申请内容所指的地块名称",
    )
    with pytest.raises(InvalidRequest, match="须填写签收人"):
        letter_send(actor=world.clerk, letter=letter, on=date(2025, 3, 12), channel="post")
    letter_send(
        actor=world.clerk, letter=letter, on=date(2025, 3, 12), channel="post", signed_by="王伟"
    )
    assert deadline_of(app).waiting is not None
    assert deadline_of(app).waiting.until == date(2025, 3, 26)  # type: ignore[union-attr]
    assert app.clock_events.filter(kind=ClockEventKind.CORRECTION_DELIVERED).count() == 1

    other = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=other, on=date(2025, 3, 5), working_days=10
    )
    second = letter_issue(
        actor=world.clerk,
        application=other,
        kind=LetterKind.CORRECTION_REQUEST,
        on=date(2025, 3, 5),
        details="申请内容所指的地块名称",
    )
    actions.application_deliver_correction_request(
        actor=world.clerk, application=other, on=date(2025, 3, 10), channel="electronic"
    )
    second.refresh_from_db()
    assert second.sent_on == date(2025, 3, 10)
    third = letter_issue(
        actor=world.clerk,
        application=other,
        kind=LetterKind.CORRECTION_REQUEST,
        on=date(2025, 3, 11),
        details="申请内容所指的地块名称",
    )
    with pytest.raises(LetterRefused, match="送达日期应与之一致"):
        letter_send(actor=world.clerk, letter=third, on=date(2025, 3, 12), channel="post")
