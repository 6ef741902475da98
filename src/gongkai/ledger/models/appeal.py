from __future__ import annotations

from django.db import models


class AppealKind(models.TextChoices):
    """The value is the report's section 四 row key."""

    RECONSIDERATION = "reconsideration", "行政复议"
    LITIGATION_DIRECT = "litigation_direct", "行政诉讼（未经复议直接起诉）"
    LITIGATION_AFTER_RECONSIDERATION = "litigation_after_reconsideration", "行政诉讼（复议后起诉）"


class AppealResult(models.TextChoices):
    """The value is the report's section 四 column key; no result yet means 尚未审结."""

    UPHELD = "upheld", "结果维持"
    CORRECTED = "corrected", "结果纠正"
    OTHER = "other", "其他结果"


class Appeal(models.Model):
    """A reconsideration or lawsuit in which the agency answers for its OGI work."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.PROTECT, related_name="appeals")
    application = models.ForeignKey(
        "ledger.Application",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="appeals",
    )
    kind = models.CharField("类别", max_length=40, choices=AppealKind.choices)
    case_number = models.CharField("案号", max_length=80, blank=True)
    filed_on = models.DateField("立案日期")
    result = models.CharField("结果", max_length=20, choices=AppealResult.choices, blank=True)
    decided_on = models.DateField("审结日期", null=True, blank=True)
    note = models.TextField("备注", blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "行政复议、行政诉讼"
        ordering = ["-filed_on"]
        constraints = [
            models.CheckConstraint(
                name="decided_iff_result",
                condition=models.Q(result="", decided_on__isnull=True)
                | (~models.Q(result="") & models.Q(decided_on__isnull=False)),
            )
        ]
