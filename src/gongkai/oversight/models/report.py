from __future__ import annotations

from django.db import models

from gongkai.corpus.names import parse_agency
from gongkai.oversight.models.region import Region
from gongkai.report.due import due_text


class CorpusAgency(models.Model):
    """An agency whose reports were imported; `aliases` are other spellings matched to it."""

    name = models.CharField("机关名称", max_length=200)
    region = models.ForeignKey(
        Region, verbose_name="所属地区", on_delete=models.PROTECT, related_name="agencies"
    )
    aliases = models.JSONField("其他名称", default=list, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "报告机关"
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["region", "name"], name="corpus_agency_unique")
        ]

    def __str__(self) -> str:
        return self.name


class Status(models.TextChoices):
    CLEAN = "clean", "无问题"
    WARNINGS = "warnings", "有提醒"
    ERRORS = "errors", "有错误"


class CorpusReport(models.Model):
    """One imported annual report. The key figures the dashboard sums are kept as columns (set
    from the cells on import and on every correction), so a region's dashboard aggregates report
    rows, not millions of cells."""

    agency = models.ForeignKey(
        CorpusAgency, verbose_name="机关", on_delete=models.PROTECT, related_name="reports"
    )
    year = models.PositiveSmallIntegerField("年度", db_index=True)
    edition = models.CharField("格式版本", max_length=10)
    sha256 = models.CharField("内容哈希", max_length=64, unique=True)
    source_name = models.CharField("源文件", max_length=500)
    format = models.CharField("文件类型", max_length=20)
    source_text = models.TextField("源文本", blank=True)
    report = models.JSONField("报告数据", default=dict)
    stages = models.JSONField("抽取过程", default=dict)
    doubts = models.JSONField("抽取疑点", default=list)
    status = models.CharField(
        "状态", max_length=10, choices=Status.choices, default=Status.CLEAN, db_index=True
    )
    published_on = models.DateField("发布日期", null=True, blank=True)
    on_time = models.BooleanField("按时发布", null=True)
    errors = models.PositiveIntegerField("错误数", default=0)
    warnings = models.PositiveIntegerField("提醒数", default=0)
    received = models.BigIntegerField("本年新收申请", null=True)
    processed = models.BigIntegerField("办理结果总计", null=True)
    granted = models.BigIntegerField("予以公开", null=True)
    partially_granted = models.BigIntegerField("部分公开", null=True)
    denied = models.BigIntegerField("不予公开", null=True)
    # 不予公开 by ground (the eight rows of （三）, total column): the dashboard's breakdown
    denied_state_secret = models.BigIntegerField("不予公开·国家秘密", null=True)
    denied_prohibited_by_law = models.BigIntegerField("不予公开·法律法规禁止", null=True)
    denied_security_stability = models.BigIntegerField("不予公开·三安全一稳定", null=True)
    denied_third_party_rights = models.BigIntegerField("不予公开·第三方权益", null=True)
    denied_internal_affairs = models.BigIntegerField("不予公开·内部事务", null=True)
    denied_process_information = models.BigIntegerField("不予公开·过程性信息", null=True)
    denied_enforcement_case_file = models.BigIntegerField("不予公开·行政执法案卷", null=True)
    denied_administrative_query = models.BigIntegerField("不予公开·行政查询事项", null=True)
    appeals = models.BigIntegerField("复议诉讼总计", null=True)
    appeals_corrected = models.BigIntegerField("结果纠正", null=True)
    run = models.ForeignKey(
        "oversight.ImportRun", null=True, on_delete=models.SET_NULL, related_name="reports"
    )
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "导入的年度报告"
        ordering = ["agency__name", "-year"]
        indexes = [models.Index(fields=["year", "agency"], name="corpus_report_year_agency")]

    def __str__(self) -> str:
        return f"{self.agency} {self.year} 年度报告"

    @property
    def due_text(self) -> str:
        """When this agency's report was due (第四十九条), for the review page."""
        return due_text(parse_agency(self.agency.name).kind)


class Cell(models.Model):
    """One cell of one report, queryable for exports, the API and drill-down. `value` is null
    for a blank cell; a cell not in the report has no row. `flagged`: a finding or an extraction
    doubt names this cell, so its value should not be trusted without review."""

    report = models.ForeignKey(CorpusReport, on_delete=models.CASCADE, related_name="cells")
    section = models.CharField(max_length=12)
    row = models.CharField(max_length=40)
    column = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=20, decimal_places=4, null=True)
    flagged = models.BooleanField(default=False)

    class Meta:
        verbose_name = verbose_name_plural = "单元格"
        constraints = [
            models.UniqueConstraint(
                fields=["report", "section", "row", "column"], name="corpus_cell_unique"
            )
        ]
        indexes = [models.Index(fields=["section", "row", "column"], name="cell_address")]

    @property
    def path(self) -> str:
        return f"{self.section}.{self.row}.{self.column}"


class FindingRow(models.Model):
    """A checker finding (R1–R14) or an extraction doubt on a report."""

    report = models.ForeignKey(CorpusReport, on_delete=models.CASCADE, related_name="findings")
    rule = models.CharField("规则", max_length=20, db_index=True)
    level = models.CharField("级别", max_length=10, db_index=True)
    source = models.CharField("来源", max_length=12, default="rule")
    message = models.TextField("说明")
    cells = models.JSONField("涉及单元格", default=list)

    class Meta:
        verbose_name = verbose_name_plural = "核对发现"
        ordering = ["pk"]
