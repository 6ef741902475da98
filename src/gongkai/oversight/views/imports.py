"""Uploading a ZIP of reports (imported at once, in this process), and the import runs."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from gongkai.errors import GongkaiError
from gongkai.oversight.access import regions_visible_to, require_region
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import ImportRun
from gongkai.oversight.views.common import overseer, region_choices

#: The upload page imports synchronously: archives up to this size (bigger ones: the CLI).
MAX_UPLOAD_BYTES = 30 * 1024 * 1024


def _runs(request: HttpRequest) -> QuerySet[ImportRun]:
    regions = regions_visible_to(request.user)
    return ImportRun.objects.filter(region__in=regions).select_related("region", "by")


@overseer
def upload(request: HttpRequest) -> HttpResponse:
    error = ""
    if request.method == "POST":
        archive = request.FILES.get("archive")
        region = regions_visible_to(request.user).filter(pk=request.POST.get("region") or 0).first()
        if archive is None:
            error = "请选择要上传的 ZIP 压缩包"
        elif region is None:
            error = "请选择报告所属的地区"
        elif (archive.size or 0) > MAX_UPLOAD_BYTES:
            error = f"压缩包过大（上限 {MAX_UPLOAD_BYTES // 1024 // 1024} MB），更大的批量请用命令 gongkai corpus import"
        else:
            try:
                require_region(request.user, region)
                with tempfile.TemporaryDirectory() as folder:
                    path = Path(folder) / "upload.zip"
                    with path.open("wb") as out:
                        for chunk in archive.chunks():
                            out.write(chunk)
                    run = run_import(
                        path,
                        region=region,
                        by=request.user,  # type: ignore[arg-type]
                        workers=1,
                        label=archive.name or "upload.zip",
                    )
            except GongkaiError as exc:
                error = exc.message
            else:
                messages.success(request, "导入完成")
                return redirect("oversight:run", pk=run.pk)
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
    page = Paginator(_runs(request), 50).get_page(request.GET.get("page"))
    return render(request, "oversight/runs.html", {"page": page})


@overseer
def run(request: HttpRequest, pk: int) -> HttpResponse:
    found = _runs(request).filter(pk=pk).first()
    if found is None:
        raise Http404("没有这次导入，或您没有它的监督权限")
    return render(
        request,
        "oversight/run.html",
        {
            "run": found,
            "failures": found.failures.all(),
            "reports": found.reports.select_related("agency")[:500],
        },
    )
