"""The public portal: guide, catalogue, published reports, online application, status lookup."""

from __future__ import annotations

from datetime import date

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import never_cache

from gongkai.application.identity import IdKind
from gongkai.errors import GongkaiError
from gongkai.ledger.models import Agency, Application, CatalogueItem, YearLock
from gongkai.ledger.views.report_file import FORMATS
from gongkai.portal import throttle
from gongkai.portal.actions import application_submit_online
from gongkai.portal.forms import ApplyForm, LookupForm
from gongkai.portal.models import Guide, Tracking
from gongkai.portal.tracking import code_hash, same_phone
from gongkai.portal.uploads import MAX_BYTES, MAX_FILES, check_upload
from gongkai.portal.views.report_file import prose_parts
from gongkai.report import interchange
from gongkai.report.layout import layout
from gongkai.site.clock import current_date


def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"agencies": Agency.objects.order_by("name")})


def guide(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    return render(
        request,
        "portal/guide.html",
        {"agency": agency, "guide": Guide.objects.filter(agency=agency).first()},
    )


def catalogue(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    items = CatalogueItem.objects.filter(agency=agency, published_on__isnull=False)
    q = request.GET.get("q", "").replace("\x00", "").strip()[:100]  # PostgreSQL text holds no NUL
    if q:
        items = items.filter(
            Q(title__icontains=q) | Q(index_number__icontains=q) | Q(category__icontains=q)
        )
    start, end = _date(request.GET.get("from")), _date(request.GET.get("to"))
    if start:
        items = items.filter(published_on__gte=start)
    if end:
        items = items.filter(published_on__lte=end)
    page = Paginator(items.order_by("-published_on", "-pk"), 30).get_page(request.GET.get("page"))
    return render(
        request,
        "portal/catalogue.html",
        {"agency": agency, "page": page, "q": q, "start": start, "end": end},
    )


def _date(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def reports(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    years = YearLock.objects.filter(agency=agency).order_by("-year")
    return render(request, "portal/reports.html", {"agency": agency, "years": years})


def report(request: HttpRequest, agency_id: int, year: int) -> HttpResponse:
    lock = get_object_or_404(YearLock, agency_id=agency_id, year=year)
    published = interchange.from_dict(lock.report)
    overview, closing = prose_parts(published)
    return render(
        request,
        "portal/report.html",
        {
            "agency": lock.agency,
            "year": year,
            "report": published,
            "tables": layout(published),
            "overview": overview,
            "closing": closing,
            "formats": FORMATS,
        },
    )


@never_cache
def apply(request: HttpRequest, agency_id: int) -> HttpResponse:
    agency = get_object_or_404(Agency, pk=agency_id)
    form = ApplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        files = request.FILES.getlist("identity_files")
        if not throttle.hit(
            throttle.APPLY_BY_ADDRESS, throttle.client_address(request)
        ) or not throttle.hit(throttle.APPLY_BY_IDENTITY, code_hash(d["id_number"])):
            form.add_error(None, "提交过于频繁，请稍后再试；也可以通过信函、传真或当面提交申请。")
        elif len(files) > MAX_FILES:
            form.add_error("identity_files", f"最多上传 {MAX_FILES} 个文件")
        else:
            try:
                # Reading one byte past the limit bounds memory and still detects an oversize file.
                checked = [check_upload(f.name or "", f.read(MAX_BYTES + 1)) for f in files]
                application, code = application_submit_online(
                    agency=agency,
                    today=current_date(),
                    applicant_kind=d["applicant_kind"],
                    applicant_name=d["applicant_name"],
                    id_kind=IdKind(d["id_kind"]) if d["id_kind"] else None,
                    id_number=d["id_number"],
                    phone=d["phone"],
                    email=d["email"],
                    address=d["address"],
                    description=d["description"],
                    form_wanted=d["form_wanted"],
                    delivery=d["delivery"],
                    files=checked,
                )
            except GongkaiError as exc:
                form.add_error(None, exc.message)
            else:
                return render(
                    request,
                    "portal/submitted.html",
                    {"agency": agency, "application": application, "code": code},
                )
    return render(request, "portal/apply.html", {"agency": agency, "form": form})


NOT_FOUND = "没有找到与该查询码和联系电话相符的申请，请核对后重试。"


@never_cache
def track(request: HttpRequest) -> HttpResponse:
    """Stage and due date by code plus phone. Whether a code or a phone number exists is never
    revealed: every failure reads the same."""
    form = LookupForm(request.POST or None)
    found: Application | None = None
    error = ""
    if request.method == "POST" and form.is_valid():
        digest = code_hash(form.cleaned_data["code"])
        if not (
            throttle.hit(throttle.LOOKUP_BY_ADDRESS, throttle.client_address(request))
            and throttle.hit(throttle.LOOKUP_BY_CODE, digest)
        ):
            error = "查询过于频繁，请稍后再试。"
        else:
            tracking = (
                Tracking.objects.select_related("application__agency")
                .filter(code_hash=digest)
                .first()
            )
            # The phone is compared whether or not the code exists, so both failures cost the same.
            phone_matches = same_phone(
                form.cleaned_data["phone"], tracking.application.phone if tracking else ""
            )
            if tracking and phone_matches:
                found = tracking.application
            else:
                error = NOT_FOUND
    # Never echo the phone number back: a fresh form, whatever the outcome.
    return render(
        request, "portal/track.html", {"form": LookupForm(), "found": found, "error": error}
    )
