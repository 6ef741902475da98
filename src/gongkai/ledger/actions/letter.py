"""Letters (告知书): issued from the application's facts and the agency's template, then sent.

Issuing keeps the letter exactly as written (DOCX and PDF); sending records the day it went out
on the application's timeline and tells the applicant. A letter that decides something carries
the remedy sentence (gongkai.letters.remedy).
"""

from __future__ import annotations

from datetime import date

from django.db import transaction

from gongkai.errors import GongkaiError
from gongkai.fees import Fee, FeeMethod
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.models import Application, ClockEventKind, Letter, LetterTemplateText
from gongkai.ledger.notify import notify_applicant
from gongkai.ledger.writes import action
from gongkai.letters import Agency as LetterAgency
from gongkai.letters import (
    LetterFacts,
    LetterKind,
    LetterTemplate,
    letter_docx,
    letter_pdf,
    render_letter,
)


class LetterRefused(GongkaiError):
    code = "letter_refused"


def facts_of(
    application: Application, *, on: date, reasons: str = "", details: str = "", kind: LetterKind
) -> LetterFacts:
    """What the letter needs, from the ledger; `details` is the one free fact the kind asks for."""
    agency = application.agency
    extension = application.clock_events.filter(kind=ClockEventKind.EXTENSION).first()
    fee_notice = getattr(application, "fee_notice", None)
    fee = None
    if fee_notice is not None:
        fee = Fee(FeeMethod(fee_notice.method), fee_notice.amount, tuple(fee_notice.breakdown))
    free = {
        LetterKind.GRANTED_PUBLISHED: "published_at",
        LetterKind.PARTIALLY_GRANTED: "withheld",
        LetterKind.UNABLE_NOT_THIS_AGENCY: "responsible_agency",
        LetterKind.CORRECTION_REQUEST: "correction",
        LetterKind.CONSULTATION: "third_party",
        LetterKind.CONSULTATION_NOTICE: "third_party",
    }
    extra = {free[kind]: details} if kind in free and details else {}
    return LetterFacts(
        agency=LetterAgency(
            name=agency.name,
            address=agency.address,
            phone=agency.phone,
            reconsideration_body=agency.reconsideration_body or "本机关的行政复议机关",
            court=agency.court or "有管辖权的人民法院",
        ),
        applicant=application.applicant_name,
        serial=application.serial,
        received=application.received_on,
        information=application.description,
        letter_date=on,
        reasons=reasons,
        extension_days=extension.working_days if extension else None,
        new_deadline=application.due_on if extension else None,
        fee=fee,
        **extra,  # type: ignore[arg-type]
    )


@action
def letter_issue(
    *,
    actor: Actor,
    application: Application,
    kind: LetterKind,
    on: date,
    reasons: str = "",
    details: str = "",
) -> Letter:
    require_role(actor, application.agency, *STAFF_ROLES)
    if (
        kind.outcome is not None
        and application.outcome
        and kind.outcome.value != application.outcome
    ):
        raise LetterRefused(
            f"该申请的办理结果是“{application.get_outcome_display()}”，与“{kind.default_title}”不符"
        )
    row = LetterTemplateText.objects.filter(agency=application.agency, kind=kind.value).first()
    template = LetterTemplate(title=row.title, body=row.body) if row else None
    written = render_letter(
        kind, facts_of(application, on=on, reasons=reasons, details=details, kind=kind), template
    )
    letter = Letter.objects.create(
        application=application,
        kind=kind.value,
        title=written.title,
        dated_on=on,
        text=written.text,
        docx=letter_docx(written),
        pdf=letter_pdf(written),
        created_by=actor,
    )
    audit(
        actor=actor, agency=application.agency, action="letter_issue", obj=letter, kind=kind.value
    )
    return letter


@action
def letter_send(*, actor: Actor, letter: Letter, on: date) -> Letter:
    letter = (
        Letter.objects.select_for_update().select_related("application__agency").get(pk=letter.pk)
    )
    application = letter.application
    require_role(actor, application.agency, *STAFF_ROLES)
    if letter.sent_on is not None:
        raise LetterRefused(f"“{letter.title}”已于 {letter.sent_on} 送达")
    if on < letter.dated_on:
        raise LetterRefused(f"送达日期不能早于落款日期 {letter.dated_on}")
    letter.sent_on = on
    letter.save(update_fields=["sent_on"])
    audit(actor=actor, agency=application.agency, action="letter_send", obj=letter, on=on)
    transaction.on_commit(
        lambda: notify_applicant(
            application,
            subject=f"{application.agency.name}：{letter.title}",
            body=f"您的政府信息公开申请（登记号 {application.serial}）有新的{letter.title}，已于 {on} 送达。",
        )
    )
    return letter
