from __future__ import annotations

from django.conf import settings
from django.db import models


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
    )
    fee_notice_pauses_clock = models.BooleanField(
        "收费通知期间暂停计算答复期限",
        default=True,
        help_text="条例未作全国统一规定，按本地做法设置",
    )
    address = models.CharField("办公地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    phone = models.CharField("联系电话", max_length=40, blank=True)

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
