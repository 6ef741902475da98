"""The clock's errors: members of the `GongkaiError` family, each with a stable `code`."""

from __future__ import annotations

from gongkai.errors import GongkaiError


class ClockError(GongkaiError):
    """A clock event or a date that the statutory rules do not allow."""

    code = "clock"


class ScheduleMissing(ClockError):
    """A date falls in a year whose holidays and make-up working days (调休) are not loaded."""

    code = "schedule_missing"

    def __init__(self, year: int) -> None:
        super().__init__(
            f"{year} 年的法定节假日安排尚未录入，无法计算工作日；请管理员先录入该年的放假和调休安排",
            year=year,
        )
        self.year = year


class ScheduleInvalid(ClockError):
    """An administrator-supplied year schedule contradicts itself."""

    code = "schedule_invalid"


class ReceiptDateMissing(ClockError):
    """The date 第三十一条 needs for a channel was not given."""

    code = "receipt_date_missing"
