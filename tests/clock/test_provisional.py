"""Deadlines into a year with no schedule: counted on its known parts (weekends, 元旦), marked
provisional; and the schedule typed as people type it (issue 12)."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.clock import Calendar, ScheduleInvalid, ScheduleMissing, answer_deadline
from gongkai.clock.schedule import official_schedules
from gongkai.clock.schedule_text import parse_schedule, working_days_of

CAL = Calendar.official()

NOTICE_2026 = """一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。2月14日（周六）、2月28日（周六）上班。
三、清明节：4月4日（周六）至6日（周一）放假，共3天。
四、劳动节：5月1日（周五）至5日（周二）放假调休，共5天。5月9日（周六）上班。
五、端午节：6月19日（周五）至21日（周日）放假，共3天。
六、中秋节：9月25日（周五）至27日（周日）放假，共3天。
七、国庆节：10月1日（周四）至7日（周三）放假调休，共7天。9月20日（周日）、10月10日（周六）上班。"""


def test_received_2026_12_05_is_due_2027_01_04_provisionally() -> None:
    deadline = answer_deadline(date(2026, 12, 5), calendar=CAL.provisional())
    assert deadline.due == date(2027, 1, 4)
    assert deadline.provisional_years == (2027,)
    assert (
        deadline.explain()[-1]
        == "暂定：2027 年放假安排尚未录入，暂按周末和元旦计算；录入后自动重新计算"
    )


def test_a_strict_calendar_still_refuses_to_guess() -> None:
    with pytest.raises(ScheduleMissing):
        answer_deadline(date(2026, 12, 5), calendar=CAL)


def test_known_years_are_never_provisional() -> None:
    deadline = answer_deadline(date(2026, 9, 28), calendar=CAL.provisional())
    assert deadline.due is not None and not deadline.provisional
    assert CAL.provisional().with_years().is_provisional(2030)


def test_entered_year_replaces_the_provisional_count() -> None:
    y2027 = parse_schedule(2027, "1月1日至4日放假")
    cal = CAL.with_years(y2027).provisional()
    deadline = answer_deadline(date(2026, 12, 5), calendar=cal)
    assert (deadline.due, deadline.provisional) == (date(2027, 1, 5), False)


def test_missing_ahead_from_november() -> None:
    assert CAL.missing_ahead(date(2026, 10, 31)) == ()
    assert CAL.missing_ahead(date(2026, 11, 1)) == (2027,)
    assert CAL.missing_ahead(date(2027, 2, 1)) == (2027,)


def test_the_state_councils_notice_reads_as_the_official_schedule() -> None:
    parsed = parse_schedule(2026, NOTICE_2026)
    official = official_schedules()[2026]
    assert parsed.holidays == official.holidays
    assert parsed.workdays == official.workdays
    assert parsed.names[date(2026, 2, 15)] == "春节"
    assert parsed.names[date(2026, 2, 28)] == "春节"
    assert working_days_of(parsed) == working_days_of(official)


@pytest.mark.parametrize(
    ("text", "holidays", "workdays"),
    [
        ("1月1日至3日放假，1月9日上班", {(1, 1), (1, 2), (1, 3)}, {(1, 9)}),
        ("2027-01-01, 2027-01-02", {(1, 1), (1, 2)}, set()),
        (
            "放假：2027-02-06~2027-02-08；上班：2027-02-14，2027-02-20",
            {(2, 6), (2, 7), (2, 8)},
            {(2, 14), (2, 20)},
        ),
        ("2月6日到8日休息\n2月14日(周日)上班", {(2, 6), (2, 7), (2, 8)}, {(2, 14)}),
        ("1月31日至2月2日放假", {(1, 31), (2, 1), (2, 2)}, set()),
    ],
)
def test_dates_and_ranges_as_typed(
    text: str, holidays: set[tuple[int, int]], workdays: set[tuple[int, int]]
) -> None:
    parsed = parse_schedule(2027, text)
    assert parsed.holidays == {date(2027, m, d) for m, d in holidays}
    assert parsed.workdays == {date(2027, m, d) for m, d in workdays}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("1月32日放假", "不是有效日期"),
        ("随便写写", "没有从输入中读到"),
        ("3日放假", "缺少月份"),
        ("1月1日 5 放假", "无法识别"),
        ("2026-05-01放假", "不属于 2027 年"),
        ("1月4日上班", "本来就是工作日"),
        ("1月5日至3日放假", "早于开始日期"),
    ],
)
def test_what_cannot_be_read_is_refused(text: str, message: str) -> None:
    with pytest.raises(ScheduleInvalid, match=message):
        parse_schedule(2027, text)
