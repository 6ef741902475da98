"""Section 二 entry (主动公开政府信息情况) for both editions: rule R9 in Chinese, locked years, the
previous year's 现行有效件数 beside this year's, and nobody outside the agency changing a cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.actions.proactive import ProactiveInvalid
from gongkai.ledger.annual import ledger_report
from gongkai.ledger.models import AuditEntry, ProactiveCount, ReportCorrection
from gongkai.report.editions import table
from gongkai.report.grid import Edition, Section

from .conftest import World, login


def _set(world: World, year: int, values: dict[tuple[str, str], object], **kw: object) -> object:
    return actions.proactive_counts_set(
        actor=world.clerk,
        agency=world.agency,
        year=year,
        values=values,  # type: ignore[arg-type]
        **kw,  # type: ignore[arg-type]
    )


def test_edition_2021_cells_reach_the_report(world: World) -> None:
    changed = _set(
        world,
        2025,
        {
            ("normative_documents", "issued"): 5,
            ("normative_documents", "repealed"): 2,
            ("normative_documents", "in_force"): 43,
            ("fees", "amount_10k_yuan"): Decimal("12.35"),
        },
    )
    assert len(changed) == 4  # type: ignore[arg-type]
    proactive = ledger_report(world.agency, 2025).proactive
    assert proactive["normative_documents"] == {"issued": 5, "repealed": 2, "in_force": 43}
    assert proactive["fees"] == {"amount_10k_yuan": Decimal("12.35")}
    entry = AuditEntry.objects.get(action="proactive_counts_set")
    assert entry.details["changed"]["fees.amount_10k_yuan"] == "12.35"
    assert entry.details["edition"] == "2021"
    assert _set(world, 2025, {("normative_documents", "issued"): 5}) == []  # nothing changed
    _set(world, 2025, {("normative_documents", "issued"): None})  # cleared
    assert not ProactiveCount.objects.filter(column="issued").exists()


def test_edition_2019_takes_a_negative_change(world: World) -> None:
    _set(world, 2020, {("licensing", "change"): -3, ("procurement", "amount_10k_yuan"): Decimal(8)})
    row = ProactiveCount.objects.get(row="licensing")
    assert (row.year, row.edition, row.value) == (2020, "2019", Decimal(-3))
    assert ledger_report(world.agency, 2020).proactive["licensing"] == {"change": -3}


@pytest.mark.parametrize(
    ("year", "cell", "value", "message"),
    [
        (2025, ("rules", "issued"), -1, "第二部分 规章 › 本年制发件数：应为非负整数，实际为 -1"),
        (2025, ("licensing", "decisions"), Decimal("2.5"), "应为整数，实际为 2.5"),
        (2025, ("fees", "amount_10k_yuan"), Decimal("-0.5"), "金额不能为负数"),
        (2025, ("fees", "amount_10k_yuan"), Decimal("1.23456"), "最多保留 4 位小数"),
        (2025, ("procurement", "projects"), 3, "2021年版格式没有“procurement.projects”这一格"),
        (2020, ("rules", "issued"), 3, "2019年版格式没有“rules.issued”这一格"),
    ],
)
def test_values_are_checked_in_chinese(
    world: World, year: int, cell: tuple[str, str], value: object, message: str
) -> None:
    with pytest.raises(ProactiveInvalid) as caught:
        _set(world, year, {cell: value, ("penalty", "decisions"): 4})
    assert message in caught.value.message
    assert not ProactiveCount.objects.exists()  # nothing of a refused entry is kept


def test_legacy_years_have_no_national_table(world: World) -> None:
    with pytest.raises(GongkaiError, match="没有全国统一的第二部分表格"):
        _set(world, 2018, {("rules", "issued"): 1})


def test_a_locked_year_needs_a_correction_reason(world: World) -> None:
    _set(world, 2025, {("penalty", "decisions"): 10})
    world.lock(2025)
    with pytest.raises(actions.YearLocked, match="请填写更正理由"):
        _set(world, 2025, {("penalty", "decisions"): 11})
    penalty = ProactiveCount.objects.filter(row="penalty", column="decisions")
    assert penalty.get().value == 10
    _set(world, 2025, {("penalty", "decisions"): 11}, correction_reason="漏统计一件处罚决定")
    assert penalty.get().value == 11
    correction = ReportCorrection.objects.get()
    assert correction.details == {"change": "proactive_counts_set"} and correction.year == 2025
    _set(world, 2026, {("penalty", "decisions"): 1})  # the next year is not locked


def test_outsiders_cannot_set(world: World) -> None:
    for outsider in (world.stranger, world.supervisor):
        with pytest.raises(AccessDenied):
            actions.proactive_counts_set(
                actor=outsider, agency=world.agency, year=2025, values={("rules", "issued"): 1}
            )
    assert not ProactiveCount.objects.exists()


# --- the page ---------------------------------------------------------------------------------


def _url(world: World, year: int) -> str:
    return f"/years/{year}/proactive/?agency={world.agency.pk}"


@pytest.mark.parametrize("year", [2020, 2025])
def test_the_page_has_every_cell_with_its_label(world: World, year: int) -> None:
    page = login(world.clerk).get(_url(world, year)).content.decode()
    grid = table(Edition.for_year(year), Section.PROACTIVE)
    for row, column in grid.cells():
        assert (
            f'<label for="id_{row.key}__{column.key}"><span class="sr-only">{row.label} › </span>{column.label}</label>'
            in page
        )
    assert f"已录入 0 / {grid.cell_count} 格" in page
    assert '<th scope="row">' in page and '<th scope="col">' in page
    if year == 2025:
        assert "本年制发件数" in page and "本年收费金额（单位：万元）" in page
    else:
        assert "本年新制作数量" in page and "采购总金额" in page


def test_entry_through_the_page(world: World) -> None:
    client = login(world.clerk)
    data = {"rules__issued": "0", "fees__amount_10k_yuan": "12.5", "penalty__decisions": "1,204"}
    response = client.post(_url(world, 2025), data, follow=True)
    assert "已保存 3 格" in response.content.decode()
    stored = {(c.row, c.column): c.value for c in ProactiveCount.objects.all()}
    assert stored == {
        ("rules", "issued"): 0,
        ("fees", "amount_10k_yuan"): Decimal("12.5"),
        ("penalty", "decisions"): 1204,
    }
    page = client.get(_url(world, 2025)).content.decode()
    assert 'value="12.5"' in page and 'value="1204"' in page
    response = client.post(_url(world, 2020), {"licensing__change": "-3"}, follow=True)
    assert "已保存 1 格" in response.content.decode()


@pytest.mark.parametrize(
    ("field", "text", "message"),
    [
        ("rules__issued", "abc", "应为数字，实际为字符串 “abc”"),
        ("rules__issued", "-1", "应为非负整数，实际为 -1"),
        ("licensing__decisions", "1.5", "应为整数，实际为 1.5"),
        ("fees__amount_10k_yuan", "-2", "金额不能为负数"),
    ],
)
def test_errors_on_the_page(world: World, field: str, text: str, message: str) -> None:
    response = login(world.clerk).post(_url(world, 2025), {field: text, "penalty__decisions": "3"})
    page = response.content.decode()
    assert response.status_code == 400
    assert message in page and f'id="id_{field}_error"' in page and 'aria-invalid="true"' in page
    assert not ProactiveCount.objects.exists()


def test_last_years_in_force_is_shown_beside(world: World) -> None:
    _set(world, 2024, {("normative_documents", "in_force"): 40})
    _set(
        world, 2025, {("normative_documents", "issued"): 5, ("normative_documents", "repealed"): 2}
    )
    page = login(world.clerk).get(_url(world, 2025)).content.decode()
    assert "2024 年现行有效件数：40；按上年 + 本年制发 − 本年废止，应为 43（R6）" in page
    assert "2024 年现行有效件数：未录入" in page  # 规章: nothing entered for 2024


def test_locked_year_on_the_page(world: World) -> None:
    world.lock(2025)
    client = login(world.clerk)
    page = client.post(_url(world, 2025), {"rules__issued": "1"}).content.decode()
    assert "已锁定" in page and "请填写更正理由" in page
    rules = ProactiveCount.objects.filter(row="rules", column="issued")
    assert rules.get().value == 0  # as locked
    client.post(_url(world, 2025), {"rules__issued": "1", "correction_reason": "补录"})
    assert rules.get().value == 1


def test_links_to_the_page(world: World) -> None:
    client = login(world.clerk)
    year_page = client.get(f"/years/2025/?agency={world.agency.pk}").content.decode()
    assert f'href="/years/2025/proactive/?agency={world.agency.pk}"' in year_page
    assert ">主动公开统计</a>" in year_page and ">目录</a>" in year_page  # navigation
    latest = client.get(f"/proactive/?agency={world.agency.pk}")
    assert latest.status_code == 302 and "/proactive/?agency=" in latest["Location"]
    assert client.get(f"/years/2018/proactive/?agency={world.agency.pk}").status_code == 404


def test_outsiders_on_the_page(world: World) -> None:
    _set(world, 2025, {("penalty", "decisions"): 7})
    stranger = login(world.stranger)
    assert stranger.get(_url(world, 2025)).status_code == 404
    assert stranger.post(_url(world, 2025), {"penalty__decisions": "8"}).status_code == 404
    supervisor = login(world.supervisor)
    page = supervisor.get(_url(world, 2025)).content.decode()
    assert 'value="7"' in page and "readonly" in page and "保存</button>" not in page
    refused = supervisor.post(_url(world, 2025), {"penalty__decisions": "8"}).content.decode()
    assert "只有示例区人民政府办公室的" in refused
    assert ProactiveCount.objects.get().value == 7
