from __future__ import annotations

from django.conf import settings
from django.db import models


class AuditEntry(models.Model):
    """Who did what, written in the same transaction as the change. Never holds personal data."""

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    agency = models.ForeignKey(
        "ledger.Agency", null=True, on_delete=models.PROTECT, related_name="+"
    )
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=40)
    object_id = models.CharField(max_length=40)
    details = models.JSONField(default=dict)

    class Meta:
        verbose_name = verbose_name_plural = "操作记录"
        ordering = ["-at", "-pk"]
