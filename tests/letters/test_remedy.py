"""The remedy sentence on both sides of 2024-01-01, when the revised 行政复议法 (第二十三条第一款
第四项) put reconsideration first for a refusal to disclose."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gongkai.application.outcome import Outcome
from gongkai.letters import REVIEW_FIRST, reconsideration_first, remedy

from .personas import facts

BEFORE, SINCE = date(2023, 12, 31), date(2024, 1, 1)
DENIED = sorted(o for o in Outcome if o.value.startswith("denied_"))
OTHERS = [o for o in Outcome if o not in DENIED and o is not Outcome.PARTIALLY_GRANTED]


def _both_options(text: str) -> bool:
    return (
        "某某市人民政府申请行政复议" in text
        and "六个月内向某某市某某区人民法院提起行政诉讼" in text
    )


@pytest.mark.parametrize("outcome", DENIED)
def test_a_refusal_before_2024_may_go_straight_to_court(outcome: Outcome) -> None:
    text = remedy(outcome, BEFORE, facts(letter_date=BEFORE))
    assert _both_options(text)
    assert "第九条第一款" in text and "第二十三条" not in text
    assert not reconsideration_first(outcome, BEFORE)


@pytest.mark.parametrize("outcome", DENIED)
def test_a_refusal_since_2024_goes_to_reconsideration_first(outcome: Outcome) -> None:
    text = remedy(outcome, SINCE, facts(letter_date=SINCE))
    assert "六十日内向某某市人民政府申请行政复议" in text
    assert "第二十三条第一款第四项" in text and "应当先申请行政复议" in text
    assert "六个月" not in text and "某某区人民法院" not in text  # no direct litigation
    assert "十五日内依法向人民法院提起行政诉讼" in text  # only against the reconsideration
    assert reconsideration_first(outcome, SINCE)


@pytest.mark.parametrize("outcome", [*OTHERS, None])
def test_everything_else_keeps_both_routes_after_2024(outcome: Outcome | None) -> None:
    for day in (BEFORE, SINCE, date(2026, 6, 1)):
        assert _both_options(remedy(outcome, day, facts(letter_date=day)))
        assert not reconsideration_first(outcome, day)


def test_the_article_of_the_reconsideration_law_follows_the_date() -> None:
    assert "行政复议法》第二十条第一款" in remedy(Outcome.GRANTED, SINCE, facts())
    assert "行政复议法》第九条第一款" in remedy(Outcome.GRANTED, BEFORE, facts())


def test_review_first_is_exactly_the_refusals() -> None:
    assert frozenset(DENIED) == REVIEW_FIRST
    assert Outcome.PARTIALLY_GRANTED not in REVIEW_FIRST


def test_the_withheld_part_of_a_partial_answer_goes_to_reconsideration_first() -> None:
    """《行政复议法》2023 第二十三条第一款第四项: the part not disclosed is 不予公开; only the
    part disclosed may go straight to court."""
    text = remedy(Outcome.PARTIALLY_GRANTED, SINCE, facts(letter_date=SINCE))
    assert "第二十三条第一款第四项" in text
    assert "对其中不予公开部分的决定不服的，应当先申请行政复议" in text
    assert "对予以公开部分的处理不服的，也可以自收到本告知书之日起六个月内" in text
    assert reconsideration_first(Outcome.PARTIALLY_GRANTED, SINCE)
    before = remedy(Outcome.PARTIALLY_GRANTED, BEFORE, facts(letter_date=BEFORE))
    assert _both_options(before) and "第二十三条" not in before


def test_without_a_court_the_letter_says_the_peoples_court() -> None:
    agency = replace(facts().agency, court="")
    text = remedy(Outcome.GRANTED, SINCE, facts(agency=agency))
    assert "六个月内向人民法院提起行政诉讼" in text
