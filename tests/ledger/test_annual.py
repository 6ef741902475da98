"""The year's report from the ledger: counting rules, and the checker finds nothing at error level."""

from __future__ import annotations

import random
from datetime import date

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.check import check, has_errors
from gongkai.fees import FeeMethod
from gongkai.ledger import actions
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import AppealKind, AppealResult
from gongkai.report.grid import Edition

from .conftest import World


def _close(world: World, app: object, on: date, outcome: Outcome) -> None:
    actions.application_close(actor=world.clerk, application=app, on=on, outcome=outcome)  # type: ignore[arg-type]


def test_counting_across_year_ends(world: World) -> None:
    # Received in 2024, closed in 2025: carried over from last year, an outcome of 2025.
    a = world.register(received_on=date(2024, 12, 20))
    _close(world, a, date(2025, 1, 10), Outcome.GRANTED)
    # Received and closed in 2025.
    b = world.register(received_on=date(2025, 3, 3), applicant_kind=ApplicantKind.LEGAL_SERVICE_ORG)
    actions.application_send_fee_notice(
        actor=world.clerk, application=b, on=date(2025, 3, 4), method=FeeMethod.PER_PAGE, pages=40
    )
    actions.application_deliver_fee_notice(
        actor=world.clerk, application=b, on=date(2025, 3, 4), channel="electronic"
    )
    _close(world, b, date(2025, 4, 15), Outcome.OTHER_FEE_UNPAID)  # unpaid by 2025-04-01
    # Received in 2025, still open on 31 December: carried over to next year.
    world.register(received_on=date(2025, 12, 22))
    # Closed in 2024: not in 2025 at all.
    d = world.register(received_on=date(2024, 11, 4))
    _close(world, d, date(2024, 11, 20), Outcome.UNABLE_NOT_HELD)

    r = ledger_report(world.agency, 2025)
    assert r.edition is Edition.E2021
    q = r.requests
    assert q["new_received"]["total"] == 2
    assert q["carried_over_from_last_year"]["natural_person"] == 1
    assert q["granted"]["natural_person"] == 1
    assert q["other_fee_unpaid"]["legal_service_org"] == 1
    assert q["unable_not_held"]["total"] == 0
    assert q["total_processed"]["total"] == 2
    assert q["carried_over_to_next_year"]["total"] == 1
    assert not [f for f in check(r) if f.rule in ("R1", "R2", "R3", "R4")]

    # Edition 2019 folds the 「其他处理」 rows into one.
    r2019 = ledger_report(world.agency, 2025, Edition.E2019)
    assert r2019.requests["other"]["legal_service_org"] == 1


def test_appeals_at_year_end(world: World) -> None:
    def case(
        kind: AppealKind,
        filed: date,
        result: AppealResult | None = None,
        decided: date | None = None,
    ) -> None:
        appeal = actions.appeal_register(
            actor=world.clerk, agency=world.agency, kind=kind, filed_on=filed
        )
        if result and decided:
            actions.appeal_decide(
                actor=world.clerk, appeal=appeal, result=result, decided_on=decided
            )

    case(AppealKind.RECONSIDERATION, date(2025, 2, 1), AppealResult.UPHELD, date(2025, 4, 1))
    case(AppealKind.RECONSIDERATION, date(2025, 11, 1), AppealResult.CORRECTED, date(2026, 1, 10))
    case(AppealKind.LITIGATION_DIRECT, date(2024, 10, 1), AppealResult.OTHER, date(2025, 3, 1))
    case(AppealKind.LITIGATION_DIRECT, date(2024, 5, 1), AppealResult.UPHELD, date(2024, 9, 1))
    a = ledger_report(world.agency, 2025).appeals
    assert a["reconsideration"] == {
        "upheld": 1,
        "corrected": 0,
        "other": 0,
        "pending": 1,
        "total": 2,
    }
    assert a["litigation_direct"] == {
        "upheld": 0,
        "corrected": 0,
        "other": 1,
        "pending": 0,
        "total": 1,
    }
    assert a["litigation_after_reconsideration"]["total"] == 0


def test_random_ledgers_always_balance(world: World) -> None:
    rng = random.Random(4)
    # Lapses need a notice delivered and its period run out: not drawn here.
    outcomes = [
        o for o in Outcome if o not in (Outcome.OTHER_FEE_UNPAID, Outcome.OTHER_NO_CORRECTION)
    ]
    for _ in range(60):
        received = date(2025, rng.randint(1, 11), rng.randint(1, 28))
        app = world.register(received_on=received, applicant_kind=rng.choice(list(ApplicantKind)))
        if rng.random() < 0.8:
            month = min(12, received.month + rng.randint(0, 2))
            close_on = max(received, date(2025 if month <= 12 else 2026, month, rng.randint(1, 28)))
            _close(world, app, close_on, rng.choice(outcomes))
    for year in (2025,):
        report = ledger_report(world.agency, year)
        arithmetic = [f for f in check(report) if f.rule in ("R1", "R2", "R3", "R4")]
        assert arithmetic == []


def test_demo_year_passes_the_checker(db: None) -> None:
    from gongkai.ledger.demo import create_demo

    demo = create_demo(today=date(2026, 11, 20), rng=random.Random(1))
    report = ledger_report(demo.agency, demo.year)
    findings = check(report)
    assert not has_errors(findings), [f.message for f in findings]
    assert report.requests["new_received"]["total"] > 50
