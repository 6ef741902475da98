"""The processing fee (第四十二条, 国办函〔2020〕109号): notices computed by one method from the
ledger's own counts, payment, and the lapse closed as 「逾期未缴纳信息处理费」."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from gongkai.application.outcome import Outcome
from gongkai.application.status import Status, TransitionRefused
from gongkai.fees import FeeError, FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.applicant import history, nth_in_month
from gongkai.ledger.fee import FeeRefused
from gongkai.ledger.models import Application, AuditEntry, FeeNotice, ReportCorrection
from gongkai.report.grid import Edition

from .conftest import World, login

MARCH = date(2025, 3, 3)
ID = "110101198001011232"


def _month_of_requests(world: World, n: int, *, id_number: str = ID) -> list[Application]:
    """n applications of one applicant, all received in March 2025 (several on one day)."""
    return [
        world.register(received_on=date(2025, 3, 3 + i // 4), id_number=id_number) for i in range(n)
    ]


def _notice(
    world: World, app: Application, *, on: date = date(2025, 3, 10), **kw: object
) -> FeeNotice:
    kw.setdefault("method", FeeMethod.PER_PAGE)
    actions.application_send_fee_notice(actor=world.clerk, application=app, on=on, **kw)  # type: ignore[arg-type]
    # Delivered electronically the same day: the payment period runs from the next day.
    actions.application_deliver_fee_notice(
        actor=world.clerk,
        application=app,
        on=on,
        channel="electronic",
        correction_reason=str(kw.get("correction_reason", "")),
    )
    return FeeNotice.objects.get(application=app)


def test_per_application_counts_the_same_identity_in_the_month(world: World) -> None:
    apps = _month_of_requests(world, 31)
    world.register(received_on=MARCH, id_number="32010219900101111X")  # someone else
    world.register(received_on=date(2025, 4, 1), id_number=ID)  # the same person, next month
    world.register(received_on=date(2025, 3, 31), id_number=f" {ID} ")  # same, spelt loosely
    assert [nth_in_month(a) for a in apps[:3]] == [1, 2, 3]
    assert nth_in_month(apps[-1]) == 31

    eleventh = _notice(world, apps[10], method=FeeMethod.PER_APPLICATION)
    assert (eleventh.method, eleventh.nth_in_month, eleventh.pages) == ("per_application", 11, None)
    assert eleventh.amount == Decimal(100)
    assert "本月第 11 件申请，属第 11–30 件档，每件 100 元" in eleventh.breakdown

    thirty_first = _notice(world, apps[30], method=FeeMethod.PER_APPLICATION)
    assert thirty_first.amount == Decimal(200) and thirty_first.nth_in_month == 31
    assert "本月第 31 件申请，属第 31–40 件档，每件 200 元" in thirty_first.breakdown

    summary = history(apps[30])
    assert (summary.others, summary.in_month, summary.nth_in_month) == (32, 32, 31)


def test_per_page_fees(world: World) -> None:
    expected = {31: Decimal(10), 101: Decimal(720), 201: Decimal(2740)}
    for pages, amount in expected.items():
        notice = _notice(world, world.register(received_on=MARCH), pages=pages)
        assert (notice.method, notice.pages, notice.nth_in_month) == ("per_page", pages, None)
        assert notice.amount == amount, pages
    assert "第 201 页：1 页 × 40 元 = 40 元" in notice.breakdown
    assert notice.breakdown[-1] == "合计 2,740 元"


@pytest.mark.parametrize(
    ("method", "pages", "n"),
    [
        (FeeMethod.PER_PAGE, 30, 1),
        (FeeMethod.PER_PAGE, 0, 1),
        (FeeMethod.PER_APPLICATION, None, 10),
    ],
)
def test_a_free_request_gets_no_notice(
    world: World, method: FeeMethod, pages: int | None, n: int
) -> None:
    app = _month_of_requests(world, n)[-1]
    with pytest.raises(actions.InvalidRequest, match=r"应收金额为 0.*无需发出收费通知"):
        _notice(world, app, method=method, pages=pages)
    app.refresh_from_db()
    assert app.status == Status.REGISTERED and not FeeNotice.objects.exists()
    assert not app.clock_events.exists()


def test_never_both_methods_and_an_identity_is_needed_to_count(world: World) -> None:
    app = _month_of_requests(world, 12)[-1]
    with pytest.raises(FeeError, match="只能选择一种计收方式"):
        _notice(world, app, method=FeeMethod.PER_APPLICATION, pages=50)
    with pytest.raises(FeeRefused, match="须填写页数"):
        _notice(world, app, method=FeeMethod.PER_PAGE)
    anonymous = world.register(received_on=MARCH, id_number="")
    with pytest.raises(FeeRefused, match="未登记身份证件号码"):
        _notice(world, anonymous, method=FeeMethod.PER_APPLICATION)
    assert not FeeNotice.objects.exists()


def test_payment_restarts_the_clock_and_is_recorded_once(world: World) -> None:
    app = world.register(received_on=MARCH)
    before = app.due_on
    notice = _notice(world, app, on=date(2025, 3, 5), pages=101)
    app.refresh_from_db()
    assert app.status == Status.AWAITING_FEE and app.due_on is None  # the clock waits
    with pytest.raises(actions.InvalidRequest, match="早于收费通知发出之日"):
        actions.application_receive_fee(actor=world.clerk, application=app, on=date(2025, 3, 4))
    actions.application_receive_fee(actor=world.clerk, application=app, on=date(2025, 3, 12))
    notice.refresh_from_db()
    app.refresh_from_db()
    assert notice.paid_on == date(2025, 3, 12) and notice.lapsed_on is None
    assert app.status == Status.REGISTERED
    assert before is not None and app.due_on is not None and app.due_on > before  # paused
    with pytest.raises(TransitionRefused):
        actions.application_receive_fee(actor=world.clerk, application=app, on=date(2025, 3, 13))
    with pytest.raises(actions.InvalidRequest, match="只能发出一次"):
        _notice(world, app, pages=300)
    sent = AuditEntry.objects.get(action="application_send_fee_notice")
    assert sent.details == {"on": "2025-03-05", "method": "per_page", "amount": "720"}
    assert ID not in str(list(AuditEntry.objects.values_list("details", flat=True)))


def test_lapse_is_closed_as_fee_unpaid_and_counted(world: World) -> None:
    app = world.register(received_on=MARCH)
    _notice(world, app, on=date(2025, 3, 4), pages=40)
    # 20 working days from the day after 2025-03-04: the last day to pay is 2025-04-01.
    with pytest.raises(actions.InvalidRequest, match="缴费期限至 2025-04-01 才届满"):
        actions.application_close(
            actor=world.clerk,
            application=app,
            on=date(2025, 4, 1),
            outcome=Outcome.OTHER_FEE_UNPAID,
        )
    actions.application_close(
        actor=world.clerk, application=app, on=date(2025, 4, 2), outcome=Outcome.OTHER_FEE_UNPAID
    )
    app.refresh_from_db()
    assert (app.status, app.outcome) == (Status.CLOSED, "other_fee_unpaid")
    assert FeeNotice.objects.get(application=app).lapsed_on == date(2025, 4, 2)
    report = ledger_report(world.agency, 2025)
    assert report.requests["other_fee_unpaid"]["natural_person"] == 1
    assert report.requests["other_fee_unpaid"]["total"] == 1
    assert ledger_report(world.agency, 2025, Edition.E2019).requests["other"]["total"] == 1


def test_fee_unpaid_needs_an_unpaid_notice(world: World) -> None:
    never_charged = world.register(received_on=MARCH)
    paid = world.register(received_on=MARCH)
    _notice(world, paid, on=date(2025, 3, 4), pages=40)
    actions.application_receive_fee(actor=world.clerk, application=paid, on=date(2025, 3, 6))
    for app in (never_charged, paid):
        with pytest.raises(actions.InvalidRequest, match="尚未缴费的申请"):
            actions.application_close(
                actor=world.clerk,
                application=app,
                on=date(2025, 6, 2),
                outcome=Outcome.OTHER_FEE_UNPAID,
            )


def test_payment_period_is_the_agency_setting(world: World) -> None:
    world.agency.fee_payment_working_days = 10
    actions.agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 1))
    app = world.register(received_on=MARCH)
    _notice(world, app, on=date(2025, 3, 4), pages=40)
    # 10 working days after 2025-03-04: 2025-03-18.
    actions.application_close(
        actor=world.clerk, application=app, on=date(2025, 3, 19), outcome=Outcome.OTHER_FEE_UNPAID
    )


def test_outsiders_cannot_charge(world: World) -> None:
    app = world.register(received_on=MARCH)
    for outsider in (world.stranger, world.supervisor):
        with pytest.raises(AccessDenied):
            actions.application_send_fee_notice(
                actor=outsider,
                application=app,
                on=date(2025, 3, 5),
                method=FeeMethod.PER_PAGE,
                pages=99,
            )
    _notice(world, app, on=date(2025, 3, 5), pages=99)
    for outsider in (world.stranger, world.supervisor):
        with pytest.raises(AccessDenied):
            actions.application_receive_fee(actor=outsider, application=app, on=date(2025, 3, 6))
    assert FeeNotice.objects.get().paid_on is None


def test_locked_year_needs_a_reason(world: World) -> None:
    app = world.register(received_on=date(2025, 12, 1))
    world.lock(2025)
    with pytest.raises(actions.YearLocked):
        _notice(world, app, on=date(2025, 12, 2), pages=40)
    _notice(world, app, on=date(2025, 12, 2), pages=40, correction_reason="补录收费通知")
    # The notice and its delivery: each change to the locked year is recorded with the reason.
    assert {c.reason for c in ReportCorrection.objects.all()} == {"补录收费通知"}


# --- through the pages ----------------------------------------------------------------------


def test_fee_form_and_notice_on_the_page(world: World, settings: Any) -> None:
    settings.GONGKAI_TODAY = date(2025, 3, 13)
    apps = _month_of_requests(world, 11)
    app = apps[-1]
    client = login(world.clerk)
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "本机关另有 10 件" in page and "本件为第 11 件" in page
    assert "本月第 11 件申请，属第 11–30 件档，每件 100 元" in page  # the quote
    assert 'name="method"' in page and "按量计收" in page and 'name="pages"' in page
    assert '<label for="send_fee_notice-pages">' in page  # every control has its own label
    assert 'type="date" name="on" value="2025-03-13"' in page  # ISO, as type=date needs

    response = client.post(
        f"/applications/{app.pk}/send_fee_notice/",
        {"on": "2025-03-12", "method": "per_page", "pages": "101"},
        follow=True,
    )
    page = response.content.decode()
    assert FeeNotice.objects.get(application=app).amount == Decimal(720)
    assert "720 元" in page and "第 101 页：1 页 × 20 元 = 20 元" in page
    assert "收费通知尚未记录送达，缴费期限自送达申请人次日起计算" in page
    response = client.post(
        f"/applications/{app.pk}/deliver_fee_notice/",
        {"on": "2025-03-12", "channel": "in_person", "signed_by": "王伟"},
        follow=True,
    )
    page = response.content.decode()
    assert "2025-03-12（直接送达，王伟签收）" in page
    assert "待缴费，缴费期限至 2025-04-10" in page  # 清明 2025-04-04 is not counted
    assert 'name="method"' not in page  # one notice only


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"method": "per_page"}, "按量计收须填写页数"),
        ({"method": "per_application", "pages": "40"}, "不能同时按件和按量计收"),
        ({"method": "per_page", "pages": "30"}, "无需发出收费通知"),
        ({"method": "per_application"}, "无需发出收费通知"),
    ],
)
def test_refused_notices_are_explained(world: World, data: dict[str, str], message: str) -> None:
    app = world.register(received_on=MARCH)
    response = login(world.clerk).post(
        f"/applications/{app.pk}/send_fee_notice/", {"on": "2025-03-12", **data}, follow=True
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert not FeeNotice.objects.exists()


def test_lapse_is_offered_when_the_clock_says_so(world: World, settings: Any) -> None:
    app = world.register(received_on=MARCH)
    _notice(world, app, on=date(2025, 3, 4), pages=40)
    client = login(world.clerk)
    settings.GONGKAI_TODAY = date(2025, 4, 1)
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "待缴费，缴费期限至 2025-04-01" in page and "逾期未缴纳信息处理费”办结" not in page
    settings.GONGKAI_TODAY = date(2025, 4, 2)
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "缴费期限已于 2025-04-01 届满" in page
    assert "按“其他处理：申请人逾期未缴纳信息处理费”办结" in page
    client.post(
        f"/applications/{app.pk}/close/", {"on": "2025-04-02", "outcome": "other_fee_unpaid"}
    )
    app.refresh_from_db()
    assert (app.status, app.outcome) == (Status.CLOSED, "other_fee_unpaid")
    page = client.get(f"/applications/{app.pk}/").content.decode()
    assert "逾期未缴费，视为放弃申请，已于 2025-04-02 办结" in page


def test_outsiders_see_no_counts_and_change_nothing(world: World) -> None:
    app = _month_of_requests(world, 12)[-1]
    supervisor = login(world.supervisor)
    page = supervisor.get(f"/applications/{app.pk}/").content.decode()
    assert app.serial in page
    assert "同一申请人" not in page and "本机关另有" not in page and ID not in page
    assert 'name="method"' not in page and "按件计收试算" not in page
    response = supervisor.post(
        f"/applications/{app.pk}/send_fee_notice/",
        {"on": "2025-03-12", "method": "per_application"},
        follow=True,
    )
    assert "只有示例区人民政府办公室的" in response.content.decode()
    stranger = login(world.stranger)
    assert stranger.get(f"/applications/{app.pk}/").status_code == 404
    response = stranger.post(
        f"/applications/{app.pk}/send_fee_notice/",
        {"on": "2025-03-12", "method": "per_application"},
    )
    assert response.status_code == 404
    assert not FeeNotice.objects.exists()
