"""What moves an answer deadline: clock events (rows, each with its own date) and the settings.

Statutory numbers are constants with their article; what the law leaves to local practice is a
field of `ClockSettings`.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date

from gongkai.clock.errors import ClockError

ANSWER_WORKING_DAYS = 20  # 第三十三条第二款：自收到申请之日起20个工作日内予以答复
MAX_EXTENSION_WORKING_DAYS = 20  # 第三十三条第二款：延长的期限最长不得超过20个工作日
CORRECTION_REQUEST_WORKING_DAYS = 7  # 第三十条：自收到申请之日起7个工作日内一次性告知补正
CONSULTATION_WORKING_DAYS = 15  # 第三十二、三十四条：自收到征求意见书之日起15个工作日内提出意见


class Party(enum.StrEnum):
    """Who is consulted."""

    THIRD_PARTY = "third_party"  # 第三十二条
    AGENCY = "agency"  # 第三十四条：共同制作信息的其他机关

    @property
    def label(self) -> str:
        return "第三方" if self is Party.THIRD_PARTY else "其他机关"

    @property
    def article(self) -> str:
        return "第三十二条" if self is Party.THIRD_PARTY else "第三十四条"


@dataclass(frozen=True)
class CorrectionRequested:
    """The agency asked the applicant to correct the request (告知补正, 第三十条). `working_days`
    is the period it gave for the correction (合理的补正期限); None uses the setting."""

    on: date
    working_days: int | None = None

    def __post_init__(self) -> None:
        if self.working_days is not None and self.working_days < 1:
            raise ClockError(f"补正期限应至少为 1 个工作日，而不是 {self.working_days} 个")


@dataclass(frozen=True)
class CorrectionDelivered:
    """The request for correction reached the applicant (送达): the correction period counts from
    the next day, not from the day the agency sent it. `how` says how it was delivered, for the
    explanation (e.g. 「邮寄送达，王伟签收」)."""

    on: date
    how: str = ""


@dataclass(frozen=True)
class CorrectionReceived:
    """The corrected request arrived; the answer period restarts from this day (第三十条)."""

    on: date


@dataclass(frozen=True)
class ConsultationStarted:
    """A consultation letter (征求意见书) was sent."""

    on: date
    party: Party

    def __post_init__(self) -> None:
        object.__setattr__(self, "party", Party(self.party))


@dataclass(frozen=True)
class ConsultationEnded:
    """The consulted party answered. `party` says which consultation ended; it may be left out
    only while the open consultations are all with the same kind of party."""

    on: date
    party: Party | None = None

    def __post_init__(self) -> None:
        if self.party is not None:
            object.__setattr__(self, "party", Party(self.party))


@dataclass(frozen=True)
class Extension:
    """The answer period is extended (第三十三条第二款): at most once, by at most 20 working days,
    approved by the head of the OGI office (`approver`)."""

    on: date
    working_days: int
    approver: str

    def __post_init__(self) -> None:
        if self.working_days < 1:
            raise ClockError(
                f"延长答复期限应至少延长 1 个工作日，请填写延长的工作日数（现为 {self.working_days}）",
                working_days=self.working_days,
            )
        if self.working_days > MAX_EXTENSION_WORKING_DAYS:
            raise ClockError(
                f"延长答复期限最长不得超过 {MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条第二款），"
                f"不能延长 {self.working_days} 个工作日",
                working_days=self.working_days,
            )
        if not self.approver.strip():
            raise ClockError(
                "延长答复期限应当经政府信息公开工作机构负责人同意（第三十三条第二款），请填写批准人"
            )


@dataclass(frozen=True)
class FeeNoticeSent:
    """A fee notice (收费通知) was sent (第四十二条, 国办函〔2020〕109号). The payment period runs
    from its delivery (`FeeNoticeDelivered`), not from this day."""

    on: date


@dataclass(frozen=True)
class FeeNoticeDelivered:
    """The fee notice reached the applicant (送达): the payment period counts from the next day."""

    on: date
    how: str = ""


@dataclass(frozen=True)
class FeePaid:
    on: date


ClockEvent = (
    CorrectionRequested
    | CorrectionDelivered
    | CorrectionReceived
    | ConsultationStarted
    | ConsultationEnded
    | Extension
    | FeeNoticeSent
    | FeeNoticeDelivered
    | FeePaid
)


def sort_key(event: ClockEvent) -> tuple[date, int, bool]:
    """Events by date; same-day events in the order of `_ORDER` (a consultation can start and end
    on one day), an end that names its party before one that does not."""
    unnamed = isinstance(event, ConsultationEnded) and event.party is None
    return event.on, _ORDER[type(event)], unnamed


_ORDER: dict[type[ClockEvent], int] = {
    CorrectionRequested: 0,
    CorrectionDelivered: 1,
    CorrectionReceived: 2,
    ConsultationStarted: 3,
    ConsultationEnded: 4,
    Extension: 5,
    FeeNoticeSent: 6,
    FeeNoticeDelivered: 7,
    FeePaid: 8,
}


@dataclass(frozen=True)
class ClockSettings:
    """The agency's choices where the law leaves room."""

    # Whether the fee notice period is left out of the answer period: not fixed nationally.
    fee_notice_pauses: bool = True
    # 国办函〔2020〕109号 and local rules: pay within 20 working days from the day after the
    # notice reached the applicant.
    fee_payment_working_days: int = 20
    # The correction period when the request for correction names none (local practice); it
    # counts from the day after the request reached the applicant.
    correction_working_days: int = 15
    # `status()` says "due soon" this many working days before the deadline.
    due_soon_working_days: int = 5

    def __post_init__(self) -> None:
        for name in ("fee_payment_working_days", "correction_working_days"):
            if getattr(self, name) < 1:
                raise ClockError(f"{name} 应至少为 1 个工作日")
        if self.due_soon_working_days < 0:
            raise ClockError("due_soon_working_days 不能为负数")
