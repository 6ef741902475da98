"""Letters on an application: issued from the facts and the agency's template, downloaded by its
own staff only, recorded when sent, and the applicant told."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import docx
import pytest
from django.contrib.admin import site
from django.contrib.auth import get_user_model
from django.test import Client, RequestFactory

from gongkai.application.outcome import Outcome
from gongkai.clock.schedule_text import parse_schedule
from gongkai.fees import FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.letter import (
    LetterRefused,
    letter_issue,
    letter_send,
    letter_template_reset,
    letter_template_save,
)
from gongkai.ledger.letter_facts import facts_of
from gongkai.ledger.models import AuditEntry, Letter, LetterTemplateText, OutboxMessage
from gongkai.letters import LetterKind, TemplateError

from .conftest import World, login
from .test_letter_numbers import save_settings


def closed(world: World, outcome: Outcome, on: date = date(2025, 3, 20)) -> object:
    app = world.register(received_on=date(2025, 3, 3))
    return actions.application_close(actor=world.clerk, application=app, on=on, outcome=outcome)


def docx_text(data: bytes) -> str:
    return "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)


def pdf_text(data: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()


def test_denial_letter_carries_the_facts_and_reconsideration_first(world: World) -> None:
    world.agency.reconsideration_body = "示例市人民政府"
    agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 1))
    app = closed(world, Outcome.DENIED_PROCESS_INFORMATION)
    letter = letter_issue(
        actor=world.clerk,
        application=app,
        kind=LetterKind.DENIED_PROCESS_INFORMATION,  # type: ignore[arg-type]
        on=date(2025, 3, 20),
        reasons="所申请信息为讨论记录，属于过程性信息",
    )
    for text in (docx_text(bytes(letter.docx)), pdf_text(bytes(letter.pdf))):
        flat = "".join(text.split())
        assert "王伟" in flat and app.serial in flat  # type: ignore[attr-defined]
        assert "过程性信息" in flat and "示例市人民政府" in flat and "行政复议" in flat


def test_the_kind_must_match_the_outcome(world: World) -> None:
    app = closed(world, Outcome.GRANTED)
    with pytest.raises(LetterRefused, match="与"):
        letter_issue(
            actor=world.clerk,
            application=app,
            kind=LetterKind.REJECTED_DUPLICATE,
            on=date(2025, 3, 20),
        )  # type: ignore[arg-type]


def test_the_agencys_own_template_is_used_and_checked(world: World) -> None:
    letter_template_save(
        actor=world.admin,
        agency=world.agency,
        kind=LetterKind.GRANTED,
        title="政府信息公开答复书",
        body="${applicant}：\n您于 ${received} 提出的申请（${serial}）予以公开。",
    )
    app = closed(world, Outcome.GRANTED)
    letter = letter_issue(
        actor=world.clerk, application=app, kind=LetterKind.GRANTED, on=date(2025, 3, 20)
    )  # type: ignore[arg-type]
    assert (
        letter.title == "政府信息公开答复书"
        and "予以公开" in letter.text
        and "行政复议" in letter.text
    )
    with pytest.raises(TemplateError, match="nonsense"):
        letter_template_save(
            actor=world.admin,
            agency=world.agency,
            kind=LetterKind.GRANTED,
            title="x",
            body="${nonsense}",
        )


def test_templates_change_in_one_place_through_an_audited_action(world: World) -> None:
    """The agency's 「告知书设置」 only: the admin site shows templates, never edits them."""
    with pytest.raises(AccessDenied):
        letter_template_save(
            actor=world.clerk, agency=world.agency, kind=LetterKind.GRANTED, title="t", body="b"
        )
    row = letter_template_save(
        actor=world.admin, agency=world.agency, kind=LetterKind.GRANTED, title="t", body="b"
    )
    entry = AuditEntry.objects.get(action="letter_template_edit")
    assert (entry.user, entry.object_id, entry.details["kind"]) == (
        world.admin,
        str(row.pk),
        "granted",
    )
    model_admin = site._registry[LetterTemplateText]
    request = RequestFactory().get("/")
    request.user = get_user_model().objects.create_superuser("root", password="pw-root")
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, row)
    assert not model_admin.has_delete_permission(request, row)
    letter_template_reset(actor=world.admin, agency=world.agency, kind=LetterKind.GRANTED)
    assert not LetterTemplateText.objects.exists()
    assert AuditEntry.objects.filter(action="letter_template_reset").count() == 1


def test_no_deciding_letter_until_the_reconsideration_body_is_set(world: World) -> None:
    """Never 「本机关的行政复议机关」: the page says to set it, and the letter is not issued."""
    world.agency.reconsideration_body = ""
    agency_save(actor=world.admin, agency=world.agency, on=date(2025, 3, 1))
    app = closed(world, Outcome.GRANTED)
    response = login(world.clerk).post(
        f"/applications/{app.pk}/letters/",  # type: ignore[attr-defined]
        {"kind": "granted", "on": "2025-03-20"},
        follow=True,
    )
    shown = " ".join(str(m) for m in response.context["messages"])
    assert "须写明行政复议机关" in shown and "告知书设置" in shown
    assert not Letter.objects.exists()
    save_settings(world)
    letter = issue_on_page(world, app, LetterKind.GRANTED, "2025-03-20")
    assert "向示例区人民政府申请行政复议" in letter.text
    assert "本机关的行政复议机关" not in letter.text
    assert AuditEntry.objects.filter(action="letter_settings_save").exists()


def test_the_partial_answer_sends_its_withheld_part_to_reconsideration_first(
    world: World,
) -> None:
    """《行政复议法》2023 第二十三条第一款第四项: no direct suit against the part withheld."""
    app = closed(world, Outcome.PARTIALLY_GRANTED)
    letter = issue_on_page(
        world,
        app,
        LetterKind.PARTIALLY_GRANTED,
        "2025-03-20",
        reasons="涉及个人隐私",
        details="被征收人的身份证号码",
    )
    flat = "".join(letter.text.split())
    assert "对其中不予公开部分的决定不服的，应当先申请行政复议" in flat


def test_not_this_agency_says_why_and_an_administrative_query_is_no_refusal(
    world: World,
) -> None:
    app = closed(world, Outcome.UNABLE_NOT_HELD)
    response = login(world.clerk).post(
        f"/applications/{app.pk}/letters/",  # type: ignore[attr-defined]
        {"kind": "unable_not_this_agency", "on": "2025-03-20"},
        follow=True,
    )
    assert "请在“理由”中填写具体理由" in " ".join(str(m) for m in response.context["messages"])
    letter = issue_on_page(
        world,
        app,
        LetterKind.UNABLE_NOT_THIS_AGENCY,
        "2025-03-20",
        reasons="该地块征收由区征收办负责",
        details="示例区房屋征收办公室，电话 010-11111111",
    )
    assert "理由：该地块征收由区征收办负责。" in letter.text
    assert "负责公开该政府信息的行政机关为：示例区房屋征收办公室" in letter.text
    query = closed(world, Outcome.DENIED_ADMINISTRATIVE_QUERY)
    letter = issue_on_page(
        world,
        query,
        LetterKind.DENIED_ADMINISTRATIVE_QUERY,
        "2025-03-20",
        reasons="请向不动产登记机构申请查询",
    )
    assert "不予公开" not in letter.title


def test_sending_records_the_day_and_tells_the_applicant(
    world: World, django_capture_on_commit_callbacks: object
) -> None:
    app = closed(world, Outcome.GRANTED)
    letter = letter_issue(
        actor=world.clerk, application=app, kind=LetterKind.GRANTED, on=date(2025, 3, 20)
    )  # type: ignore[arg-type]
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        letter_send(actor=world.clerk, letter=letter, on=date(2025, 3, 21))
    letter.refresh_from_db()
    assert letter.sent_on == date(2025, 3, 21)
    assert OutboxMessage.objects.filter(application=app, channel="sms").exists()
    with pytest.raises(LetterRefused, match="已于"):
        letter_send(actor=world.clerk, letter=letter, on=date(2025, 3, 22))


def test_letters_through_the_page_and_only_for_own_staff(world: World) -> None:
    app = closed(world, Outcome.GRANTED)
    clerk = Client()
    clerk.force_login(world.clerk)
    page = clerk.get(f"/applications/{app.pk}/").content.decode()  # type: ignore[attr-defined]
    assert "生成告知书" in page
    clerk.post(f"/applications/{app.pk}/letters/", {"kind": "granted", "on": "2025-03-20"})  # type: ignore[attr-defined]
    letter = Letter.objects.get()
    assert clerk.get(f"/letters/{letter.pk}.pdf")["Content-Type"] == "application/pdf"
    assert clerk.get(f"/letters/{letter.pk}.docx").status_code == 200
    for outsider in (world.stranger, world.supervisor):
        other = Client()
        other.force_login(outsider)
        assert other.get(f"/letters/{letter.pk}.pdf").status_code == 404
        assert other.post(f"/letters/{letter.pk}/send/", {"on": "2025-03-21"}).status_code == 404
    clerk.post(f"/letters/{letter.pk}/send/", {"on": "2025-03-21"})
    letter.refresh_from_db()
    assert letter.sent_on == date(2025, 3, 21)
    assert "送达《" in clerk.get(f"/applications/{app.pk}/").content.decode()  # type: ignore[attr-defined]


def issue_on_page(world: World, app: object, kind: LetterKind, on: str, **typed: str) -> Letter:
    """Issue through the application page, as a clerk does; the letter, or the page's error."""
    clerk = login(world.clerk)
    pk = app.pk  # type: ignore[attr-defined]
    response = clerk.post(
        f"/applications/{pk}/letters/", {"kind": kind.value, "on": on, **typed}, follow=True
    )
    letter = Letter.objects.filter(application_id=pk, kind=kind.value).last()
    assert letter is not None, [str(m) for m in response.context["messages"]]
    return letter


def test_the_six_procedure_letters_issue_from_what_the_ledger_holds(world: World) -> None:
    """补正, 延期, 征求意见, 收费 and both 终止处理 letters: their dates and periods come from the
    ledger's clock events and fee notice, the one fact the ledger lacks from the form."""
    asked = world.register(received_on=date(2025, 3, 3))
    actions.application_request_correction(
        actor=world.clerk, application=asked, on=date(2025, 3, 5)
    )
    actions.application_deliver_correction_request(
        actor=world.clerk,
        application=asked,
        on=date(2025, 3, 6),
        channel="in_person",
        signed_by="王伟",
    )
    text = issue_on_page(
        world, asked, LetterKind.CORRECTION_REQUEST, "2025-03-05", details="请写明文件名称"
    ).text
    assert "请写明文件名称。" in text and "自收到本告知书之日起15个工作日内" in text
    actions.application_close(
        actor=world.clerk,
        application=asked,
        on=date(2025, 4, 1),
        outcome=Outcome.OTHER_NO_CORRECTION,
    )
    text = issue_on_page(world, asked, LetterKind.OTHER_NO_CORRECTION, "2025-04-01").text
    assert "于2025年3月27日（含当日）前对申请内容作出补正" in text

    extended = world.register(received_on=date(2025, 3, 3))
    actions.application_extend(
        actor=world.head, application=extended, on=date(2025, 3, 20), working_days=10
    )
    text = issue_on_page(
        world, extended, LetterKind.EXTENSION, "2025-03-20", reasons="需要调取档案"
    ).text
    assert "延长10个工作日，由2025年3月31日（含当日）延长至2025年4月15日（含当日）" in text

    consulted = world.register(received_on=date(2025, 3, 3))
    actions.application_start_consultation(
        actor=world.clerk, application=consulted, on=date(2025, 3, 10), party="third_party"
    )
    letter = issue_on_page(
        world, consulted, LetterKind.CONSULTATION, "2025-03-10", details="某某建设有限公司"
    )
    assert letter.text.startswith("政府信息公开征求第三方意见函")
    assert "某某建设有限公司：" in letter.text and "收到本函之日起15个工作日内" in letter.text

    charged = world.register(received_on=date(2025, 3, 3))
    actions.application_send_fee_notice(
        actor=world.clerk,
        application=charged,
        on=date(2025, 3, 10),
        method=FeeMethod.PER_PAGE,
        pages=101,
    )
    actions.application_deliver_fee_notice(
        actor=world.clerk,
        application=charged,
        on=date(2025, 3, 11),
        channel="in_person",
        signed_by="王伟",
    )
    text = issue_on_page(
        world, charged, LetterKind.FEE_NOTICE, "2025-03-10", details="到本机关政务服务窗口缴纳"
    ).text
    assert "金额：720 元" in text and "自收到本通知书之日起20个工作日内" in text
    assert "到本机关政务服务窗口缴纳" in text
    actions.application_close(
        actor=world.clerk,
        application=charged,
        on=date(2025, 4, 10),
        outcome=Outcome.OTHER_FEE_UNPAID,
    )
    text = issue_on_page(world, charged, LetterKind.OTHER_FEE_UNPAID, "2025-04-10").text
    assert "在2025年4月9日（含当日）前缴纳信息处理费720 元" in text


def test_an_extension_in_december_states_its_dates_as_provisional(world: World) -> None:
    """The extension must be told within the period (第三十三条第二款), so in December a letter
    counting into 2027, which has no schedule built in, issues with its dates marked provisional
    (issue 12); once 2027 is entered the dates are plain."""
    app = world.register(received_on=date(2026, 12, 14))
    actions.application_extend(
        actor=world.head, application=app, on=date(2026, 12, 28), working_days=20
    )
    letter = letter_issue(
        actor=world.clerk,
        application=app,
        kind=LetterKind.EXTENSION,
        on=date(2026, 12, 28),
        reasons="需要调取档案",
    )
    marked = "（含当日；2027年放假安排公布前暂按周末和元旦推算，公布后以重新计算的日期为准）"
    assert letter.text.count(marked) == 2  # the original and the extended deadline
    root = get_user_model().objects.create_superuser("root", password="pw-root")
    actions.holiday_schedule_save(
        actor=root, schedule=parse_schedule(2027, "1月1日放假"), on=date(2026, 12, 28)
    )
    again = letter_issue(
        actor=world.clerk,
        application=app,
        kind=LetterKind.EXTENSION,
        on=date(2026, 12, 29),
        reasons="需要调取档案",
    )
    assert "延长至2027年" in again.text and "暂按周末和元旦推算" not in again.text


def test_a_lapse_is_not_decided_on_a_provisional_count(world: World) -> None:
    """逾期不补正 states the applicant's last day: never one counted through a year without a
    schedule, since the real schedule could make the period longer."""
    app = world.register(received_on=date(2026, 12, 14))
    actions.application_request_correction(
        actor=world.clerk, application=app, on=date(2026, 12, 15), working_days=15
    )
    actions.application_deliver_correction_request(
        actor=world.clerk, application=app, on=date(2026, 12, 16), channel="electronic"
    )
    with pytest.raises(LetterRefused, match="2027年的节假日安排尚未录入"):
        facts_of(app, kind=LetterKind.OTHER_NO_CORRECTION, on=date(2027, 2, 1))


def test_the_pages_default_letter_for_an_open_application_issues(world: World) -> None:
    """The 补正告知书 is offered first for a new application, and issues with what it needs."""
    app = world.register(received_on=date(2025, 3, 3))
    page = login(world.clerk).get(f"/applications/{app.pk}/").content.decode()
    assert '<option value="correction_request" selected>' in page
    letter = issue_on_page(
        world, app, LetterKind.CORRECTION_REQUEST, "2025-03-04", details="请写明文件的名称或文号"
    )
    assert "请自收到本告知书之日起15个工作日内将补正后的申请提交本机关" in letter.text
