"""The administrator's screens: agencies and roles (with the agency's 索引号 pattern, periods and
fee setting, saved through the `agency_save` action). Holiday schedules are entered on the staff
page 「节假日安排」; applications, fee notices, section 二 counts and the catalogue change only
through the actions on the staff pages; here they can be looked at, never edited raw."""

from __future__ import annotations

from django.contrib import admin

from gongkai.ledger.actions.agency import agency_save
from gongkai.ledger.models import (
    Agency,
    AuditEntry,
    CatalogueItem,
    FeeNotice,
    HolidaySchedule,
    LetterTemplateText,
    Membership,
    ProactiveCount,
)
from gongkai.ledger.views.common import current_date


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin[Agency]):
    """Saved through `agency_save`, which audits the change and recomputes the deadlines that a
    changed period or fee setting moves. An agency is a record: not deleted here."""

    list_display = ("name", "parent", "code", "index_pattern", "fee_payment_working_days")
    search_fields = ("name",)
    # What the letters say about the agency: set by its administrator on 「告知书设置」.
    readonly_fields = (
        "reconsideration_body",
        "court",
        "fee_payment_instructions",
        "letter_number_pattern",
    )

    def save_model(self, request, obj, form, change) -> None:  # type: ignore[no-untyped-def]
        moved = agency_save(actor=request.user, agency=obj, on=current_date())
        if moved:
            self.message_user(request, f"已重新计算 {len(moved)} 件申请的期限，并记入办理过程")

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin[Membership]):
    list_display = ("user", "agency", "role")
    list_filter = ("role", "agency")


class ViewOnly:
    """Rows written by the actions (with their audit rows): shown, not edited here."""

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ProactiveCount)
class ProactiveCountAdmin(ViewOnly, admin.ModelAdmin[ProactiveCount]):
    list_display = ("agency", "year", "edition", "row", "column", "value")
    list_filter = ("agency", "year", "edition")


@admin.register(CatalogueItem)
class CatalogueItemAdmin(ViewOnly, admin.ModelAdmin[CatalogueItem]):
    list_display = ("index_number", "title", "made_on", "published_on")
    search_fields = ("index_number", "title")


@admin.register(FeeNotice)
class FeeNoticeAdmin(ViewOnly, admin.ModelAdmin[FeeNotice]):
    list_display = ("application", "method", "amount", "sent_on", "paid_on", "lapsed_on")
    list_filter = ("method",)


@admin.register(AuditEntry)
class AuditEntryAdmin(ViewOnly, admin.ModelAdmin[AuditEntry]):
    list_display = ("at", "user", "agency", "action", "object_type", "object_id")
    list_filter = ("action",)


@admin.register(LetterTemplateText)
class LetterTemplateAdmin(ViewOnly, admin.ModelAdmin[LetterTemplateText]):
    """Edited by the agency's administrator on 「告知书设置」 (the action checks and audits it)."""

    list_display = ("agency", "kind", "title", "updated_at")
    list_filter = ("agency", "kind")


@admin.register(HolidaySchedule)
class HolidayScheduleAdmin(ViewOnly, admin.ModelAdmin[HolidaySchedule]):
    """Entered on the staff page 「节假日安排」 (the action recomputes the deadlines it moves)."""

    list_display = ("year", "entered_by", "entered_at")
