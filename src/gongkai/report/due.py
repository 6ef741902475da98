"""When an annual report is due (《政府信息公开条例》第四十九条), by the kind of agency.

- 县级以上人民政府部门: by 31 January of the following year (第四十九条第一款);
- 县级以上地方人民政府's own report (本级政府): by 31 March (第四十九条第二款);
- 乡镇人民政府、街道办事处: the regulation leaves it to local notice; counted here like the
  departments, by 31 January (the usual local practice), and said so wherever it is shown.
"""

from __future__ import annotations

import enum
from datetime import date


class AgencyKind(enum.StrEnum):
    LOCAL_GOVERNMENT = "local_government"  # 县级以上地方人民政府
    DEPARTMENT = "department"  # 县级以上人民政府部门（含政府办公室）
    TOWNSHIP = "township"  # 乡镇人民政府、街道办事处

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    AgencyKind.LOCAL_GOVERNMENT: "县级以上地方人民政府",
    AgencyKind.DEPARTMENT: "县级以上人民政府部门",
    AgencyKind.TOWNSHIP: "乡镇人民政府、街道办事处",
}


def report_due(year: int, kind: AgencyKind) -> date:
    """The last day to publish the report on `year` (第四十九条)."""
    if kind is AgencyKind.LOCAL_GOVERNMENT:
        return date(year + 1, 3, 31)
    return date(year + 1, 1, 31)


def due_text(kind: AgencyKind) -> str:
    """「次年 3 月 31 日前（第四十九条：县级以上地方人民政府）」."""
    due = report_due(2000, kind)
    local = "，按地方通知，此处按 1 月 31 日" if kind is AgencyKind.TOWNSHIP else ""
    return f"次年 {due.month} 月 {due.day} 日前（第四十九条：{kind.label}{local}）"
