from __future__ import annotations

from django.conf import settings
from django.db import models

from gongkai.ledger.models.agency import validate_number_pattern
from gongkai.ledger.models.counter import YearCounter
from gongkai.letters import LetterKind

KIND_CHOICES = [(k.value, k.label) for k in LetterKind]


class LetterTemplateText(models.Model):
    """An agency's own wording of one kind of letter; without one the national default is used."""

    agency = models.ForeignKey(
        "ledger.Agency", on_delete=models.CASCADE, related_name="letter_templates"
    )
    kind = models.CharField("告知书类别", max_length=40, choices=KIND_CHOICES)
    title = models.CharField("标题", max_length=100)
    body = models.TextField("正文模板", help_text="可使用 ${applicant}、${serial} 等占位符")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = "告知书模板"
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="one_template_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.agency}：{self.title}"


class Letter(models.Model):
    """A letter issued on an application (告知书), kept exactly as issued."""

    application = models.ForeignKey(
        "ledger.Application", on_delete=models.CASCADE, related_name="letters"
    )
    kind = models.CharField("告知书类别", max_length=40, choices=KIND_CHOICES)
    title = models.CharField("标题", max_length=100)
    number = models.CharField("文号", max_length=80, blank=True)
    dated_on = models.DateField("落款日期")
    text = models.TextField("全文")
    docx = models.BinaryField()
    pdf = models.BinaryField()
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    sent_on = models.DateField("送达日期", null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = "告知书"
        ordering = ["dated_on", "pk"]

    def __str__(self) -> str:
        return self.title


class LetterNumbering(models.Model):
    """An agency's number pattern for one kind of letter, where it differs from the agency's
    `letter_number_pattern`."""

    agency = models.ForeignKey(
        "ledger.Agency", on_delete=models.CASCADE, related_name="letter_numberings"
    )
    kind = models.CharField("告知书类别", max_length=40, choices=KIND_CHOICES)
    pattern = models.CharField("文号格式", max_length=80, validators=[validate_number_pattern])

    class Meta:
        verbose_name = verbose_name_plural = "告知书文号格式"
        constraints = [
            models.UniqueConstraint(fields=["agency", "kind"], name="one_numbering_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.agency}：{self.pattern}"


class LetterCounter(YearCounter):
    """The last letter number given per agency, year and pattern (`series`)."""

    series = models.CharField(max_length=80)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency", "year", "series"], name="one_letter_counter_per_series"
            )
        ]
