"""The statutory working-day clock: the calendar of working days (工作日, with 调休), the receipt date
(第三十一条), the answer deadline (第三十条、第三十二至三十四条) and proactive publication on time
(第二十六条), all pure: no hidden clock, no database. The web app passes in administrator-entered
years and the recorded clock events."""

from gongkai.clock.calendar import Calendar, Day, DayKind, provisional_note
from gongkai.clock.deadline import Deadline, answer_deadline
from gongkai.clock.errors import ClockError, ReceiptDateMissing, ScheduleInvalid, ScheduleMissing
from gongkai.clock.events import (
    ANSWER_WORKING_DAYS,
    CONSULTATION_WORKING_DAYS,
    CORRECTION_REQUEST_WORKING_DAYS,
    MAX_EXTENSION_WORKING_DAYS,
    ClockEvent,
    ClockSettings,
    ConsultationEnded,
    ConsultationStarted,
    CorrectionDelivered,
    CorrectionReceived,
    CorrectionRequested,
    Extension,
    FeeNoticeDelivered,
    FeeNoticeSent,
    FeePaid,
    Party,
)
from gongkai.clock.publication import (
    PUBLICATION_WORKING_DAYS,
    Publication,
    Timeliness,
    publication,
)
from gongkai.clock.receipt import Channel, receipt_date
from gongkai.clock.schedule import YearSchedule
from gongkai.clock.status import ClockStatus, status
from gongkai.clock.steps import Step
from gongkai.clock.trace import ClockFinding, Waiting, WaitReason

__all__ = [
    "ANSWER_WORKING_DAYS",
    "CONSULTATION_WORKING_DAYS",
    "CORRECTION_REQUEST_WORKING_DAYS",
    "MAX_EXTENSION_WORKING_DAYS",
    "PUBLICATION_WORKING_DAYS",
    "Calendar",
    "Channel",
    "ClockError",
    "ClockEvent",
    "ClockFinding",
    "ClockSettings",
    "ClockStatus",
    "ConsultationEnded",
    "ConsultationStarted",
    "CorrectionDelivered",
    "CorrectionReceived",
    "CorrectionRequested",
    "Day",
    "DayKind",
    "Deadline",
    "Extension",
    "FeeNoticeDelivered",
    "FeeNoticeSent",
    "FeePaid",
    "Party",
    "Publication",
    "ReceiptDateMissing",
    "ScheduleInvalid",
    "ScheduleMissing",
    "Step",
    "Timeliness",
    "WaitReason",
    "Waiting",
    "YearSchedule",
    "answer_deadline",
    "provisional_note",
    "publication",
    "receipt_date",
    "status",
]
