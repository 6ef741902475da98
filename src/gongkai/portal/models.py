from __future__ import annotations

from django.db import models


class Guide(models.Model):
    """The agency's 政府信息公开指南 (第十二条), edited by its administrator."""

    agency = models.OneToOneField("ledger.Agency", on_delete=models.CASCADE, related_name="guide")
    how_to_apply = models.TextField("申请方式与流程", blank=True)
    address = models.CharField("受理机构地址", max_length=200, blank=True)
    office_hours = models.CharField("办公时间", max_length=100, blank=True)
    phone = models.CharField("咨询电话", max_length=40, blank=True)
    fax = models.CharField("传真", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    postcode = models.CharField("邮政编码", max_length=10, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开指南"

    def __str__(self) -> str:
        return f"{self.agency}的公开指南"


class Tracking(models.Model):
    """The code an online applicant tracks a request by. Only its keyed hash is stored."""

    application = models.OneToOneField(
        "ledger.Application", on_delete=models.CASCADE, related_name="tracking"
    )
    code_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Attachment(models.Model):
    """An uploaded identity document, stored outside the web root and served only to staff."""

    application = models.ForeignKey(
        "ledger.Application", on_delete=models.CASCADE, related_name="attachments"
    )
    stored_name = models.CharField(max_length=80, unique=True)
    original_name = models.CharField("文件名", max_length=200)
    content_type = models.CharField(max_length=60)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = "申请附件"
