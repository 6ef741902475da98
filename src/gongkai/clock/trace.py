"""What one deadline computation gathers: steps, findings, paused days, and whether it waits for
the applicant."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import date, timedelta

from gongkai.clock.calendar import Calendar
from gongkai.clock.events import ClockSettings
from gongkai.clock.steps import Step


class WaitReason(enum.StrEnum):
    CORRECTION = "correction"  # 等待补正（第三十条）
    FEE = "fee"  # 等待缴费（第四十二条）

    @property
    def label(self) -> str:
        return "补正" if self is WaitReason.CORRECTION else "缴费"


@dataclass(frozen=True)
class Waiting:
    """The agency waits for the applicant, who must act by `until` or the application lapses.
    `until` is None while the notice has not been delivered: the applicant's period has not begun,
    so the application cannot lapse yet."""

    reason: WaitReason
    since: date
    until: date | None

    @property
    def lapses_on(self) -> date | None:
        return None if self.until is None else self.until + timedelta(days=1)


@dataclass(frozen=True)
class ClockFinding:
    """Something done outside a statutory period; the deadline is still computed, and shown."""

    code: str  # late_correction_request | late_correction | long_consultation | late_extension | late_fee_payment
    on: date
    message: str


@dataclass
class Trace:
    """What the event handlers found, gathered while one deadline is computed."""

    calendar: Calendar
    settings: ClockSettings
    received: date
    steps: list[Step] = field(default_factory=list)
    findings: list[ClockFinding] = field(default_factory=list)
    paused: set[date] = field(default_factory=set)
    waiting: Waiting | None = None

    def step(self, on: date, text: str) -> None:
        self.steps.append(Step(on, text))

    def find(self, code: str, on: date, message: str) -> None:
        self.findings.append(ClockFinding(code, on, message))
        self.step(on, f"⚠ {message}")

    def pause(self, start: date, after: date, until: date) -> int:
        """Skip the working days in (max(start, after), until]; how many there were."""
        days = [d.on for d in self.calendar.days(max(start, after), until) if d.working]
        self.paused.update(days)
        return len(days)
