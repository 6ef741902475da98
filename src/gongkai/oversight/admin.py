"""The administrator's screens for oversight: the region tree (a move or rename rewrites the
paths below it), agencies and their aliases, and who supervises which region. Reports, cells and
corrections are looked at here, never edited raw: corrections go through the review page."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from gongkai.oversight.actions import region_save
from gongkai.oversight.models import CorpusAgency, ImportRun, Region, RegionAccess


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin[Region]):
    list_display = ("name", "level", "parent", "path")
    search_fields = ("name",)
    list_filter = ("level",)
    autocomplete_fields = ("parent",)

    def save_model(self, request: HttpRequest, obj: Region, form: Any, change: bool) -> None:
        region_save(
            name=obj.name, level=obj.level, parent=obj.parent, region=obj if change else None
        )


@admin.register(CorpusAgency)
class CorpusAgencyAdmin(admin.ModelAdmin[CorpusAgency]):
    list_display = ("name", "region", "aliases")
    search_fields = ("name",)
    autocomplete_fields = ("region",)


@admin.register(RegionAccess)
class RegionAccessAdmin(admin.ModelAdmin[RegionAccess]):
    list_display = ("user", "region")
    autocomplete_fields = ("region",)


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin[ImportRun]):
    list_display = ("started_at", "source", "region", "state", "total", "done", "skipped", "failed")

    def has_change_permission(self, request: HttpRequest, obj: object = None) -> bool:
        return False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
