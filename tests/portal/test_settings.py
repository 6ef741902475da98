"""The agency administrator's settings: scoped to its own agency, validated, audited."""

from __future__ import annotations

from datetime import date

from django.test import Client

from gongkai.application.outcome import Outcome
from gongkai.ledger import actions
from gongkai.ledger.actions.letter import letter_issue
from gongkai.ledger.models import AuditEntry, LetterTemplateText
from gongkai.letters import LetterKind
from gongkai.portal.models import Guide

from .conftest import World


def as_user(user: object) -> Client:
    client = Client()
    client.force_login(user)  # type: ignore[arg-type]
    return client


def test_only_the_agencys_administrator_edits_its_guide(world: World) -> None:
    url = f"/settings/guide/?agency={world.agency.pk}"
    for outsider in (world.clerk, world.head, world.supervisor, world.stranger):
        assert as_user(outsider).get(url).status_code == 404
    admin = as_user(world.admin)
    assert admin.get(url).status_code == 200
    admin.post(
        url,
        {
            "address": "示例区人民路 1 号",
            "phone": "010-12345678",
            "how_to_apply": "可通过本网站在线申请。",
        },
    )
    assert Guide.objects.get(agency=world.agency).phone == "010-12345678"
    assert AuditEntry.objects.filter(action="guide_edit", user=world.admin).exists()
    public = Client().get(f"/open/{world.agency.pk}/").content.decode()
    assert "010-12345678" in public and "可通过本网站在线申请。" in public


def test_letter_templates_are_validated_used_and_reset(world: World) -> None:
    admin = as_user(world.admin)
    url = f"/settings/letters/granted/?agency={world.agency.pk}"
    page = admin.get(url).content.decode()
    assert "${applicant}" in page  # the default wording to start from, and the placeholder list
    bad = admin.post(url, {"title": "答复书", "body": "${nonsense}"})
    assert "nonsense" in bad.content.decode() and not LetterTemplateText.objects.exists()
    admin.post(
        url,
        {"title": "政府信息公开答复书", "body": "${applicant}：\n您的申请（${serial}）予以公开。"},
    )
    app = world.register(received_on=date(2025, 3, 3))
    actions.application_close(
        actor=world.clerk, application=app, on=date(2025, 3, 10), outcome=Outcome.GRANTED
    )
    letter = letter_issue(
        actor=world.clerk, application=app, kind=LetterKind.GRANTED, on=date(2025, 3, 10)
    )
    assert letter.title == "政府信息公开答复书"
    admin.post(url, {"title": "x", "body": "y", "reset": "1"})
    assert not LetterTemplateText.objects.exists()
    assert (
        as_user(world.stranger).get(f"/settings/letters/?agency={world.agency.pk}").status_code
        == 404
    )


def test_letter_settings_are_saved_through_the_page_and_audited(world: World) -> None:
    admin = as_user(world.admin)
    url = f"/settings/letters/?agency={world.agency.pk}"
    assert "告知书文号格式" in admin.get(url).content.decode()
    bad = admin.post(url, {"letter_number_pattern": "示政告第{serial}号"})
    assert "{year}" in bad.content.decode()
    admin.post(
        url,
        {
            "reconsideration_body": "示例区人民政府",
            "court": "示例市示例区人民法院",
            "fee_payment_instructions": "到本机关政务服务窗口缴纳",
            "letter_number_pattern": "示政告〔{year}〕第{serial}号",
            "pattern_correction_request": "示政补〔{year}〕{serial}号",
        },
    )
    world.agency.refresh_from_db()
    assert world.agency.court == "示例市示例区人民法院"
    assert world.agency.letter_number_pattern == "示政告〔{year}〕第{serial}号"
    assert AuditEntry.objects.filter(action="letter_settings_save", user=world.admin).exists()
    assert as_user(world.clerk).post(url, {"letter_number_pattern": "x"}).status_code == 404
    app = world.register(received_on=date(2025, 3, 3))
    letter = letter_issue(
        actor=world.clerk,
        application=app,
        kind=LetterKind.CORRECTION_REQUEST,
        on=date(2025, 3, 4),
        details="写明文号",
    )
    assert letter.number == "示政补〔2025〕1号"
