"""The agency's prose of sections 一, 五 and 六 of a year's annual report."""

from __future__ import annotations

from datetime import date

from gongkai.errors import GongkaiError
from gongkai.ledger.access import STAFF_ROLES, Actor, require_role
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.actions.year import guard_locked_years
from gongkai.ledger.models import Agency, ProseSection, ReportProse
from gongkai.ledger.writes import action

#: Longer than any real section; keeps a pasted document from filling the database.
MAX_CHARS = 50_000


class ProseInvalid(GongkaiError):
    code = "prose_invalid"


@action
def report_prose_save(
    *,
    actor: Actor,
    agency: Agency,
    year: int,
    section: int,
    text: str,
    correction_reason: str = "",
) -> bool:
    """Store the text of `section` (1, 5 or 6) of `year`'s report; an empty text clears it.
    Returns whether anything changed. A change to a locked year needs a correction reason."""
    require_role(actor, agency, *STAFF_ROLES)
    if section not in ProseSection.values:
        raise ProseInvalid("只有第一、五、六部分是文字，其他部分是统计表格，由台账数据生成")
    text = "\n".join(line.rstrip() for line in text.replace("\r\n", "\n").split("\n")).strip()
    if len(text) > MAX_CHARS:
        raise ProseInvalid(
            f"{ProseSection(section).label}过长：最多 {MAX_CHARS} 字，实际 {len(text)} 字"
        )
    # Lock the agency row: two first saves of the same section queue instead of both inserting.
    Agency.objects.select_for_update().only("pk").get(pk=agency.pk)
    stored = (
        ReportProse.objects.select_for_update()
        .filter(agency=agency, year=year, section=section)
        .first()
    )
    if (stored.text if stored else "") == text:
        return False
    guard_locked_years(
        actor=actor,
        agency=agency,
        dates=[date(year, 12, 31)],
        reason=correction_reason,
        what="report_prose_save",
    )
    if stored is None:
        stored = ReportProse.objects.create(
            agency=agency, year=year, section=section, text=text, updated_by=actor
        )
    else:
        stored.text, stored.updated_by = text, actor
        stored.save(update_fields=["text", "updated_by", "updated_at"])
    # The text itself is not copied into the audit trail: only its length.
    audit(
        actor=actor,
        agency=agency,
        action="report_prose_save",
        obj=stored,
        year=year,
        section=section,
        chars=len(text),
    )
    return True
