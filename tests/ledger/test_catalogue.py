"""The 政府信息公开目录 (第十二条): 索引号 from the agency's pattern, unique under concurrency, and
publication within 20 working days (第二十六条), 调休 included."""

from __future__ import annotations

import threading
from datetime import date
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from gongkai.clock import Calendar, ScheduleMissing, Timeliness, publication
from gongkai.ledger import actions
from gongkai.ledger.access import AccessDenied
from gongkai.ledger.catalogue import timeliness, year_summary
from gongkai.ledger.deadlines import entered_calendar
from gongkai.ledger.models import AuditEntry, CatalogueItem, HolidaySchedule
from gongkai.ledger.writes import seeding

from .conftest import World, login, make_world

CAL = Calendar.official()
MADE = date(2025, 9, 22)  # a Monday before 国庆 2025: 9-28 (Sunday) and 10-11 (Saturday) are worked


def _add(world: World, title: str = "关于某事项的通知", **kw: Any) -> CatalogueItem:
    kw.setdefault("made_on", MADE)
    return actions.catalogue_add(actor=world.clerk, agency=world.agency, title=title, **kw)


# --- 索引号 -------------------------------------------------------------------------------------


def test_index_numbers_follow_the_pattern_per_agency_and_year(world: World) -> None:
    first, second = _add(world), _add(world, made_on=date(2025, 1, 2))
    assert (first.index_number, second.index_number) == ("A1/2025-00001", "A1/2025-00002")
    assert _add(world, made_on=date(2026, 1, 5)).index_number == "A1/2026-00001"
    world.other.code = "B2"
    world.other.index_pattern = "{year}{serial:04d}-{code}"
    with seeding():
        world.other.save()
    theirs = actions.catalogue_add(
        actor=world.stranger, agency=world.other, title="通知", made_on=MADE
    )
    assert theirs.index_number == "20250001-B2"
    entry = AuditEntry.objects.get(action="catalogue_add", object_id=str(first.pk))
    assert entry.details["index_number"] == "A1/2025-00001" and entry.user == world.clerk


def test_numbers_already_taken_are_skipped(world: World) -> None:
    with seeding():  # a number given before the ledger kept the catalogue
        CatalogueItem.objects.create(
            agency=world.agency, index_number="A1/2025-00001", title="旧目录项", made_on=MADE
        )
    assert _add(world).index_number == "A1/2025-00002"


@pytest.mark.parametrize(
    ("pattern", "code", "message"),
    [
        ("{code}/{year}-{nummer}", "A1", "只能使用"),
        ("{code}/{year}", "A1", "必须包含 {serial}"),
        ("{code}/{year}-{serial:05d}", "", "尚未填写机构代码"),
    ],
)
def test_unusable_patterns_are_refused(world: World, pattern: str, code: str, message: str) -> None:
    world.agency.index_pattern, world.agency.code = pattern, code
    with seeding():  # stored before the pattern was checked on entry
        world.agency.save()
    with pytest.raises(actions.InvalidRequest, match=message):
        _add(world)
    assert not CatalogueItem.objects.exists()


def test_the_admin_cannot_save_a_pattern_without_serial(world: World) -> None:
    world.agency.index_pattern = "{code}-{year}"
    with pytest.raises(ValidationError, match="必须包含"):
        world.agency.full_clean()


def test_simultaneous_additions_get_unique_numbers(transactional_db: None) -> None:
    world = make_world()
    count, errors, barrier = 12, [], threading.Barrier(12)

    def add(i: int) -> None:
        try:
            barrier.wait(timeout=30)
            _add(world, title=f"第 {i} 条")
        except Exception as exc:  # reported by the assertion below
            errors.append(f"{i}: {exc!r}")
        finally:
            connection.close()

    threads = [threading.Thread(target=add, args=(i,)) for i in range(count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert not errors, errors
    numbers = sorted(CatalogueItem.objects.values_list("index_number", flat=True))
    assert numbers == [f"A1/2025-{n:05d}" for n in range(1, count + 1)]


# --- 第二十六条: within 20 working days -------------------------------------------------------


def test_the_boundary_counts_make_up_working_days() -> None:
    # 9-23…9-26, Sunday 9-28 (worked), 9-29, 9-30, 10-9, 10-10, Saturday 10-11 (worked), then
    # 10-13 … 10-24: the 20th working day is 2025-10-24. Weekends alone would say 2025-10-28.
    on_time = publication(MADE, date(2025, 10, 24), calendar=CAL, today=date(2025, 12, 1))
    assert on_time.due == date(2025, 10, 24)
    assert (on_time.timeliness, on_time.label) == (Timeliness.ON_TIME, "及时")
    late = publication(MADE, date(2025, 10, 27), calendar=CAL, today=date(2025, 12, 1))
    assert (late.timeliness, late.label) == (Timeliness.LATE, "超期 1 个工作日")
    # Published on the Saturday after the last day: late by the next working day.
    saturday = publication(MADE, date(2025, 10, 25), calendar=CAL, today=date(2025, 12, 1))
    assert saturday.label == "超期 1 个工作日"
    # Published on a make-up Saturday: a working day, inside the period.
    worked = publication(MADE, date(2025, 10, 11), calendar=CAL, today=date(2025, 12, 1))
    assert worked.timeliness is Timeliness.ON_TIME
    later = publication(MADE, date(2025, 11, 7), calendar=CAL, today=date(2025, 12, 1))
    assert later.label == "超期 10 个工作日"


def test_unpublished_items_are_pending_then_overdue() -> None:
    pending = publication(MADE, None, calendar=CAL, today=date(2025, 10, 24))
    assert (pending.timeliness, pending.label, pending.late) == (
        Timeliness.PENDING,
        "未公开",
        False,
    )
    overdue = publication(MADE, None, calendar=CAL, today=date(2025, 10, 28))
    assert overdue.label == "未公开，已超期 2 个工作日" and overdue.late


def test_an_unknown_year_is_said_not_assumed(world: World) -> None:
    item = _add(world, made_on=date(2027, 3, 1), published_on=date(2027, 3, 5))
    with pytest.raises(ScheduleMissing):
        publication(
            item.made_on, item.published_on, calendar=entered_calendar(), today=date(2027, 4, 1)
        )
    result = timeliness(item, calendar=entered_calendar(), today=date(2027, 4, 1))
    assert result.label.startswith("无法判断：2027 年的法定节假日安排尚未录入")
    assert (
        year_summary(
            world.agency, 2027, calendar=entered_calendar(), today=date(2027, 4, 1)
        ).unknown
        == 1
    )
    with seeding():
        HolidaySchedule.objects.create(year=2027, holidays=["2027-01-01"], workdays=[])
    assert timeliness(item, calendar=entered_calendar(), today=date(2027, 4, 1)).label == "及时"


def test_publish_once_not_before_made(world: World) -> None:
    item = _add(world)
    with pytest.raises(actions.InvalidRequest, match="早于制作日期"):
        actions.catalogue_publish(actor=world.clerk, item=item, published_on=date(2025, 9, 1))
    actions.catalogue_publish(actor=world.clerk, item=item, published_on=date(2025, 10, 27))
    item.refresh_from_db()
    assert item.published_on == date(2025, 10, 27)
    with pytest.raises(actions.InvalidRequest, match="不能更改"):
        actions.catalogue_publish(actor=world.clerk, item=item, published_on=date(2025, 10, 24))
    for outsider in (world.stranger, world.supervisor):
        with pytest.raises(AccessDenied):
            actions.catalogue_add(actor=outsider, agency=world.agency, title="x", made_on=MADE)
        with pytest.raises(AccessDenied):
            actions.catalogue_publish(actor=outsider, item=_add(world), published_on=MADE)


def test_year_summary_counts_late_items(world: World) -> None:
    _add(world, published_on=date(2025, 10, 24))  # on time
    _add(world, published_on=date(2025, 10, 27))  # late
    _add(world)  # not published, overdue on 2025-12-01
    _add(world, made_on=date(2025, 11, 28))  # not published, still in time
    _add(world, made_on=date(2024, 3, 1), published_on=date(2024, 6, 1))  # another year
    summary = year_summary(world.agency, 2025, calendar=CAL, today=date(2025, 12, 1))
    assert (summary.total, summary.on_time, summary.late, summary.overdue, summary.pending) == (
        4,
        1,
        1,
        1,
        1,
    )
    assert summary.late_total == 2


# --- the page ---------------------------------------------------------------------------------


def test_the_page_searches_and_shows_timeliness(world: World, settings: Any) -> None:
    settings.GONGKAI_TODAY = date(2025, 12, 1)
    _add(world, title="区政府工作报告", category="规划计划", published_on=date(2025, 10, 24))
    _add(world, title="征收补偿方案", category="征收", published_on=date(2025, 10, 27))
    _add(world, title="财政预算", category="财政", made_on=date(2025, 3, 3))
    client = login(world.clerk)
    page = client.get(f"/catalogue/?agency={world.agency.pk}").content.decode()
    assert "A1/2025-00001" in page and "及时" in page and "超期 1 个工作日" in page
    assert "未公开，已超期" in page and "<strong>超期 2 条</strong>" in page
    assert '<th scope="col">索引号</th>' in page and 'for="id_title"' in page

    def found(query: str) -> str:
        return client.get(f"/catalogue/?agency={world.agency.pk}&{query}").content.decode()

    assert "征收补偿方案" in found("title=征收") and "财政预算" not in found("title=征收")
    assert "财政预算" in found("index_number=00003") and "征收补偿方案" not in found(
        "index_number=00003"
    )
    assert "区政府工作报告" in found("category=规划") and "财政预算" not in found("category=规划")
    ranged = found("made_from=2025-03-01&made_to=2025-03-31")
    assert "财政预算" in ranged and "征收补偿方案" not in ranged
    assert "2024 年制作或变更的信息共 0 条" in found("year=2024")


def test_add_and_publish_through_the_page(world: World) -> None:
    client = login(world.clerk)
    response = client.post(
        f"/catalogue/?agency={world.agency.pk}",
        {"title": "关于调整某收费标准的通知", "category": "收费", "made_on": "2025-09-22"},
        follow=True,
    )
    assert "已加入目录，索引号 A1/2025-00001" in response.content.decode()
    item = CatalogueItem.objects.get()
    client.post(f"/catalogue/{item.pk}/publish/", {"published_on": "2025-10-24"})
    item.refresh_from_db()
    assert item.published_on == date(2025, 10, 24)
    bad = client.post(
        f"/catalogue/?agency={world.agency.pk}",
        {"title": "x", "made_on": "2025-09-22", "published_on": "2025-09-01"},
    )
    assert bad.status_code == 400 and "公开日期不能早于制作日期" in bad.content.decode()


def test_outsiders_change_nothing(world: World) -> None:
    item = _add(world, title="某通知")
    stranger = login(world.stranger)
    page = stranger.get(f"/catalogue/?agency={world.agency.pk}")
    assert page.status_code == 404
    assert "某通知" not in stranger.get("/catalogue/").content.decode()  # their own agency's
    post = {"title": "冒名", "made_on": "2025-09-22", "agency": world.agency.pk}
    assert stranger.post(f"/catalogue/?agency={world.agency.pk}", post).status_code == 404
    assert (
        stranger.post(f"/catalogue/{item.pk}/publish/", {"published_on": "2025-10-24"}).status_code
        == 404
    )
    supervisor = login(world.supervisor)
    page = supervisor.get(f"/catalogue/?agency={world.agency.pk}").content.decode()
    assert "某通知" in page and "新增目录项" not in page and "记录公开" not in page
    refused = supervisor.post(f"/catalogue/?agency={world.agency.pk}", post)
    assert "只有示例区人民政府办公室的" in refused.content.decode()
    supervisor.post(f"/catalogue/{item.pk}/publish/", {"published_on": "2025-10-24"})
    item.refresh_from_db()
    assert item.published_on is None and CatalogueItem.objects.count() == 1
