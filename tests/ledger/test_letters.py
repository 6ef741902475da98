"""Letters on an application: issued from the facts and the agency's template, downloaded by its
own staff only, recorded when sent, and the applicant told."""

from __future__ import annotations

import io
import subprocess
from datetime import date

import docx
import pytest
from django.test import Client

from gongkai.application.outcome import Outcome
from gongkai.ledger import actions
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.letter import LetterRefused, letter_issue, letter_send
from gongkai.ledger.admin import LetterTemplateForm
from gongkai.ledger.models import Letter, LetterTemplateText, OutboxMessage
from gongkai.letters import LetterKind

from .conftest import World


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
    LetterTemplateText.objects.create(
        agency=world.agency,
        kind="granted",
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
    form = LetterTemplateForm(
        {"agency": world.agency.pk, "kind": "granted", "title": "x", "body": "${nonsense}"}
    )
    assert not form.is_valid() and "nonsense" in str(form.errors)


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
