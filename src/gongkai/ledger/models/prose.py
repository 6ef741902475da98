from __future__ import annotations

from django.conf import settings
from django.db import models


class ProseSection(models.IntegerChoices):
    """The annual report's sections written in words rather than tables."""

    OVERVIEW = 1, "一、总体情况"
    PROBLEMS = 5, "五、存在的主要问题及改进情况"
    OTHER = 6, "六、其他需要报告的事项"


class ReportProse(models.Model):
    """The agency's text of one prose section of one year's annual report."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="+")
    year = models.PositiveIntegerField("年度")
    section = models.PositiveSmallIntegerField("部分", choices=ProseSection.choices)
    text = models.TextField("正文", blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "年度报告文字部分"
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "section"], name="one_prose_per_section"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_section_display()}"
