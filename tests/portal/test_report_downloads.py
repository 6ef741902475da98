"""A published year's report downloaded from the public portal: the report as locked, any format."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest
from django.test import Client

from gongkai.extract import extract_file
from gongkai.ledger import actions
from gongkai.portal import throttle
from gongkai.portal.views import report_file
from gongkai.render import Format
from gongkai.report import interchange
from gongkai.report.document import Report, Value
from gongkai.report.grid import Section

from .conftest import World

OVERVIEW = "2025年，本机关依法做好政府信息公开工作。"
PROBLEMS = "一是公开形式还比较单一。"


def publish_2025(world: World) -> Report:
    world.register(received_on=date(2025, 3, 3))
    actions.report_prose_save(
        actor=world.clerk, agency=world.agency, year=2025, section=1, text=OVERVIEW
    )
    actions.report_prose_save(
        actor=world.clerk, agency=world.agency, year=2025, section=5, text=PROBLEMS
    )
    lock = world.lock(2025)
    # Registered after publication (with a reason): not in the published report.
    world.register(received_on=date(2025, 4, 1), correction_reason="补登记")
    return interchange.from_dict(lock.report)


def printed_cells(report: Report) -> dict[str, Value]:
    out: dict[str, Value] = {}
    for section in Section:
        grid = report.table(section)
        assert grid is not None
        for row, col in grid.cells():
            out[f"{section.value}.{row.key}.{col.key}"] = (
                report.rows(section).get(row.key, {}).get(col.key)
            )
    return out


@pytest.mark.parametrize("fmt", list(Format), ids=str)
def test_anyone_downloads_the_report_as_published(
    world: World, fmt: Format, tmp_path: Path
) -> None:
    published = publish_2025(world)
    response = Client().get(f"/open/{world.agency.pk}/reports/2025/report.{fmt.value}")
    assert response.status_code == 200
    assert response["Content-Type"] == fmt.media_type
    name = f"示例区人民政府办公室2025年政府信息公开工作年度报告.{fmt.value}"
    assert f"filename*=UTF-8''{quote(name)}" in response["Content-Disposition"]
    path = tmp_path / f"published.{fmt.value}"
    path.write_bytes(response.content)
    got = extract_file(path).report
    assert dict(got.cells()) == printed_cells(published)
    assert got.requests["new_received"]["total"] == 1  # not the request registered since
    if fmt.is_text:
        text = response.content.decode()
        assert OVERVIEW in text and PROBLEMS in text


def test_the_report_page_shows_prose_and_labelled_downloads(world: World) -> None:
    publish_2025(world)
    page = Client().get(f"/open/{world.agency.pk}/reports/2025/").content.decode()
    assert OVERVIEW in page and PROBLEMS in page
    assert "一、总体情况" in page and "六、其他需要报告的事项" in page
    for fmt in Format:
        href = f'href="/open/{world.agency.pk}/reports/2025/report.{fmt.value}"'
        assert href in page
        assert f"下载{fmt.label}（{fmt.value.upper()}）" in page


def test_only_published_years_and_known_formats(world: World) -> None:
    publish_2025(world)
    client = Client()
    assert client.get(f"/open/{world.agency.pk}/reports/2024/report.pdf").status_code == 404
    assert client.get(f"/open/{world.agency.pk}/reports/2025/report.exe").status_code == 404
    assert client.get(f"/open/{world.other.pk}/reports/2025/report.md").status_code == 404


def test_renders_are_throttled_but_cached_files_still_served(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    publish_2025(world)
    monkeypatch.setattr(report_file, "RENDER_BY_ADDRESS", throttle.Limit("test-render", 1, 600))
    client = Client()
    base = f"/open/{world.agency.pk}/reports/2025/report"
    first = client.get(f"{base}.md")
    assert first.status_code == 200
    refused = client.get(f"{base}.html")  # a second render from the same address
    assert refused.status_code == 429
    assert "下载过于频繁" in refused.content.decode()
    again = client.get(f"{base}.md")  # rendered once already: from the cache, no render
    assert again.status_code == 200 and again.content == first.content
