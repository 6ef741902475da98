"""Notifications to applicants (SMS, e-mail) and reminders to clerks.

Senders are pluggable: `settings.GONGKAI_SENDERS` maps a channel to a dotted path of a callable
taking an OutboxMessage. The default records the message in the outbox, where staff read it; a
real SMS gateway or mail server is plugged in by configuration. Called after commit, so a failed
send never undoes the change it reports.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date

from django.conf import settings
from django.utils.module_loading import import_string

from gongkai.application.status import Status
from gongkai.ledger.models import Application, Membership, MessageChannel, OutboxMessage, Role

log = logging.getLogger(__name__)
Sender = Callable[[OutboxMessage], None]


def outbox_only(message: OutboxMessage) -> None:
    """The default sender: the message stays in the outbox."""


def email_sender(message: OutboxMessage) -> None:
    """Send through Django's e-mail backend (configured by EMAIL_* settings)."""
    from django.core.mail import send_mail

    send_mail(message.subject, message.body, None, [message.recipient])


def _sender(channel: str) -> Sender:
    configured = getattr(settings, "GONGKAI_SENDERS", {}).get(channel)
    sender: Sender = import_string(configured) if configured else outbox_only
    return sender


def _deliver(message: OutboxMessage) -> None:
    try:
        _sender(message.channel)(message)
    except Exception:  # a gateway failure must not lose the message: it stays in the outbox
        log.exception("sending message %s failed", message.pk)
        return
    message.sent_by = message.channel
    message.save(update_fields=["sent_by"])


def notify_applicant(application: Application, *, subject: str, body: str) -> list[OutboxMessage]:
    messages = []
    for channel, recipient in (
        (MessageChannel.SMS, application.phone),
        (MessageChannel.EMAIL, application.email),
    ):
        if recipient:
            message = OutboxMessage.objects.create(
                agency=application.agency,
                application=application,
                channel=channel,
                recipient=recipient,
                subject=subject,
                body=body,
            )
            _deliver(message)
            messages.append(message)
    return messages


_PROVISIONAL = "（暂定：该年放假安排尚未录入，暂按周末和元旦计算）"


def remind_clerks(*, today: date, soon: date) -> int:
    """One reminder per open application due by `soon` (or overdue), to its clerk or, when
    unassigned, to every clerk and head of its agency. Returns how many were written."""
    due = Application.objects.filter(
        status__in=[s.value for s in Status if s.is_open], due_on__isnull=False, due_on__lte=soon
    ).select_related("agency", "assigned_to")
    written = 0
    for application in due:
        late = application.due_on is not None and application.due_on < today
        state = "已超过答复期限" if late else "即将到期"
        if application.assigned_to is not None:
            users = [application.assigned_to]
        else:
            users = [
                m.user
                for m in Membership.objects.filter(
                    agency=application.agency, role__in=[Role.CLERK, Role.HEAD]
                ).select_related("user")
            ]
        for user in users:
            OutboxMessage.objects.create(
                agency=application.agency,
                application=application,
                to_user=user,
                channel=MessageChannel.EMAIL,
                recipient=user.email or user.get_username(),
                subject=f"申请 {application.serial} {state}",
                body=f"申请 {application.serial} 的答复期限为 {application.due_on}"
                f"{_PROVISIONAL if application.due_provisional else ''}，{state}，请及时办理。",
            )
            written += 1
    return written
