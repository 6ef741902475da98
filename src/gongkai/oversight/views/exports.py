"""Downloads of every visible cell (filtered like the report list) as CSV, Excel or Parquet."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse

from gongkai.oversight import exports
from gongkai.oversight.access import cells_visible_to
from gongkai.oversight.filters import apply, read_filters
from gongkai.oversight.views.common import overseer

MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
}


@overseer
def export(request: HttpRequest, fmt: str) -> HttpResponse | StreamingHttpResponse:
    if fmt not in MEDIA:
        raise Http404("不支持的导出格式")
    cells = apply(
        cells_visible_to(request.user), read_filters(request.user, request.GET), "report__"
    )
    response: HttpResponse | StreamingHttpResponse
    if fmt == "csv":
        response = StreamingHttpResponse(exports.csv_lines(cells), content_type=MEDIA[fmt])
    else:
        try:
            data = exports.xlsx_bytes(cells) if fmt == "xlsx" else exports.parquet_bytes(cells)
        except exports.ExportUnavailable as exc:
            return HttpResponse(exc.message, status=501, content_type="text/plain; charset=utf-8")
        response = HttpResponse(data, content_type=MEDIA[fmt])
    response["Content-Disposition"] = f'attachment; filename="cells.{fmt}"'
    return response
