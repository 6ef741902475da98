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


class CatalogueItem(models.Model):
    """An entry of the 政府信息公开目录 (第十二条)."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="catalogue")
    index_number = models.CharField("索引号", max_length=80, unique=True)
    title = models.CharField("标题", max_length=300)
    category = models.CharField("类别", max_length=60, blank=True)
    summary = models.TextField("内容概述", blank=True)
    made_on = models.DateField("制作或变更日期")
    published_on = models.DateField("公开日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开目录"
        ordering = ["-made_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"
