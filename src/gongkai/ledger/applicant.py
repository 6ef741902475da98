"""The same applicant's applications to one agency, found by the keyed hash of the ID number.

第三十五条 (大量、频繁申请) and the per-application fee of 国办函〔2020〕109号 both depend on how many
requests one applicant made; the hash finds them without a searchable plain ID number. Counting stays
within the application's own agency: no agency learns of requests made to another.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q, QuerySet

from gongkai.application.identity import clean_id
from gongkai.ledger.models import Application
from gongkai.site.home import keyed_hash


def identity_hash(id_number: str) -> str:
    """A keyed hash of an ID number: finds the same applicant's repeated requests (第三十五条)
    without storing a searchable plain value."""
    normalised = clean_id(id_number)  # as the number is kept: 「 110…x 」 is 「110…X」
    if not normalised:
        return ""
    return keyed_hash("identity", normalised)


def same_applicant(application: Application) -> QuerySet[Application]:
    """Every application of this applicant to this agency, itself included; none without an ID."""
    if not application.id_number_hash:
        return Application.objects.none()
    return Application.objects.filter(
        agency_id=application.agency_id, id_number_hash=application.id_number_hash
    )


def nth_in_month(application: Application) -> int | None:
    """Which of the applicant's applications of the calendar month this one is, in order of
    receipt (then of registration); None when no ID number was recorded."""
    if not application.id_number_hash:
        return None
    received = application.received_on
    return (
        same_applicant(application)
        .filter(received_on__year=received.year, received_on__month=received.month)
        .filter(Q(received_on__lt=received) | Q(received_on=received, pk__lte=application.pk))
        .count()
    )


@dataclass(frozen=True)
class ApplicantHistory:
    """What staff see on an application page about the applicant's other requests."""

    identified: bool  # an ID number was recorded
    others: int  # other applications to this agency, any time
    in_month: int  # applications to this agency in the month of this one's receipt, itself included
    nth_in_month: int | None


def history(application: Application) -> ApplicantHistory:
    mine = same_applicant(application)
    received = application.received_on
    return ApplicantHistory(
        identified=bool(application.id_number_hash),
        others=mine.exclude(pk=application.pk).count(),
        in_month=mine.filter(
            received_on__year=received.year, received_on__month=received.month
        ).count(),
        nth_in_month=nth_in_month(application),
    )
