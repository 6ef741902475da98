"""A published year's report as a file (Word, PDF, web page, Markdown, Excel), for anyone.

The file is written from the report as it was locked (published), never from today's ledger; the
previous published year, when there is one, gives the year-on-year chart. A published report does
not change, so each file is rendered once and kept in the cache.
"""

from __future__ import annotations

from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from gongkai.ledger.models import YearLock
from gongkai.ledger.views.report_file import file_response
from gongkai.portal import throttle
from gongkai.render import Format, RenderError, render
from gongkai.render.text import heading, paragraphs
from gongkai.report import interchange
from gongkai.report.document import Report

#: Renders that miss the cache, per address: a PDF takes a second of CPU.
RENDER_BY_ADDRESS = throttle.Limit("report-file-address", 30, 600)
_CACHE_SECONDS = 7 * 24 * 3600


def report_file(request: HttpRequest, agency_id: int, year: int, fmt: str) -> HttpResponse:
    lock = get_object_or_404(
        YearLock.objects.select_related("agency"), agency_id=agency_id, year=year
    )
    try:
        wanted = Format(fmt)
    except ValueError:
        raise Http404("不支持的文件格式") from None
    published = interchange.from_dict(lock.report)
    before = YearLock.objects.filter(agency_id=agency_id, year=year - 1).first()
    key = f"gongkai:report-file:{lock.pk}:{lock.locked_at.timestamp()}:{before.pk if before else 0}:{wanted}"
    data: bytes | None = cache.get(key)
    if data is None:
        if not throttle.hit(RENDER_BY_ADDRESS, throttle.client_address(request)):
            return HttpResponse(
                "下载过于频繁，请稍后再试。", status=429, content_type="text/plain; charset=utf-8"
            )
        previous = interchange.from_dict(before.report) if before else None
        try:
            data = render(published, wanted, previous=previous)
        except RenderError as exc:
            raise Http404(exc.message) from None
        cache.set(key, data, timeout=_CACHE_SECONDS)
    response = file_response(published, wanted, data)
    response["Cache-Control"] = "public, max-age=3600"
    return response


def prose_parts(report: Report) -> tuple[list[tuple[str, list[str]]], list[tuple[str, list[str]]]]:
    """Section 一 (shown before the tables) and sections 五, 六 (after), as (heading, paragraphs)."""
    return (
        [(heading(1), paragraphs(report, 1))],
        [(heading(n), paragraphs(report, n)) for n in (5, 6)],
    )
