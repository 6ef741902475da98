from __future__ import annotations

from django.db import models


class ProactiveCount(models.Model):
    """One cell of section 二 for one agency, year and edition."""

    agency = models.ForeignKey(
        "ledger.Agency", on_delete=models.PROTECT, related_name="proactive_counts"
    )
    year = models.PositiveIntegerField("年度")
    edition = models.CharField("格式版本", max_length=8)
    row = models.CharField(max_length=40)
    column = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=14, decimal_places=4)

    class Meta:
        verbose_name = verbose_name_plural = "主动公开统计"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "edition", "row", "column"], name="one_value_per_cell"
            )
        ]
