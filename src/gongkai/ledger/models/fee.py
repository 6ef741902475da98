from __future__ import annotations

from decimal import Decimal

from django.db import models

from gongkai.fees import FeeMethod


class FeeNotice(models.Model):
    """A fee notice (收费通知, 第四十二条, 国办函〔2020〕109号): one per application, computed by
    exactly one method — per application (按件计收, from the applicant's n-th application of the
    calendar month) or per page (按量计收, from the page count), never both."""

    application = models.OneToOneField(
        "ledger.Application", on_delete=models.CASCADE, related_name="fee_notice"
    )
    method = models.CharField(
        "计收方式", max_length=20, choices=[(m.value, m.label) for m in FeeMethod]
    )
    nth_in_month = models.PositiveIntegerField("本月第几件申请", null=True, blank=True)
    pages = models.PositiveIntegerField("页数", null=True, blank=True)
    amount = models.DecimalField("金额（元）", max_digits=12, decimal_places=2)
    breakdown = models.JSONField("计算明细", default=list)
    sent_on = models.DateField("发出日期")
    paid_on = models.DateField("缴费日期", null=True, blank=True)
    lapsed_on = models.DateField(
        "视为放弃申请之日", null=True, blank=True, help_text="逾期未缴费，按其他处理办结之日"
    )

    class Meta:
        verbose_name = verbose_name_plural = "收费通知"
        constraints = [
            models.CheckConstraint(
                name="fee_one_method",
                condition=models.Q(
                    method=FeeMethod.PER_APPLICATION,
                    nth_in_month__isnull=False,
                    pages__isnull=True,
                )
                | models.Q(
                    method=FeeMethod.PER_PAGE, pages__isnull=False, nth_in_month__isnull=True
                ),
            ),
            models.CheckConstraint(name="fee_not_free", condition=models.Q(amount__gt=0)),
            models.CheckConstraint(
                name="fee_paid_or_lapsed",
                condition=models.Q(paid_on__isnull=True) | models.Q(lapsed_on__isnull=True),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_method_display()} {self.amount} 元"

    @property
    def method_enum(self) -> FeeMethod:
        return FeeMethod(self.method)

    @property
    def basis(self) -> str:
        """「本月第 11 件申请」「共 101 页」."""
        if self.method_enum is FeeMethod.PER_APPLICATION:
            return f"同一申请人本月第 {self.nth_in_month} 件申请"
        return f"共 {self.pages} 页"

    @property
    def amount_text(self) -> str:
        return f"{Decimal(self.amount).normalize():,f} 元"
