"""The remedy sentence (救济途径告知) that ends every letter deciding something.

The applicant may apply for 行政复议 within 60 days of learning of the decision (《行政复议法》
第九条, since 2024-01-01 第二十条) or sue within 6 months (《行政诉讼法》第四十六条).

Since 2024-01-01 the revised 《中华人民共和国行政复议法》 第二十三条第一款第四项 puts
reconsideration first for "申请政府信息公开，行政机关不予公开": the applicant must apply for
reconsideration and may sue only against its decision, within 15 days of receiving it
(《行政诉讼法》第四十五条). Which outcomes count as 不予公开 is set in `REVIEW_FIRST`: the
`denied_*` outcomes (the annual report counts 行政查询事项 among them; telling an applicant to
go to reconsideration first where the law might allow a direct suit costs a step, the reverse
costs the suit). A 部分公开 answer withholds a part: that part goes to reconsideration first too
(`PART_REVIEW_FIRST`), while the part disclosed may still be taken to court directly.

The letter names the 复议机关: a letter that does not lets the time to apply run from when the
applicant learns of it, up to a year (《行政复议法》第二十条第三款), so no deciding letter is
written without it (see `gongkai.letters.render`).
"""

from __future__ import annotations

from datetime import date

from gongkai.application.outcome import Outcome
from gongkai.letters.facts import LetterFacts

REVIEW_FIRST_SINCE = date(2024, 1, 1)  # the revised 行政复议法 takes effect
REVIEW_FIRST: frozenset[Outcome] = frozenset(o for o in Outcome if o.value.startswith("denied_"))
PART_REVIEW_FIRST: frozenset[Outcome] = frozenset({Outcome.PARTIALLY_GRANTED})

_REVIEW_FIRST_RULE = (
    "根据《中华人民共和国行政复议法》第二十三条第一款第四项的规定，{what}应当先申请行政复议；"
    "对行政复议决定不服的，可以自收到行政复议决定书之日起十五日内依法向人民法院提起行政诉讼"
    "（《中华人民共和国行政诉讼法》第四十五条）"
)


def reconsideration_first(outcome: Outcome | None, letter_date: date) -> bool:
    """Must the applicant apply for reconsideration before going to court against the letter
    (for a 部分公开 answer: against its withheld part)?"""
    return outcome in REVIEW_FIRST | PART_REVIEW_FIRST and letter_date >= REVIEW_FIRST_SINCE


def _reconsideration_article(letter_date: date) -> str:
    article = "第二十条第一款" if letter_date >= REVIEW_FIRST_SINCE else "第九条第一款"
    return f"《中华人民共和国行政复议法》{article}"


def remedy(outcome: Outcome | None, letter_date: date, facts: LetterFacts) -> str:
    """The sentence telling the applicant how to challenge the letter, as the law stood on
    `letter_date`. `outcome` is None for a letter that decides no outcome (the fee notice)."""
    agency = facts.agency
    court = agency.court or "人民法院"
    reconsider = (
        f"如对本告知书不服，可以自收到本告知书之日起六十日内向{agency.reconsideration_body}"
        f"申请行政复议（{_reconsideration_article(letter_date)}）"
    )
    sue = (
        f"自收到本告知书之日起六个月内向{court}提起行政诉讼"
        "（《中华人民共和国行政诉讼法》第四十六条第一款）"
    )
    if not reconsideration_first(outcome, letter_date):
        return f"{reconsider}，或者{sue}。"
    if outcome in PART_REVIEW_FIRST:
        withheld = _REVIEW_FIRST_RULE.format(what="对其中不予公开部分的决定不服的，")
        return f"{reconsider}。{withheld}；对予以公开部分的处理不服的，也可以{sue}。"
    return f"{reconsider}。{_REVIEW_FIRST_RULE.format(what='对不予公开政府信息的决定，')}。"
