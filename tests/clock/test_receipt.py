"""第三十一条: which day is the receipt date, per channel."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.clock import Channel, ReceiptDateMissing, receipt_date

HANDED, SIGNED, CONFIRMED = date(2026, 3, 2), date(2026, 3, 3), date(2026, 3, 4)


@pytest.mark.parametrize(
    ("channel", "expected"),
    [
        (Channel.IN_PERSON, HANDED),
        (Channel.POST_SIGNED, SIGNED),
        (Channel.LETTER, CONFIRMED),
        (Channel.ONLINE, CONFIRMED),
        (Channel.FAX, CONFIRMED),
    ],
)
def test_each_channel_reads_its_own_date(channel: Channel, expected: date) -> None:
    got = receipt_date(channel, handed_in=HANDED, signed_for=SIGNED, confirmed=CONFIRMED)
    assert got == expected


def test_the_stored_value_is_accepted() -> None:
    assert receipt_date("post_signed", signed_for=SIGNED) == SIGNED


@pytest.mark.parametrize(
    ("channel", "field", "words"),
    [
        (Channel.IN_PERSON, "handed_in", "请填写提交日期"),
        (Channel.POST_SIGNED, "signed_for", "以行政机关签收之日为收到申请之日"),
        (Channel.LETTER, "confirmed", "与申请人确认"),
        (Channel.ONLINE, "confirmed", "以双方确认之日为收到申请之日"),
        (Channel.FAX, "confirmed", "第三十一条第三项"),
    ],
)
def test_a_missing_date_is_a_clear_error(channel: Channel, field: str, words: str) -> None:
    # The other channels' dates do not stand in for the one this channel needs.
    others = {"handed_in": HANDED, "signed_for": SIGNED, "confirmed": CONFIRMED}
    del others[field]
    with pytest.raises(ReceiptDateMissing, match=words) as caught:
        receipt_date(channel, **others)
    assert caught.value.code == "receipt_date_missing"
    assert caught.value.data == {"channel": channel.value, "field": field}
    assert channel.label in caught.value.message


def test_labels_are_chinese() -> None:
    assert [c.label for c in Channel] == [
        "当面提交",
        "邮寄（需签收）",
        "平常信函",
        "互联网渠道",
        "传真",
    ]
