"""The year's report downloaded from the site in every format, read back with `gongkai extract`."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import pytest

from gongkai.application.applicant import ApplicantKind
from gongkai.application.outcome import Outcome
from gongkai.extract import extract_file
from gongkai.ledger import actions
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import AppealKind, AppealResult
from gongkai.render import Format
from gongkai.report.document import Report, Value
from gongkai.report.grid import Section

from .conftest import World, login

NAME = "示例区人民政府办公室2025年政府信息公开工作年度报告"
OVERVIEW = "2025年，本机关依法做好政府信息公开工作。"


def fill_2025(world: World) -> None:
    """A year with requests of several kinds and outcomes, appeals, section 二 and prose."""
    clerk = world.clerk
    kinds = [ApplicantKind.NATURAL_PERSON] * 4 + [
        ApplicantKind.COMMERCIAL_ENTERPRISE,
        ApplicantKind.LEGAL_SERVICE_ORG,
    ]
    outcomes = [
        Outcome.GRANTED,
        Outcome.GRANTED,
        Outcome.PARTIALLY_GRANTED,
        Outcome.UNABLE_NOT_HELD,
    ]
    for i, kind in enumerate(kinds):
        app = world.register(received_on=date(2025, 3, 2 + i), applicant_kind=kind)
        if i < len(outcomes):
            actions.application_close(
                actor=clerk, application=app, on=date(2025, 4, 1), outcome=outcomes[i]
            )
    last_year = world.register(received_on=date(2024, 12, 20))  # carried over into 2025
    actions.application_close(
        actor=clerk, application=last_year, on=date(2025, 1, 8), outcome=Outcome.GRANTED
    )
    appeal = actions.appeal_register(
        actor=clerk, agency=world.agency, kind=AppealKind.RECONSIDERATION, filed_on=date(2025, 5, 1)
    )
    actions.appeal_decide(
        actor=clerk, appeal=appeal, result=AppealResult.CORRECTED, decided_on=date(2025, 7, 1)
    )
    actions.proactive_counts_set(
        actor=clerk,
        agency=world.agency,
        year=2025,
        values={
            ("rules", "issued"): 0,
            ("rules", "repealed"): 0,
            ("rules", "in_force"): 0,
            ("normative_documents", "issued"): 3,
            ("normative_documents", "repealed"): 1,
            ("normative_documents", "in_force"): 12,
            ("licensing", "decisions"): 250,
            ("penalty", "decisions"): 7,
            # ("coercion", "decisions") not entered: printed blank, read back blank
            ("fees", "amount_10k_yuan"): Decimal("12.35"),
        },
    )
    actions.report_prose_save(actor=clerk, agency=world.agency, year=2025, section=1, text=OVERVIEW)


def printed_cells(report: Report) -> dict[str, Value]:
    """Every cell of the report's grid as printed: its value, or blank for a cell not held."""
    out: dict[str, Value] = {}
    for section in Section:
        grid = report.table(section)
        assert grid is not None
        for row, col in grid.cells():
            out[f"{section.value}.{row.key}.{col.key}"] = (
                report.rows(section).get(row.key, {}).get(col.key)
            )
    return out


def url(world: World, fmt: str, year: int = 2025) -> str:
    return f"/years/{year}/report.{fmt}?agency={world.agency.pk}"


@pytest.mark.parametrize("fmt", list(Format), ids=str)
def test_each_format_downloads_and_reads_back_to_the_ledger_cells(
    world: World, fmt: Format, tmp_path: Path
) -> None:
    fill_2025(world)
    response = login(world.clerk).get(url(world, fmt.value))
    assert response.status_code == 200
    assert response["Content-Type"] == fmt.media_type
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;")
    assert f"filename*=UTF-8''{quote(f'{NAME}.{fmt.value}')}" in disposition
    assert f'filename="report-2025.{fmt.value}"' in disposition
    assert response["Cache-Control"] == "private, no-store"

    path = tmp_path / f"downloaded.{fmt.value}"
    path.write_bytes(response.content)
    extraction = extract_file(path)
    got, truth = extraction.report, ledger_report(world.agency, 2025)
    assert (got.agency, got.year, got.edition) == (truth.agency, truth.year, truth.edition)
    expected = printed_cells(truth)
    assert expected["proactive.fees.amount_10k_yuan"] == Decimal("12.35")
    assert expected["proactive.coercion.decisions"] is None
    assert expected["requests.new_received.total"] == 6
    assert dict(got.cells()) == expected
    assert not extraction.doubts, [d.message for d in extraction.doubts]
    if fmt.is_text:
        assert OVERVIEW in response.content.decode()


def test_the_year_page_offers_the_downloads_as_labelled_links(world: World) -> None:
    page = login(world.clerk).get(f"/years/2025/?agency={world.agency.pk}").content.decode()
    assert 'aria-labelledby="downloads"' in page
    for fmt in Format:
        assert f'href="/years/2025/report.{fmt.value}?agency={world.agency.pk}"' in page
        assert f"下载{fmt.label}（{fmt.value.upper()}）" in page


def test_access_through_the_agency_choke_point(world: World) -> None:
    world.register(received_on=date(2025, 3, 3))
    assert login(world.stranger).get(url(world, "md")).status_code == 404
    anonymous = login(world.clerk)
    anonymous.logout()
    assert anonymous.get(url(world, "md")).status_code == 302  # to the login page
    supervisor = login(world.supervisor)  # the city above reads the agency's report
    assert supervisor.get(url(world, "md")).status_code == 200
    clerk = login(world.clerk)
    assert clerk.get(url(world, "exe")).status_code == 404
    assert clerk.get(url(world, "md", year=2018)).status_code == 404  # no national layout
    assert clerk.get(url(world, "json")).status_code == 200  # the JSON view is unchanged


def test_last_year_is_passed_for_the_year_on_year_chart_only_when_kept(world: World) -> None:
    world.register(received_on=date(2025, 3, 3))
    clerk = login(world.clerk)
    alone = clerk.get(url(world, "html")).content.decode()
    world.register(received_on=date(2024, 3, 3))
    compared = clerk.get(url(world, "html")).content.decode()
    assert "2024" not in alone
    assert "2024" in compared
