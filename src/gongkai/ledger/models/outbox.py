from __future__ import annotations

from django.conf import settings
from django.db import models


class MessageChannel(models.TextChoices):
    SMS = "sms", "短信"
    EMAIL = "email", "电子邮件"


class OutboxMessage(models.Model):
    """A notification as sent (or, by default, only written here for staff to read)."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.CASCADE, related_name="+")
    application = models.ForeignKey(
        "ledger.Application",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="messages",
    )
    to_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    channel = models.CharField(max_length=10, choices=MessageChannel.choices)
    recipient = models.CharField("收件人", max_length=200)
    subject = models.CharField("标题", max_length=200)
    body = models.TextField("内容")
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    sent_by = models.CharField("发送方式", max_length=40, default="outbox")

    class Meta:
        verbose_name = verbose_name_plural = "通知发件箱"
        ordering = ["-created_at", "-pk"]
