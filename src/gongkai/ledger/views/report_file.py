"""The year's report from the ledger as a file: Word, PDF, web page, Markdown or Excel."""

from __future__ import annotations

from urllib.parse import quote

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse

from gongkai.ledger.annual import ledger_report
from gongkai.ledger.report_years import previous_report
from gongkai.ledger.views.common import current_agency
from gongkai.render import Format, render
from gongkai.render.text import title
from gongkai.report.document import Report
from gongkai.report.grid import Edition

#: The file formats offered, in the order of the buttons.
FORMATS = (Format.DOCX, Format.PDF, Format.HTML, Format.MD, Format.XLSX)


def file_response(report: Report, fmt: Format, data: bytes) -> HttpResponse:
    """`data` as a download named after the report, e.g. 「某局2024年政府信息公开工作年度报告.docx」;
    an ASCII name beside it for clients that do not read RFC 5987 `filename*`."""
    response = HttpResponse(data, content_type=fmt.media_type)
    name = f"{title(report)}.{fmt.value}"
    response["Content-Disposition"] = (
        f"attachment; filename=\"report-{report.year}.{fmt.value}\"; filename*=UTF-8''{quote(name)}"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
def year_report_file(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    agency = current_agency(request)
    try:
        wanted = Format(fmt)
    except ValueError:
        raise Http404("不支持的文件格式") from None
    if Edition.for_year(year) is Edition.LEGACY:
        raise Http404("2019 年以前的年度没有全国统一格式的年度报告")
    report = ledger_report(agency, year)
    response = file_response(
        report, wanted, render(report, wanted, previous=previous_report(agency, year))
    )
    response["Cache-Control"] = "private, no-store"
    return response
