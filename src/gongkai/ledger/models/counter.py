from __future__ import annotations

from django.db import models


class YearCounter(models.Model):
    """The last serial number given per agency and year; locked while a new one is taken."""

    agency = models.ForeignKey("ledger.Agency", on_delete=models.CASCADE)
    year = models.PositiveIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        abstract = True
