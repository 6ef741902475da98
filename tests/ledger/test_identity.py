"""The applicant's 身份证明 and phone (第二十九条) held by the registration itself, not only by the
forms: whatever registers an application (staff form, portal, demo, a script) gets the same
check, one Chinese sentence, and nothing written when it fails."""

from __future__ import annotations

from datetime import date

import pytest

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind, resident_check
from gongkai.ledger.actions import InvalidRequest
from gongkai.ledger.applicant import identity_hash
from gongkai.ledger.models import Application, AuditEntry
from gongkai.portal.actions import application_submit_online

from .conftest import ORGANISATION_CODE, World, login

ID = "110101198001011232"


def test_a_mistyped_id_number_is_refused_and_nothing_written(world: World) -> None:
    with pytest.raises(InvalidRequest, match=r"校验位不对.*第二十九条"):
        world.register(id_number="110101198001011234")
    assert not Application.objects.exists()
    assert not AuditEntry.objects.filter(action="application_register").exists()


def test_a_phone_that_is_no_number_is_refused(world: World) -> None:
    with pytest.raises(InvalidRequest, match="联系电话"):
        world.register(phone="abc")
    assert not Application.objects.exists()


def test_an_id_born_after_the_receipt_date_is_refused(world: World) -> None:
    first = "11010120260101123"  # born on 1 January 2026, applying in September 2025
    with pytest.raises(InvalidRequest, match="出生日期"):
        world.register(received_on=date(2025, 9, 28), id_number=first + resident_check(first))


def test_the_numbers_are_kept_in_their_checked_form_with_the_document(world: World) -> None:
    app = world.register(id_number=" １１０１０１１９８００１０１１２３２ ", phone="139 1234 5678")
    assert app.id_kind == IdKind.RESIDENT_ID and app.id_number == ID
    assert app.phone == "139 1234 5678"
    assert app.id_number_hash == identity_hash(ID)  # the same person, however it was typed


def test_a_passport_is_checked_as_a_passport(world: World) -> None:
    with pytest.raises(InvalidRequest, match="护照号码"):
        world.register(id_kind=IdKind.PASSPORT, id_number="ABC")
    app = world.register(id_kind=IdKind.PASSPORT, id_number="e12345678")
    assert (app.id_kind, app.id_number) == (IdKind.PASSPORT, "E12345678")
    page = login(world.clerk).get(f"/applications/{app.pk}/").content.decode()
    assert "护照 E12345678" in page


def test_an_organisation_shows_its_credit_code_not_a_personal_id(world: World) -> None:
    kind = ApplicantKind.LEGAL_SERVICE_ORG
    with pytest.raises(InvalidRequest, match="法人或其他组织请填写统一社会信用代码"):
        world.register(applicant_kind=kind, id_kind=IdKind.RESIDENT_ID, id_number=ID)
    app = world.register(applicant_kind=kind, id_number=ORGANISATION_CODE)
    assert app.id_kind == IdKind.CREDIT_CODE


def test_a_letter_without_numbers_may_be_registered_by_staff(world: World) -> None:
    app = world.register(id_number="", phone="")
    assert (app.id_kind, app.id_number, app.id_number_hash) == ("", "", "")


def test_online_the_numbers_are_required(world: World) -> None:
    fields = {
        "agency": world.agency,
        "today": date(2025, 9, 28),
        "applicant_kind": ApplicantKind.NATURAL_PERSON.value,
        "applicant_name": "张敏",
        "description": "申请公开某地块征收补偿方案",
    }
    with pytest.raises(InvalidRequest, match=r"请填写身份证件号码.*请填写联系电话"):
        application_submit_online(**fields, id_number="", phone="")
    assert not Application.objects.exists()
    application, _ = application_submit_online(**fields, id_number=ID, phone="13912345678")
    assert application.id_kind == IdKind.RESIDENT_ID
