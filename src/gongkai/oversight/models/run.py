from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.oversight.models.region import Region
from gongkai.oversight.models.report import CorpusReport


class ImportRun(models.Model):
    """One batch import: what it was given, how far it got, and which process runs it.

    A run uploaded on the site is queued with its archive spooled to disk; a separate worker
    process (`gongkai corpus work`) claims it, so the server never reads an uploaded document.
    A run whose process ended without finishing it is marked interrupted."""

    QUEUED, RUNNING, FINISHED, FAILED, INTERRUPTED = (
        "queued",
        "running",
        "finished",
        "failed",
        "interrupted",
    )
    STATES = [
        (QUEUED, "排队等待"),
        (RUNNING, "正在导入"),
        (FINISHED, "已完成"),
        (FAILED, "无法导入"),
        (INTERRUPTED, "已中断"),
    ]

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
    state = models.CharField("状态", max_length=12, choices=STATES, default=RUNNING)
    error = models.TextField("无法导入的原因", blank=True)
    #: The spooled upload a queued run reads (deleted when the run ends).
    upload = models.CharField(max_length=500, blank=True)
    #: The process running it: host, pid and the process's start time (a reused pid differs).
    host = models.CharField(max_length=255, blank=True)
    pid = models.PositiveIntegerField(null=True, blank=True)
    pid_started = models.CharField(max_length=40, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入批次"
        ordering = ["-started_at", "-pk"]

    @property
    def processed(self) -> int:
        return self.done + self.skipped + self.failed

    @property
    def active(self) -> bool:
        return self.state in (self.QUEUED, self.RUNNING)

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
