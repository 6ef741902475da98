"""The portal's application form and the staff intake form check the identity number by its
document type and the phone number by its form, one Chinese message per field; the demo data
passes the same checks."""

from __future__ import annotations

import random
import re
from datetime import date

from django.test import Client

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind, id_problem, phone_problem
from gongkai.ledger.demo import create_demo
from gongkai.ledger.models import Application

from ..ledger.conftest import login
from .conftest import World, application_form


def _errors(html: str) -> list[str]:
    return re.findall(r'<span class="error" role="alert">([^<]*)</span>', html)


def test_the_portal_refuses_a_bad_id_and_phone_with_one_message_each(world: World) -> None:
    response = Client().post(
        f"/open/{world.agency.pk}/apply/", application_form(id_number="123", phone="abc")
    )
    page = response.content.decode()
    assert Application.objects.count() == 0
    errors = _errors(page)
    assert len(errors) == 2, errors
    assert "居民身份证号码应为 18 位" in errors[0] and "联系电话应为" in errors[1]


def test_the_portal_takes_other_documents_and_organisations(world: World) -> None:
    for i, (kind, applicant, number, phone) in enumerate(
        [
            (IdKind.PASSPORT, ApplicantKind.NATURAL_PERSON, "E12345678", "+852 2345 6789"),
            (IdKind.HK_MACAO_PERMIT, ApplicantKind.NATURAL_PERSON, "h12345678", "0371-6123456"),
            (IdKind.CREDIT_CODE, ApplicantKind.COMMERCIAL_ENTERPRISE, "91330100799655058B",
             "010-65123456 转 8"),
        ]
    ):  # fmt: skip
        response = Client(REMOTE_ADDR=f"10.1.0.{i}").post(
            f"/open/{world.agency.pk}/apply/",
            application_form(
                id_kind=kind.value, applicant_kind=applicant.value, id_number=number, phone=phone
            ),
        )
        assert 'id="tracking-code"' in response.content.decode(), _errors(response.content.decode())
    stored = set(Application.objects.values_list("id_number", flat=True))
    assert stored == {"E12345678", "H12345678", "91330100799655058B"}


def test_an_organisation_needs_its_credit_code(world: World) -> None:
    url = f"/open/{world.agency.pk}/apply/"
    as_person = application_form(applicant_kind="commercial_enterprise", id_kind="resident_id")
    response = Client().post(url, as_person)
    assert _errors(response.content.decode()) == ["法人或其他组织请填写统一社会信用代码"]
    unmarked = application_form(applicant_kind="commercial_enterprise")  # read as a credit code
    response = Client(REMOTE_ADDR="10.2.0.1").post(url, unmarked)
    assert _errors(response.content.decode()) == [
        "统一社会信用代码的校验位不对，请核对是否有输错的字符"
    ]


def test_staff_intake_checks_the_same_fields(world: World) -> None:
    client = login(world.clerk)
    form = {
        "channel": "online",
        "confirmed": "2025-03-03",
        "applicant_kind": "natural_person",
        "applicant_name": "李娜",
        "description": "申请公开某小区旧改项目实施方案",
    }
    url = f"/applications/new/?agency={world.agency.pk}"
    bad = client.post(url, {**form, "id_number": "123", "phone": "abc"})
    assert bad.status_code == 200 and not Application.objects.exists()
    errors = _errors(bad.content.decode())
    assert len(errors) == 2 and "校验位" not in errors[0] and "18 位" in errors[0], errors
    good = client.post(url, {**form, "id_number": "11010519491231002x", "phone": "13912345678"})
    assert good.status_code == 302
    assert Application.objects.get().id_number == "11010519491231002X"


def test_demo_applicants_pass_the_checks(db: None) -> None:
    create_demo(today=date(2026, 3, 2), rng=random.Random(4))
    rows = Application.objects.values_list("applicant_kind", "id_number", "phone")
    assert rows
    for applicant, number, phone in rows:
        kind = (
            IdKind.RESIDENT_ID if applicant == ApplicantKind.NATURAL_PERSON else IdKind.CREDIT_CODE
        )
        assert id_problem(kind, number) is None, number
        assert phone_problem(phone) is None, phone
