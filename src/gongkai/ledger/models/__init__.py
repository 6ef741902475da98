from gongkai.ledger.models.agency import Agency, Membership, Role
from gongkai.ledger.models.appeal import Appeal, AppealKind, AppealResult
from gongkai.ledger.models.application import (
    Application,
    ApplicationCounter,
    ClockEvent,
    ClockEventKind,
    StatusChange,
)
from gongkai.ledger.models.audit import AuditEntry
from gongkai.ledger.models.calendar import HolidaySchedule
from gongkai.ledger.models.proactive import CatalogueItem, ProactiveCount
from gongkai.ledger.models.year import ReportCorrection, YearLock

__all__ = [
    "Agency",
    "Appeal",
    "AppealKind",
    "AppealResult",
    "Application",
    "ApplicationCounter",
    "AuditEntry",
    "CatalogueItem",
    "ClockEvent",
    "ClockEventKind",
    "HolidaySchedule",
    "Membership",
    "ProactiveCount",
    "ReportCorrection",
    "Role",
    "StatusChange",
    "YearLock",
]
