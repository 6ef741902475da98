"""The receipt date (收到申请之日) that starts the clock, per channel (第三十一条)."""

from __future__ import annotations

import enum
from datetime import date

from gongkai.clock.errors import ReceiptDateMissing


class Channel(enum.StrEnum):
    """How the request arrived. The values match the ledger's stored channel."""

    IN_PERSON = "in_person"  # 第三十一条第一项
    POST_SIGNED = "post_signed"  # 第三十一条第二项：邮寄，需签收
    LETTER = "letter"  # 第三十一条第二项：平常信函等无需签收的邮寄方式
    ONLINE = "online"  # 第三十一条第三项：互联网渠道
    FAX = "fax"  # 第三十一条第三项：政府信息公开工作机构的传真

    @property
    def label(self) -> str:
        return _LABELS[self][0]

    @property
    def rule(self) -> str:
        """Which day is the receipt date, in the words of 第三十一条."""
        return _LABELS[self][1]


_LABELS = {
    Channel.IN_PERSON: ("当面提交", "以提交之日为收到申请之日（第三十一条第一项）"),
    Channel.POST_SIGNED: ("邮寄（需签收）", "以行政机关签收之日为收到申请之日（第三十一条第二项）"),
    Channel.LETTER: (
        "平常信函",
        "应当于收到申请的当日与申请人确认，确认之日为收到申请之日（第三十一条第二项）",
    ),
    Channel.ONLINE: ("互联网渠道", "以双方确认之日为收到申请之日（第三十一条第三项）"),
    Channel.FAX: ("传真", "以双方确认之日为收到申请之日（第三十一条第三项）"),
}

_NEEDS = {
    Channel.IN_PERSON: ("handed_in", "提交日期"),
    Channel.POST_SIGNED: ("signed_for", "签收日期"),
    Channel.LETTER: ("confirmed", "与申请人确认的日期"),
    Channel.ONLINE: ("confirmed", "双方确认的日期"),
    Channel.FAX: ("confirmed", "双方确认的日期"),
}


def receipt_date(
    channel: Channel | str,
    *,
    handed_in: date | None = None,
    signed_for: date | None = None,
    confirmed: date | None = None,
) -> date:
    """The receipt date for `channel`. Only the date the channel needs is read; the others are
    ignored (a form may send them all). A missing date raises `ReceiptDateMissing`."""
    channel = Channel(channel)
    given = {"handed_in": handed_in, "signed_for": signed_for, "confirmed": confirmed}
    name, wording = _NEEDS[channel]
    found = given[name]
    if found is None:
        raise ReceiptDateMissing(
            f"以{channel.label}方式提交的申请，{channel.rule}；请填写{wording}",
            channel=channel.value,
            field=name,
        )
    return found
