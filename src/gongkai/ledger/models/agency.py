from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from gongkai.letters import DEFAULT_NUMBER_PATTERN, number_pattern_problem


def index_pattern_problem(pattern: str) -> str | None:
    """Why `pattern` cannot make 索引号, in Chinese; None when it can. It may use {code}, {year}
    and {serial} (with a format such as {serial:05d}) and must use {serial}: otherwise every item
    of a year would get the same number."""
    try:
        sample = pattern.format(code="CODE", year=2025, serial=1)
    except (KeyError, IndexError, ValueError, AttributeError):
        return "索引号格式只能使用 {code}、{year}、{serial} 三个占位符，例如 {code}/{year}-{serial:05d}"
    if sample == pattern.format(code="CODE", year=2025, serial=2):
        return "索引号格式必须包含 {serial}（序号），否则同一年度的索引号会重复"
    return None


def validate_index_pattern(pattern: str) -> None:
    if problem := index_pattern_problem(pattern):
        raise ValidationError(problem)


def validate_number_pattern(pattern: str) -> None:
    if problem := number_pattern_problem(pattern):
        raise ValidationError(problem)


class Agency(models.Model):
    """An administrative organ that answers requests and publishes an annual report."""

    name = models.CharField("机关名称", max_length=200, unique=True)
    code = models.CharField("机构代码", max_length=40, blank=True, help_text="用于生成索引号")
    parent = models.ForeignKey(
        "self",
        verbose_name="上级机关",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    index_pattern = models.CharField(
        "索引号格式",
        max_length=80,
        default="{code}/{year}-{serial:05d}",
        help_text="可用 {code}、{year}、{serial}",
        validators=[validate_index_pattern],
    )
    fee_notice_pauses_clock = models.BooleanField(
        "收费通知期间暂停计算答复期限",
        default=True,
        help_text="条例未作全国统一规定，按本地做法设置",
    )
    fee_payment_working_days = models.PositiveSmallIntegerField(
        "缴费期限（工作日）",
        default=20,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="自收费通知送达申请人次日起计算；逾期未缴费的视为放弃申请（按本地规定设置）",
    )
    correction_working_days = models.PositiveSmallIntegerField(
        "补正期限（工作日）",
        default=15,
        validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text="告知补正时默认给申请人的期限，自补正告知送达次日起计算；每次告知补正时可另行确定（第三十条）",
    )
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    reconsideration_body = models.CharField(
        "行政复议机关",
        max_length=200,
        blank=True,
        help_text="写入告知书的救济途径，如“某某市人民政府”",
    )
    court = models.CharField("管辖人民法院", max_length=200, blank=True)
    fee_payment_instructions = models.TextField(
        "缴纳信息处理费的方式",
        blank=True,
        help_text="写入收费通知书，如缴费窗口、非税收入账户、网上缴费渠道",
    )
    letter_number_pattern = models.CharField(
        "告知书文号格式",
        max_length=80,
        default=DEFAULT_NUMBER_PATTERN,
        help_text="可用 {year}（年份）、{serial}（年度内序号），如 某政告〔{year}〕第{serial}号",
        validators=[validate_number_pattern],
    )

    class Meta:
        verbose_name = verbose_name_plural = "机关"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def descendants_and_self(self) -> list[int]:
        """Ids of this agency and every agency below it (a supervisor's reach)."""
        ids, frontier = [self.pk], [self.pk]
        while frontier:
            frontier = list(
                Agency.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
            )
            ids.extend(frontier)
        return ids


class Role(models.TextChoices):
    CLERK = "clerk", "经办人"
    HEAD = "head", "公开工作机构负责人"
    ADMIN = "admin", "机关管理员"
    SUPERVISOR = "supervisor", "监督人员（只读，含下级机关）"


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField("角色", max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = verbose_name_plural = "人员角色"
        constraints = [
            models.UniqueConstraint(fields=["user", "agency"], name="one_role_per_agency")
        ]

    def __str__(self) -> str:
        return f"{self.user} @ {self.agency}（{self.get_role_display()}）"
