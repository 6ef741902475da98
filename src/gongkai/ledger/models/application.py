from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from django.conf import settings
from django.db import models

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind
from gongkai.application.outcome import Outcome
from gongkai.application.status import Action, Status
from gongkai.clock import Channel
from gongkai.ledger.models.counter import YearCounter


def _choices(members: Iterable[Labelled]) -> list[tuple[str, str]]:
    return [(m.value, m.label) for m in members]


class Labelled(Protocol):
    @property
    def value(self) -> str: ...
    @property
    def label(self) -> str: ...


class Application(models.Model):
    agency = models.ForeignKey(
        "ledger.Agency", on_delete=models.PROTECT, related_name="applications"
    )
    serial = models.CharField("登记号", max_length=24)
    channel = models.CharField("申请方式", max_length=20, choices=_choices(Channel))
    received_on = models.DateField("收到申请之日", help_text="依第三十一条确定")
    applicant_kind = models.CharField("申请人类别", max_length=32, choices=_choices(ApplicantKind))
    applicant_name = models.CharField("申请人姓名或名称", max_length=200)
    id_kind = models.CharField("证件类型", max_length=24, choices=_choices(IdKind), blank=True)
    id_number = models.CharField("身份证件号码", max_length=40, blank=True)
    id_number_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    phone = models.CharField("联系电话", max_length=40, blank=True)
    email = models.EmailField("电子邮箱", blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    description = models.TextField("所需政府信息的名称、文号或者便于查询的其他特征性描述")
    form_wanted = models.CharField("获取信息的方式", max_length=100, blank=True)
    delivery = models.CharField("提供政府信息的形式", max_length=100, blank=True)
    status = models.CharField(
        "状态", max_length=24, choices=_choices(Status), default=Status.REGISTERED
    )
    outcome = models.CharField("办理结果", max_length=40, choices=_choices(Outcome), blank=True)
    closed_on = models.DateField("办结日期", null=True, blank=True)
    due_on = models.DateField("答复期限", null=True, blank=True)
    #: `due_on` was counted through a year whose holiday schedule is not entered (weekends and
    #: 元旦 only): shown as 暂定 and recomputed when the schedule is entered.
    due_provisional = models.BooleanField("答复期限为暂定", default=False)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="经办人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_applications",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "政府信息公开申请"
        ordering = ["-received_on", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["agency", "serial"], name="serial_unique_per_agency"),
            models.CheckConstraint(
                name="closed_iff_outcome",
                condition=(
                    models.Q(status=Status.CLOSED, closed_on__isnull=False) & ~models.Q(outcome="")
                )
                | (~models.Q(status=Status.CLOSED) & models.Q(outcome="", closed_on__isnull=True)),
            ),
        ]
        indexes = [
            models.Index(fields=["agency", "status", "due_on"]),
            models.Index(fields=["agency", "received_on"]),
            models.Index(fields=["agency", "closed_on"]),
        ]

    def __str__(self) -> str:
        return self.serial

    @property
    def status_enum(self) -> Status:
        return Status(self.status)

    @property
    def masked_id_number(self) -> str:
        return mask(self.id_number, keep_start=4, keep_end=2)

    @property
    def masked_phone(self) -> str:
        return mask(self.phone, keep_start=3, keep_end=2)


def mask(value: str, *, keep_start: int, keep_end: int) -> str:
    """「3201**********12」: personal numbers are masked in lists and exports."""
    if len(value) <= keep_start + keep_end:
        return "*" * len(value)
    return value[:keep_start] + "*" * (len(value) - keep_start - keep_end) + value[-keep_end:]


class ApplicationCounter(YearCounter):
    """The 登记号 counter."""

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["agency", "year"], name="one_counter_per_year")
        ]


class ClockEventKind(models.TextChoices):
    """What moves the answer deadline: stored as rows so any deadline can be recomputed."""

    CORRECTION_REQUESTED = "correction_requested", "告知补正"
    CORRECTION_DELIVERED = "correction_delivered", "补正告知送达"
    CORRECTION_RECEIVED = "correction_received", "收到补正"
    CONSULTATION_STARTED = "consultation_started", "开始征求意见"
    CONSULTATION_ENDED = "consultation_ended", "征求意见结束"
    EXTENSION = "extension", "延长答复期限"
    FEE_NOTICE_SENT = "fee_notice_sent", "发出收费通知"
    FEE_NOTICE_DELIVERED = "fee_notice_delivered", "收费通知送达"
    FEE_PAID = "fee_paid", "收到缴费"


#: A notice that gives the applicant a period, and the event of its delivery (送达).
DELIVERY_OF = {
    ClockEventKind.CORRECTION_REQUESTED: ClockEventKind.CORRECTION_DELIVERED,
    ClockEventKind.FEE_NOTICE_SENT: ClockEventKind.FEE_NOTICE_DELIVERED,
}


class DeliveryChannel(models.TextChoices):
    """How a notice reached the applicant (送达). The applicant's period (补正, 缴费) counts from
    the day after the delivery date recorded here, never from the day the notice was sent."""

    IN_PERSON = "in_person", "直接送达（申请人当面签收）"
    POST = "post", "邮寄送达（以回执签收日期为准）"
    ELECTRONIC = "electronic", "电子送达（以到达申请人系统之日为准）"
    OTHER = "other", "其他方式（经申请人确认）"

    @property
    def needs_signature(self) -> bool:
        return self in (DeliveryChannel.IN_PERSON, DeliveryChannel.POST)

    @property
    def short(self) -> str:
        """「邮寄送达」: the label without its explanation, for a line of text."""
        return str(self.label).split("（")[0]


class ClockEvent(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="clock_events"
    )
    kind = models.CharField(max_length=32, choices=ClockEventKind.choices)
    on = models.DateField("日期")
    working_days = models.PositiveSmallIntegerField(null=True, blank=True)
    party = models.CharField(max_length=20, blank=True)
    approver = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: For a delivery (送达) of a notice: how it reached the applicant and who signed for it.
    delivery_channel = models.CharField(
        "送达方式", max_length=20, choices=DeliveryChannel.choices, blank=True
    )
    signed_by = models.CharField("签收人", max_length=100, blank=True)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["on", "pk"]

    @property
    def delivery_text(self) -> str:
        """「邮寄送达，王伟签收」."""
        if not self.delivery_channel:
            return ""
        signed = f"，{self.signed_by}签收" if self.signed_by else ""
        return f"{DeliveryChannel(self.delivery_channel).short}{signed}"


class StatusChange(models.Model):
    """One row per status transition: the application's history."""

    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="status_changes"
    )
    action = models.CharField(max_length=32)
    from_status = models.CharField(max_length=24, blank=True)
    to_status = models.CharField(max_length=24)
    on = models.DateField("日期")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]

    @property
    def action_label(self) -> str:
        return Action(self.action).label

    @property
    def status_label(self) -> str:
        return Status(self.to_status).label
