"""The agency administrator edits its 政府信息公开指南 here."""

from __future__ import annotations

from django.contrib import admin

from gongkai.portal.models import Guide


@admin.register(Guide)
class GuideAdmin(admin.ModelAdmin[Guide]):
    list_display = ("agency", "phone", "updated_at")
