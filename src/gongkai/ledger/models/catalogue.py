from __future__ import annotations

from django.db import models

from gongkai.ledger.models.counter import YearCounter


class CatalogueItem(models.Model):
    """An entry of the 政府信息公开目录 (第十二条). Its 索引号 comes from the agency's pattern; it is
    to be published within 20 working days of being made or changed (第二十六条)."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="catalogue")
    index_number = models.CharField("索引号", max_length=80)
    title = models.CharField("标题", max_length=300)
    category = models.CharField("类别", max_length=60, blank=True)
    summary = models.TextField("内容概述", blank=True)
    made_on = models.DateField("制作或变更日期")
    published_on = models.DateField("公开日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开目录"
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "index_number"], name="index_number_unique_per_agency"
            ),
            models.CheckConstraint(
                name="published_not_before_made",
                condition=models.Q(published_on__isnull=True)
                | models.Q(published_on__gte=models.F("made_on")),
            ),
        ]
        indexes = [models.Index(fields=["agency", "made_on"])]

    def __str__(self) -> str:
        return f"{self.index_number} {self.title}"


class CatalogueCounter(YearCounter):
    """The serial of the 索引号, per agency and year."""

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year"], name="one_catalogue_counter_per_year"
            )
        ]
