from gongkai.ledger.models.agency import Agency, Membership, Role
from gongkai.ledger.models.appeal import Appeal, AppealKind, AppealResult
from gongkai.ledger.models.application import (
    DELIVERY_OF,
    Application,
    ApplicationCounter,
    ClockEvent,
    ClockEventKind,
    DeliveryChannel,
    StatusChange,
)
from gongkai.ledger.models.audit import AuditEntry
from gongkai.ledger.models.calendar import HolidaySchedule
from gongkai.ledger.models.catalogue import CatalogueCounter, CatalogueItem
from gongkai.ledger.models.fee import FeeNotice
from gongkai.ledger.models.letter import (
    Letter,
    LetterCounter,
    LetterNumbering,
    LetterTemplateText,
)
from gongkai.ledger.models.outbox import MessageChannel, OutboxMessage
from gongkai.ledger.models.proactive import ProactiveCount
from gongkai.ledger.models.prose import ProseSection, ReportProse
from gongkai.ledger.models.year import ReportCorrection, YearLock

__all__ = [
    "DELIVERY_OF",
    "Agency",
    "Appeal",
    "AppealKind",
    "AppealResult",
    "Application",
    "ApplicationCounter",
    "AuditEntry",
    "CatalogueCounter",
    "CatalogueItem",
    "ClockEvent",
    "ClockEventKind",
    "DeliveryChannel",
    "FeeNotice",
    "HolidaySchedule",
    "Letter",
    "LetterCounter",
    "LetterNumbering",
    "LetterTemplateText",
    "Membership",
    "MessageChannel",
    "OutboxMessage",
    "ProactiveCount",
    "ProseSection",
    "ReportCorrection",
    "ReportProse",
    "Role",
    "StatusChange",
    "YearLock",
]
