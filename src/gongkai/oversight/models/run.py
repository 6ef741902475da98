from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.oversight.models.region import Region
from gongkai.oversight.models.report import CorpusReport


class ImportRun(models.Model):
    """One batch import: what it was given and how far it got."""

    started_at = models.DateTimeField("开始时间", auto_now_add=True)
    finished_at = models.DateTimeField("结束时间", null=True, blank=True)
    source = models.CharField("导入来源", max_length=500)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    region = models.ForeignKey(Region, null=True, on_delete=models.PROTECT, related_name="+")
    total = models.PositiveIntegerField("文件数", default=0)
    done = models.PositiveIntegerField("已导入", default=0)
    skipped = models.PositiveIntegerField("已存在跳过", default=0)
    failed = models.PositiveIntegerField("失败", default=0)

    class Meta:
        verbose_name = verbose_name_plural = "导入批次"
        ordering = ["-started_at", "-pk"]

    def __str__(self) -> str:
        return f"导入 {self.source}（{self.started_at:%Y-%m-%d %H:%M}）"


class ImportFailure(models.Model):
    run = models.ForeignKey(ImportRun, on_delete=models.CASCADE, related_name="failures")
    file = models.CharField("文件", max_length=500)
    reason = models.TextField("原因")

    class Meta:
        verbose_name = verbose_name_plural = "导入失败"
        ordering = ["pk"]


class CellCorrection(models.Model):
    """A cell corrected by hand in review: who, why, the old and the new value."""

    report = models.ForeignKey(CorpusReport, on_delete=models.CASCADE, related_name="corrections")
    path = models.CharField("单元格", max_length=100)
    old = models.DecimalField("原值", max_digits=20, decimal_places=4, null=True)
    new = models.DecimalField("新值", max_digits=20, decimal_places=4, null=True)
    reason = models.TextField("更正理由")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField("更正时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "单元格更正"
        ordering = ["-at", "-pk"]
