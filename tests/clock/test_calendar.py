"""The working-day calendar against the State Council's published schedules, 2024–2026."""

from __future__ import annotations

from datetime import date, timedelta

import chinese_calendar  # type: ignore[import-untyped,unused-ignore]
import pytest

from gongkai.clock import Calendar, DayKind, ScheduleInvalid, ScheduleMissing, YearSchedule

CAL = Calendar.official()

# Official schedules, checked by hand against the State Council's notices (国办发明电).
REST_DAYS = [
    (date(2024, 2, 10), "春节"),
    (date(2024, 2, 17), "春节"),
    (date(2024, 4, 4), "清明节"),
    (date(2024, 5, 1), "劳动节"),
    (date(2024, 5, 5), "劳动节"),
    (date(2024, 10, 7), "国庆节"),
    (date(2025, 1, 28), "春节"),
    (date(2025, 2, 4), "春节"),
    (date(2025, 5, 5), "劳动节"),
    (date(2025, 6, 2), "端午节"),
    (date(2025, 10, 6), "中秋节"),
    (date(2025, 10, 8), "国庆节"),
    (date(2026, 1, 2), "元旦"),
    (date(2026, 2, 23), "春节"),
    (date(2026, 9, 25), "中秋节"),
    (date(2026, 10, 1), "国庆节"),
    (date(2026, 10, 7), "国庆节"),
]
MAKEUP_DAYS = [
    (date(2024, 2, 4), "春节"),
    (date(2024, 2, 18), "春节"),
    (date(2024, 4, 7), "清明节"),
    (date(2024, 4, 28), "劳动节"),
    (date(2024, 5, 11), "劳动节"),
    (date(2024, 9, 14), "中秋节"),
    (date(2024, 9, 29), "国庆节"),
    (date(2024, 10, 12), "国庆节"),
    (date(2025, 1, 26), "春节"),
    (date(2025, 2, 8), "春节"),
    (date(2025, 4, 27), "劳动节"),
    (date(2025, 9, 28), "国庆节"),
    (date(2025, 10, 11), "国庆节"),
    (date(2026, 1, 4), "元旦"),
    (date(2026, 2, 14), "春节"),
    (date(2026, 2, 28), "春节"),
    (date(2026, 5, 9), "劳动节"),
    (date(2026, 9, 20), "国庆节"),
    (date(2026, 10, 10), "国庆节"),
]


@pytest.mark.parametrize(("day", "name"), REST_DAYS)
def test_public_holidays_are_rest_days(day: date, name: str) -> None:
    assert not CAL.is_working_day(day)
    explained = CAL.day(day)
    assert explained.kind is DayKind.HOLIDAY
    assert explained.reason == name


@pytest.mark.parametrize(("day", "name"), MAKEUP_DAYS)
def test_makeup_weekend_days_are_working_days(day: date, name: str) -> None:
    assert day.weekday() >= 5
    assert CAL.is_working_day(day)
    assert CAL.day(day).kind is DayKind.MAKEUP_WORKDAY
    assert CAL.day(day).reason == f"{name}调休上班"


def test_plain_days_are_explained() -> None:
    assert CAL.day(date(2026, 3, 7)).reason == "周末"
    assert CAL.day(date(2026, 3, 9)).reason == "工作日"
    # 2024's 除夕 (2-09) was a working day; 2026's 2-08 is an ordinary Sunday.
    assert CAL.is_working_day(date(2024, 2, 9))
    assert not CAL.is_working_day(date(2026, 2, 8))


def test_2026_national_day_break_is_october_1_to_7() -> None:
    # The brief guessed 10-01 to 10-08; the official notice (and the package) say 1–7.
    assert [CAL.is_working_day(date(2026, 10, d)) for d in range(1, 11)] == [
        *[False] * 7,
        True,  # 10-08 Thursday
        True,  # 10-09 Friday
        True,  # 10-10 Saturday, 调休上班
    ]


def test_agrees_with_the_package_on_every_day_it_covers() -> None:
    d = date(2004, 1, 1)
    while d.year <= 2026:
        assert CAL.is_working_day(d) == chinese_calendar.is_workday(d), d
        d += timedelta(days=1)


def test_day_one_is_the_next_working_day_after_start() -> None:
    # 民法典第二百零一条: the starting day is not counted.
    assert CAL.add_working_days(date(2026, 3, 2), 1) == date(2026, 3, 3)  # Monday → Tuesday
    assert CAL.add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)  # Friday → Monday
    assert CAL.add_working_days(date(2026, 10, 1), 1) == date(2026, 10, 8)  # a holiday → after it
    assert CAL.add_working_days(date(2026, 3, 2), 0) == date(2026, 3, 2)
    with pytest.raises(ValueError):
        CAL.add_working_days(date(2026, 3, 2), -1)


def test_working_days_between_is_half_open() -> None:
    assert CAL.working_days_between(date(2026, 9, 28), date(2026, 10, 30)) == 20
    assert CAL.working_days_between(date(2026, 10, 30), date(2026, 9, 28)) == -20
    assert CAL.working_days_between(date(2026, 10, 1), date(2026, 10, 7)) == 0
    assert CAL.working_days_between(date(2026, 10, 9), date(2026, 10, 10)) == 1  # 调休上班
    assert CAL.subtract_working_days(date(2026, 10, 30), 5) == date(2026, 10, 23)


def test_a_year_without_a_schedule_is_refused_not_guessed() -> None:
    with pytest.raises(ScheduleMissing) as caught:
        CAL.is_working_day(date(2027, 3, 1))
    error = caught.value
    assert error.code == "schedule_missing"
    assert error.year == 2027
    assert "2027 年的法定节假日安排尚未录入" in error.message
    assert error.as_dict()["data"] == {"year": 2027}
    with pytest.raises(ScheduleMissing):
        CAL.add_working_days(date(2026, 12, 20), 20)
    with pytest.raises(ScheduleMissing):
        Calendar().day(date(2026, 3, 2))
    assert not CAL.covers(2003)


ADMIN_2027 = YearSchedule(
    2027,
    holidays=frozenset({date(2027, 1, 1), date(2027, 1, 2), date(2027, 1, 3)}),
    workdays=frozenset({date(2027, 1, 9)}),
    names={date(2027, 1, 1): "元旦"},
)


def test_an_administrator_supplied_year_is_used() -> None:
    cal = CAL.with_years([ADMIN_2027])
    assert cal.covers(2027) and not CAL.covers(
        2027
    )  # immutable: the official calendar is unchanged
    assert not cal.is_working_day(date(2027, 1, 1))
    assert cal.day(date(2027, 1, 1)).reason == "元旦"
    assert cal.day(date(2027, 1, 2)).reason == "法定节假日"  # no name entered
    assert cal.day(date(2027, 1, 9)).reason == "调休上班"
    assert cal.is_working_day(date(2027, 1, 9))
    assert cal.add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_an_administrator_year_replaces_the_bundled_one() -> None:
    extra = date(2026, 3, 9)  # say a special holiday were announced
    cal = CAL.with_years(
        [YearSchedule(2026, CAL.schedule(2026).holidays | {extra}, CAL.schedule(2026).workdays)]
    )
    assert not cal.is_working_day(extra)
    assert CAL.is_working_day(extra)


@pytest.mark.parametrize(
    ("holidays", "workdays", "message"),
    [
        ({date(2028, 1, 1)}, set(), "不属于 2027 年"),
        ({date(2027, 1, 9)}, {date(2027, 1, 9)}, "不能既是放假日又是调休上班日"),
        (set(), {date(2027, 1, 6)}, "本来就是工作日"),
    ],
)
def test_a_contradictory_schedule_is_refused(
    holidays: set[date], workdays: set[date], message: str
) -> None:
    with pytest.raises(ScheduleInvalid, match=message) as caught:
        YearSchedule(2027, frozenset(holidays), frozenset(workdays))
    assert caught.value.code == "schedule_invalid"


def test_years_are_given_one_by_one_or_as_an_iterable() -> None:
    y2028 = YearSchedule(2028, frozenset(), frozenset())
    for cal in (CAL.with_years(ADMIN_2027, y2028), CAL.with_years([ADMIN_2027, y2028])):
        assert cal.covers(2027) and cal.covers(2028)
    assert CAL.with_years() is not CAL and CAL.with_years([]).years == CAL.years


def test_the_same_year_twice_is_refused() -> None:
    with pytest.raises(ScheduleInvalid, match="录入了两次"):
        CAL.with_years([ADMIN_2027, ADMIN_2027])
    with pytest.raises(ScheduleInvalid, match="录入了两次"):
        CAL.with_years(ADMIN_2027, ADMIN_2027)
