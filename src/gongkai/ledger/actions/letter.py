"""Letters (告知书): issued from what the ledger holds (`ledger.letter_facts`) and the agency's
template, numbered, then sent; and the agency's templates and letter settings, changed only here.

Issuing keeps the letter exactly as written (DOCX and PDF) under the agency's next number of the
year for its pattern: the number is taken in the issuing transaction, so a letter that fails
takes none and the numbers have no gaps. Sending records the day it went out and tells the
applicant. A letter that decides something carries the remedy sentence (gongkai.letters.remedy).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from django.db import transaction

from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.clock import NOTICE_LETTERS, deliver
from gongkai.ledger.actions.counter import next_serial
from gongkai.ledger.actions.steps import locked
from gongkai.ledger.deadlines import delivery_of
from gongkai.ledger.letter_facts import LetterRefused, facts_of
from gongkai.ledger.models import (
    Agency,
    Application,
    ClockEventKind,
    Letter,
    LetterCounter,
    LetterNumbering,
    LetterTemplateText,
    Role,
)
from gongkai.ledger.notify import notify_applicant
from gongkai.ledger.writes import action
from gongkai.letters import (
    LetterKind,
    LetterTemplate,
    check_template,
    letter_docx,
    letter_number,
    letter_pdf,
    number_pattern_problem,
    render_letter,
)

__all__ = [
    "LetterRefused",
    "letter_issue",
    "letter_send",
    "letter_settings_save",
    "letter_template_reset",
    "letter_template_save",
]


def number_pattern(agency: Agency, kind: LetterKind) -> str:
    own = LetterNumbering.objects.filter(agency=agency, kind=kind.value).first()
    return own.pattern if own else agency.letter_number_pattern


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
    application = Application.objects.select_related("agency").get(pk=application.pk)
    require_role(actor, application.agency, *STAFF_ROLES)
    if (
        kind.outcome is not None
        and application.outcome
        and kind.outcome.value != application.outcome
    ):
        raise LetterRefused(
            f"该申请的办理结果是“{application.get_outcome_display()}”，与“{kind.label}”不符"
        )
    row = LetterTemplateText.objects.filter(agency=application.agency, kind=kind.value).first()
    template = LetterTemplate(title=row.title, body=row.body) if row else None
    facts = facts_of(application, kind=kind, on=on, reasons=reasons, details=details)
    render_letter(kind, facts, template)  # refuse before a number is taken
    pattern = number_pattern(application.agency, kind)
    serial = next_serial(LetterCounter, application.agency, on.year, series=pattern)
    number = letter_number(pattern, year=on.year, serial=serial)
    written = render_letter(kind, replace(facts, number=number), template)
    letter = Letter.objects.create(
        application=application,
        kind=kind.value,
        title=written.title,
        number=number,
        dated_on=on,
        text=written.text,
        docx=letter_docx(written),
        pdf=letter_pdf(written),
        created_by=actor,
    )
    audit(
        actor=actor,
        agency=application.agency,
        action="letter_issue",
        obj=letter,
        kind=kind.value,
        number=number,
    )
    return letter


@action
def letter_send(
    *, actor: Actor, letter: Letter, on: date, channel: str = "", signed_by: str = ""
) -> Letter:
    """送达: the letter reached the applicant on `on`. For the 补正告知书 and the 收费通知书 this is
    also the clock's delivery of the notice, from which the applicant's period runs (第三十条;
    the fee rules): one record, made here or in the step 「…送达申请人」, never two."""
    letter = (
        Letter.objects.select_for_update().select_related("application__agency").get(pk=letter.pk)
    )
    application = letter.application
    require_role(actor, application.agency, *STAFF_ROLES)
    if letter.sent_on is not None:
        raise LetterRefused(f"“{letter.title}”已于 {letter.sent_on} 送达")
    if on < letter.dated_on:
        raise LetterRefused(f"送达日期不能早于落款日期 {letter.dated_on}")
    notice = next((n for n, (k, _) in NOTICE_LETTERS.items() if k == letter.kind), None)
    if notice is not None:
        _deliver_notice(letter, notice, actor=actor, on=on, channel=channel, signed_by=signed_by)
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


def _deliver_notice(
    letter: Letter,
    kind: ClockEventKind,
    *,
    actor: Actor,
    on: date,
    channel: str,
    signed_by: str,
) -> None:
    application = locked(letter.application)
    recorded = delivery_of(application, kind)
    if recorded is not None:
        if recorded.on != on:
            raise LetterRefused(
                f"办理过程中已记录{ClockEventKind(kind).label}于 {recorded.on} 送达，"
                f"告知书的送达日期应与之一致"
            )
        return
    if not application.clock_events.filter(kind=kind).exists():
        return  # a letter issued without the step (e.g. before the ledger kept it): no period
    deliver(
        application,
        actor=actor,
        notice=kind,
        on=on,
        channel=channel,
        signed_by=signed_by,
        note=f"{letter.title}{letter.number}",
        correction_reason="",
    )


@action
def letter_template_save(
    *, actor: Actor, agency: Agency, kind: LetterKind, title: str, body: str
) -> LetterTemplateText:
    """The agency's own wording of `kind`, checked before it is kept (unknown placeholders, a
    stray `$`). Only the agency's administrator changes it."""
    require_role(actor, agency, Role.ADMIN)
    title, body = title.strip(), body.strip()
    if not title or not body:
        raise LetterRefused("告知书模板的标题和正文不能为空")
    check_template(title)
    check_template(body)
    row, created = LetterTemplateText.objects.update_or_create(
        agency=agency, kind=kind.value, defaults={"title": title, "body": body}
    )
    audit(
        actor=actor,
        agency=agency,
        action="letter_template_edit",
        obj=row,
        kind=kind.value,
        created=created,
    )
    return row


@action
def letter_template_reset(*, actor: Actor, agency: Agency, kind: LetterKind) -> None:
    """Back to the national default wording of `kind`."""
    require_role(actor, agency, Role.ADMIN)
    row = LetterTemplateText.objects.filter(agency=agency, kind=kind.value).first()
    if row is None:
        return
    audit(actor=actor, agency=agency, action="letter_template_reset", obj=row, kind=kind.value)
    row.delete()


@action
def letter_settings_save(
    *,
    actor: Actor,
    agency: Agency,
    reconsideration_body: str,
    court: str,
    fee_payment_instructions: str,
    letter_number_pattern: str,
    kind_patterns: dict[LetterKind, str],
    on: date,
) -> Agency:
    """What every letter of the agency says about it: the 复议机关 and the court of the remedy
    sentence, how to pay a fee, and the number patterns (the agency's, and any kind's own)."""
    require_role(actor, agency, Role.ADMIN)
    patterns = {k: p.strip() for k, p in kind_patterns.items()}
    for kind, pattern in [(None, letter_number_pattern.strip()), *patterns.items()]:
        if pattern and (problem := number_pattern_problem(pattern)):
            where = f"“{kind.label}”的" if kind else ""
            raise LetterRefused(f"{where}{problem}")
    agency = Agency.objects.select_for_update().get(pk=agency.pk)
    agency.reconsideration_body = reconsideration_body.strip()
    agency.court = court.strip()
    agency.fee_payment_instructions = fee_payment_instructions.strip()
    agency.letter_number_pattern = letter_number_pattern.strip() or agency.letter_number_pattern
    agency_save(actor=actor, agency=agency, on=on)
    for kind, pattern in patterns.items():
        if pattern and pattern != agency.letter_number_pattern:
            LetterNumbering.objects.update_or_create(
                agency=agency, kind=kind.value, defaults={"pattern": pattern}
            )
        else:
            LetterNumbering.objects.filter(agency=agency, kind=kind.value).delete()
    audit(
        actor=actor,
        agency=agency,
        action="letter_settings_save",
        obj=agency,
        patterns={k.value: p for k, p in patterns.items() if p},
    )
    return agency
