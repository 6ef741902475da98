from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models

from gongkai.clock import YearSchedule


class HolidaySchedule(models.Model):
    """A year's official holidays and make-up working days (调休), entered by an administrator for
    years the bundled schedule does not cover."""

    year = models.PositiveIntegerField("年度", unique=True)
    holidays = models.JSONField("放假日期", default=list, help_text="ISO 日期列表，如 2027-01-01")
    workdays = models.JSONField("调休上班日期", default=list, help_text="周末上班的日期")
    names = models.JSONField("节日名称", default=dict, blank=True, help_text="日期到节日名称")
    text = models.TextField("录入的原文", blank=True)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    entered_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "节假日安排"
        ordering = ["year"]

    def __str__(self) -> str:
        return f"{self.year} 年节假日安排"

    def as_schedule(self) -> YearSchedule:
        return YearSchedule(
            year=self.year,
            holidays=frozenset(date.fromisoformat(d) for d in self.holidays),
            workdays=frozenset(date.fromisoformat(d) for d in self.workdays),
            names={date.fromisoformat(d): n for d, n in (self.names or {}).items()},
        )
