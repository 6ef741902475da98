from __future__ import annotations

from django.conf import settings
from django.db import models


class YearLock(models.Model):
    """A published year: later edits that would change its report are refused unless recorded as
    a correction with a reason."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="year_locks")
    year = models.PositiveIntegerField("年度")
    locked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    locked_at = models.DateTimeField(auto_now_add=True)
    report = models.JSONField("锁定时的报告", default=dict)

    class Meta:
        verbose_name = verbose_name_plural = "已锁定年度"
        constraints = [models.UniqueConstraint(fields=["agency", "year"], name="one_lock_per_year")]


class ReportCorrection(models.Model):
    """A change to a locked year, made on purpose and explained."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField()
    reason = models.TextField("更正理由")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    details = models.JSONField(default=dict)
