"""The read-only JSON API: one description per endpoint (its query, its parameters, its item
schema) from which both the responses and the OpenAPI 3.1 document are made."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest

from gongkai.oversight.access import (
    User,
    cells_visible_to,
    findings_visible_to,
    regions_visible_to,
    reports_visible_to,
)
from gongkai.oversight.exports import number
from gongkai.oversight.filters import BadFilter, apply, number_of, read_filters
from gongkai.oversight.models import Cell, CorpusReport, FindingRow, Region
from gongkai.site.params import MAX_KEY

PAGE_SIZE, MAX_PAGE_SIZE = 100, 1000
#: Pages beyond this are refused (page × size must stay a database offset).
MAX_PAGES = 10_000_000

INT = {"type": "integer"}
STR = {"type": "string"}
NULL_INT = {"type": ["integer", "null"]}
NUMBER = {"type": ["number", "null"]}


@dataclass(frozen=True)
class Param:
    name: str
    description: str
    schema: dict[str, Any]


REPORT_FILTERS = (
    Param("region", "地区编号（含下级地区）", INT),
    Param("year", "年度", INT),
    Param("status", "报告状态", {"type": "string", "enum": ["clean", "warnings", "errors"]}),
    Param("errors", "1：有错误的报告；0：无错误的报告", {"type": "string", "enum": ["0", "1"]}),
    Param("agency", "机关编号", INT),
)


@dataclass(frozen=True)
class Endpoint:
    name: str
    summary: str
    query: Callable[[User, dict[str, str]], QuerySet[Any]]
    item: Callable[[Any], dict[str, Any]]
    schema: dict[str, Any]
    params: tuple[Param, ...]


def _report_filters(user: User, params: Any, qs: QuerySet[Any], prefix: str) -> QuerySet[Any]:
    return apply(qs, read_filters(user, params), prefix)


def _digits(params: Any, name: str, maximum: int = MAX_KEY) -> int | None:
    return number_of(params, name, f"参数 {name}", maximum)


def _regions(user: User, params: Any) -> QuerySet[Region]:
    qs = regions_visible_to(user).order_by("path")
    if (parent := _digits(params, "parent")) is not None:
        qs = qs.filter(parent_id=parent)
    return qs


def _reports(user: User, params: Any) -> QuerySet[CorpusReport]:
    qs = reports_visible_to(user).select_related("agency", "agency__region").order_by("pk")
    return _report_filters(user, params, qs, "")


def _cells(user: User, params: Any) -> QuerySet[Cell]:
    qs = _report_filters(user, params, cells_visible_to(user), "report__").order_by("pk")
    if (report := _digits(params, "report")) is not None:
        qs = qs.filter(report_id=report)
    for name in ("section", "row", "column"):
        if value := (params.get(name) or "").strip():
            qs = qs.filter(**{name: value})
    if (flagged := params.get("flagged")) in ("0", "1"):
        qs = qs.filter(flagged=flagged == "1")
    return qs


def _findings(user: User, params: Any) -> QuerySet[FindingRow]:
    qs = _report_filters(user, params, findings_visible_to(user), "report__").order_by("pk")
    if (report := _digits(params, "report")) is not None:
        qs = qs.filter(report_id=report)
    for name in ("level", "rule", "source"):
        if value := (params.get(name) or "").strip():
            qs = qs.filter(**{name: value})
    return qs


def _object(properties: dict[str, Any]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }


REGION = _object({"id": INT, "name": STR, "level": STR, "parent": NULL_INT, "path": STR})
REPORT = _object(
    {
        "id": INT,
        "agency": STR,
        "agency_id": INT,
        "region": STR,
        "region_id": INT,
        "year": INT,
        "edition": STR,
        "status": STR,
        "errors": INT,
        "warnings": INT,
        "published_on": {"type": ["string", "null"], "format": "date"},
        "on_time": {"type": ["boolean", "null"]},
        "source_name": STR,
        **{
            k: NULL_INT
            for k in (
                "received",
                "processed",
                "granted",
                "partially_granted",
                "denied",
                "appeals",
                "appeals_corrected",
            )
        },
    }
)
CELL = _object(
    {
        "report": INT,
        "path": STR,
        "section": STR,
        "row": STR,
        "column": STR,
        "value": NUMBER,
        "flagged": {"type": "boolean"},
    }
)
FINDING = _object(
    {
        "report": INT,
        "rule": STR,
        "level": {"type": "string", "enum": ["error", "warning"]},
        "source": STR,
        "message": STR,
        "cells": {
            "type": "array",
            "items": {"type": "object", "properties": {"path": STR, "label": STR}},
        },
    }
)


def _region_item(r: Region) -> dict[str, Any]:
    return {"id": r.pk, "name": r.name, "level": r.level, "parent": r.parent_id, "path": r.path}


def _report_item(r: CorpusReport) -> dict[str, Any]:
    return {
        "id": r.pk,
        "agency": r.agency.name,
        "agency_id": r.agency_id,
        "region": r.agency.region.name,
        "region_id": r.agency.region_id,
        "year": r.year,
        "edition": r.edition,
        "status": r.status,
        "errors": r.errors,
        "warnings": r.warnings,
        "published_on": r.published_on.isoformat() if r.published_on else None,
        "on_time": r.on_time,
        "source_name": r.source_name,
        "received": r.received,
        "processed": r.processed,
        "granted": r.granted,
        "partially_granted": r.partially_granted,
        "denied": r.denied,
        "appeals": r.appeals,
        "appeals_corrected": r.appeals_corrected,
    }


def _cell_item(c: Cell) -> dict[str, Any]:
    return {
        "report": c.report_id,
        "path": c.path,
        "section": c.section,
        "row": c.row,
        "column": c.column,
        "value": number(c.value),
        "flagged": c.flagged,
    }


def _finding_item(f: FindingRow) -> dict[str, Any]:
    return {
        "report": f.report_id,
        "rule": f.rule,
        "level": f.level,
        "source": f.source,
        "message": f.message,
        "cells": f.cells,
    }


ENDPOINTS = {
    e.name: e
    for e in (
        Endpoint(
            "regions",
            "可见的地区",
            _regions,
            _region_item,
            REGION,
            (Param("parent", "只列出此地区的直接下级", INT),),
        ),
        Endpoint("reports", "导入的年度报告", _reports, _report_item, REPORT, REPORT_FILTERS),
        Endpoint(
            "cells",
            "报告的单元格",
            _cells,
            _cell_item,
            CELL,
            (
                *REPORT_FILTERS,
                Param("report", "报告编号", INT),
                Param("section", "部分：proactive、requests、appeals", STR),
                Param("row", "行的键", STR),
                Param("column", "列的键", STR),
                Param(
                    "flagged",
                    "1：只列存疑的单元格；0：只列不存疑的",
                    {"type": "string", "enum": ["0", "1"]},
                ),
            ),
        ),
        Endpoint(
            "findings",
            "核对发现与抽取疑点",
            _findings,
            _finding_item,
            FINDING,
            (
                *REPORT_FILTERS,
                Param("report", "报告编号", INT),
                Param("level", "级别：error 或 warning", STR),
                Param("rule", "规则，如 R1", STR),
                Param("source", "来源：rule 或 extraction", STR),
            ),
        ),
    )
}


def page_of(endpoint: Endpoint, request: HttpRequest) -> dict[str, Any]:
    """One page of an endpoint's items, with the total count and the neighbouring pages' links."""
    params = request.GET
    page = _digits(params, "page", maximum=MAX_PAGES) or 1
    size = min(_digits(params, "page_size", maximum=1_000_000) or PAGE_SIZE, MAX_PAGE_SIZE)
    if size < 1:
        raise BadFilter("page_size 至少为 1")
    qs = endpoint.query(request.user, params)
    count = qs.count()
    items = [endpoint.item(o) for o in qs[(page - 1) * size : page * size]]

    def link(n: int) -> str:
        query = params.copy()
        query["page"] = str(n)
        query["page_size"] = str(size)
        return f"{request.path}?{query.urlencode()}"

    return {
        "count": count,
        "page": page,
        "page_size": size,
        "next": link(page + 1) if page * size < count else None,
        "previous": link(page - 1) if page > 1 else None,
        "results": items,
    }
