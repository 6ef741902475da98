from __future__ import annotations

from django.conf import settings
from django.db import models


class Level(models.TextChoices):
    PROVINCE = "province", "省级"
    CITY = "city", "市级"
    COUNTY = "county", "县级"
    TOWNSHIP = "township", "乡镇（街道）"
    DEPARTMENT = "department", "部门"


class Region(models.Model):
    """A place in the hierarchy province › city › county › township or department. `path` holds
    the ids from the root (「/1/4/9/」) so "this region and below" is one indexed prefix match."""

    name = models.CharField("名称", max_length=100)
    level = models.CharField("层级", max_length=20, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
    )
    path = models.CharField(max_length=255, db_index=True, editable=False, default="")

    class Meta:
        verbose_name = verbose_name_plural = "地区"
        ordering = ["path"]
        constraints = [
            models.UniqueConstraint(fields=["parent", "name"], name="region_unique_name")
        ]

    def __str__(self) -> str:
        return self.name

    def full_name(self) -> str:
        """「河南省 › 平顶山市 › 湛河区」."""
        ids = [int(i) for i in self.path.strip("/").split("/") if i]
        names = dict(Region.objects.filter(pk__in=ids).values_list("pk", "name"))
        return " › ".join(names.get(i, "") for i in ids) or self.name


class RegionAccess(models.Model):
    """A supervisor's reach: this region and every region below it (read only, plus review
    corrections and imports into it)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="region_access"
    )
    region = models.ForeignKey(Region, on_delete=models.CASCADE, related_name="access")

    class Meta:
        verbose_name = verbose_name_plural = "地区监督权限"
        constraints = [
            models.UniqueConstraint(fields=["user", "region"], name="one_access_per_region")
        ]
