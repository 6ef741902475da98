"""Uploading a ZIP of reports, and the import runs. An upload is only spooled and queued here:
a separate worker process reads it (`oversight.workers`), and the run's page follows it."""

from __future__ import annotations

import re

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.oversight.access import regions_visible_to
from gongkai.oversight.models import ImportRun
from gongkai.oversight.views.common import overseer, region_choices
from gongkai.oversight.workers import enqueue, interrupt_dead, start_worker

#: Archives up to this size on the upload page (bigger ones: the CLI).
MAX_UPLOAD_BYTES = 30 * 1024 * 1024


def _runs(request: HttpRequest) -> QuerySet[ImportRun]:
    regions = regions_visible_to(request.user)
    return ImportRun.objects.filter(region__in=regions).select_related("region", "by")


@overseer
def upload(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        archive = request.FILES.get("archive")
        wanted = request.POST.get("region", "")
        region = (
            regions_visible_to(request.user).filter(pk=int(wanted)).first()
            if re.fullmatch(r"[0-9]{1,18}", wanted)
            else None
        )
        if archive is None:
            error = "请选择要上传的 ZIP 压缩包"
        elif region is None:
            error = "请选择报告所属的地区"
        elif (archive.size or 0) > MAX_UPLOAD_BYTES:
            error = f"压缩包过大（上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB），更大的批量请用命令 gongkai corpus import"
        else:
            queued = enqueue(
                archive.chunks(),
                label=archive.name or "upload.zip",
                region=region,
                by=request.user,  # type: ignore[arg-type]
            )
            start_worker()
            messages.success(request, "已上传，正在排队导入")
            return redirect("oversight:run", pk=queued.pk)
    return render(
        request,
        "oversight/upload.html",
        {
            "regions": region_choices(request),
            "error": error,
            "limit_mb": MAX_UPLOAD_BYTES // 1024 // 1024,
        },
        status=400 if error else 200,
    )


@overseer
def runs(request: HttpRequest) -> HttpResponse:
    interrupt_dead()
    page = Paginator(_runs(request), 50).get_page(request.GET.get("page"))
    return render(request, "oversight/runs.html", {"page": page})


@overseer
def run(request: HttpRequest, pk: int) -> HttpResponse:
    found = _runs(request).filter(pk=pk).first()
    if found is None:
        raise Http404("没有这次导入，或您没有它的监督权限")
    if found.active:
        interrupt_dead()
        start_worker()  # after a restart of the site, queued runs get a worker again
        found.refresh_from_db()
    return render(
        request,
        "oversight/run.html",
        {
            "run": found,
            "failures": found.failures.all(),
            "reports": found.reports.select_related("agency")[:500],
        },
    )
