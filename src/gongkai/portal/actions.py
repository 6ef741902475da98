"""Actions of the public side: an online application, submitted by a citizen.

Online applications are registered by the system on the applicant's behalf: the recorded actor
is the inactive system user 「网上申请系统」. The receipt date (第三十一条第三项: the day both sides
confirm) is the submission day, because the tracking code shown on submission is the agency's
confirmation of receipt.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from django.contrib.auth import get_user_model
from django.db import transaction

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind
from gongkai.clock import Channel
from gongkai.ledger.access import Actor, require_role
from gongkai.ledger.actions.application import create_application
from gongkai.ledger.actions.audit import audit
from gongkai.ledger.models import Agency, Application, Role
from gongkai.ledger.notify import notify_applicant
from gongkai.ledger.writes import action
from gongkai.portal.models import Attachment, Guide, Tracking
from gongkai.portal.tracking import code_hash, new_code
from gongkai.portal.uploads import CheckedFile, store

SYSTEM_USERNAME = "online-portal"


def system_actor() -> Actor:
    user, created = get_user_model().objects.get_or_create(
        username=SYSTEM_USERNAME, defaults={"first_name": "网上申请系统", "is_active": False}
    )
    if created:
        user.set_unusable_password()
        user.save(update_fields=["password"])
    assert isinstance(user, Actor)
    return user


@action
def application_submit_online(
    *,
    agency: Agency,
    today: date,
    applicant_kind: str,
    applicant_name: str,
    id_number: str,
    phone: str,
    description: str,
    id_kind: IdKind | None = None,
    email: str = "",
    address: str = "",
    form_wanted: str = "",
    delivery: str = "",
    files: Sequence[CheckedFile] = (),
) -> tuple[Application, str]:
    """Register an online application; return it with its tracking code (shown once). Online, the
    身份证明 and phone number of 第二十九条 are required: nobody is there to ask for them."""
    actor = system_actor()
    application = create_application(
        actor=actor,
        agency=agency,
        channel=Channel.ONLINE,
        confirmed=today,
        applicant_kind=ApplicantKind(applicant_kind),
        applicant_name=applicant_name,
        description=description,
        id_kind=id_kind,
        id_number=id_number,
        phone=phone,
        identity_required=True,
        email=email,
        address=address,
        form_wanted=form_wanted,
        delivery=delivery,
    )
    code = new_code()
    Tracking.objects.create(application=application, code_hash=code_hash(code))
    for file in files:
        Attachment.objects.create(
            application=application,
            stored_name=store(file),
            original_name=file.original_name,
            content_type=file.content_type,
            size=len(file.data),
            sha256=file.sha256,
        )
    audit(
        actor=actor,
        agency=agency,
        action="application_submit_online",
        obj=application,
        files=len(files),
    )
    transaction.on_commit(
        lambda: notify_applicant(
            application,
            subject="政府信息公开申请已收到",
            body=f"您向{agency.name}提交的政府信息公开申请已收到，登记号 {application.serial}。"
            "请凭查询码和联系电话查询办理进度。",
        )
    )
    return application, code


@action
def guide_save(*, actor: Actor, guide: Guide) -> Guide:
    """The agency administrator's 公开指南 (第十二条), with its audit row."""
    require_role(actor, guide.agency, Role.ADMIN)
    guide.save()
    audit(actor=actor, agency=guide.agency, action="guide_edit", obj=guide)
    return guide
