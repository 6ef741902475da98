"""One letter kind per outcome, the procedural letters, and which of them decide something."""

from __future__ import annotations

from gongkai.application.outcome import Outcome
from gongkai.letters import LetterKind, Recipient


def test_every_outcome_has_its_answer_letter() -> None:
    for outcome in Outcome:
        kind = LetterKind.for_outcome(outcome)
        assert kind.outcome is outcome
        assert kind.decides


def test_the_variants_within_an_outcome() -> None:
    assert LetterKind.GRANTED_PUBLISHED.outcome is Outcome.GRANTED
    assert LetterKind.UNABLE_NOT_THIS_AGENCY.outcome is Outcome.UNABLE_NOT_HELD
    assert LetterKind.UNABLE_NOT_THIS_AGENCY.default_title == "非本机关负责公开告知书"


def test_procedural_letters_decide_nothing_but_the_fee_notice_does() -> None:
    procedural = {
        LetterKind.CORRECTION_REQUEST,
        LetterKind.EXTENSION,
        LetterKind.CONSULTATION,
        LetterKind.CONSULTATION_AGENCY,
        LetterKind.CONSULTATION_NOTICE,
    }
    assert {k for k in LetterKind if not k.decides} == procedural
    assert LetterKind.FEE_NOTICE.decides and LetterKind.FEE_NOTICE.outcome is None


def test_only_the_consultation_letter_goes_to_the_third_party() -> None:
    assert [k for k in LetterKind if k.recipient is Recipient.THIRD_PARTY] == [
        LetterKind.CONSULTATION
    ]


def test_the_consultation_of_another_agency_has_its_own_letter() -> None:
    """第三十四条: a co-producing agency is consulted by a letter of its own, addressed to it."""
    assert [k for k in LetterKind if k.recipient is Recipient.AGENCY] == [
        LetterKind.CONSULTATION_AGENCY
    ]
    assert len(LetterKind) == 29


def test_an_administrative_query_is_not_titled_a_refusal() -> None:
    """第三十六条第七项 refers the applicant to the route a law provides: not 不予公开."""
    assert "不予公开" not in LetterKind.DENIED_ADMINISTRATIVE_QUERY.default_title


def test_every_kind_has_a_label_telling_it_apart() -> None:
    labels = [k.label for k in LetterKind]
    assert len(set(labels)) == len(labels)


def test_titles_are_letters() -> None:
    for kind in LetterKind:
        assert kind.default_title.endswith(("告知书", "意见函", "通知书")), kind
