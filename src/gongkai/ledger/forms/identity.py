"""The identity document and phone fields shared by the portal's application form and the staff
intake form: checked by `gongkai.application.identity`, one Chinese message per field."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import IdKind, applicant_problems, clean_id, clean_phone

ID_KIND_CHOICES = [(k.value, k.label) for k in IdKind]


def id_kind_field() -> forms.ChoiceField:
    """证件类型; left out, it is the resident ID for a person and the credit code for an
    organisation."""
    return forms.ChoiceField(
        label="证件类型",
        choices=ID_KIND_CHOICES,
        initial=IdKind.RESIDENT_ID.value,
        required=False,
        help_text="法人或其他组织选“统一社会信用代码”",
    )


def check_identity(form: forms.Form, data: dict[str, Any], *, required: bool) -> None:
    """Check 证件类型, 证件号码 and 联系电话 of a bound form's cleaned `data`
    (`applicant_problems`, the rule the registration itself holds to); keep the numbers in their
    cleaned form."""
    person = data.get("applicant_kind") in (None, "", ApplicantKind.NATURAL_PERSON.value)
    kind = IdKind(data["id_kind"]) if data.get("id_kind") else None
    number, phone = data.get("id_number") or "", data.get("phone") or ""
    problems = applicant_problems(
        person=person, kind=kind, number=number, phone=phone, required=required
    )
    for field, message in problems.items():
        if field not in form.errors:
            form.add_error(field, message)
    if number.strip() and not problems.keys() & {"id_kind", "id_number"}:
        data["id_number"] = clean_id(number)
    if phone.strip() and "phone" not in problems:
        data["phone"] = clean_phone(phone)
