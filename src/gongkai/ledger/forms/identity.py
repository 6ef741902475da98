"""The identity document and phone fields shared by the portal's application form and the staff
intake form: checked by `gongkai.application.identity`, one Chinese message per field."""

from __future__ import annotations

from typing import Any

from django import forms

from gongkai.application.applicant import ApplicantKind
from gongkai.application.identity import (
    IdKind,
    clean_id,
    clean_phone,
    id_problem,
    phone_problem,
)

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
    """Check 证件类型, 证件号码 and 联系电话 of a bound form's cleaned `data`; keep the numbers in
    their cleaned form. Empty fields pass when not `required` (staff may register a letter that
    gives no number)."""
    number = data.get("id_number") or ""
    person = data.get("applicant_kind") in (None, "", ApplicantKind.NATURAL_PERSON.value)
    default = IdKind.RESIDENT_ID if person else IdKind.CREDIT_CODE
    kind = IdKind(data.get("id_kind") or default)
    if number.strip():
        if kind is IdKind.CREDIT_CODE and person:
            form.add_error("id_kind", "自然人请填写身份证件；统一社会信用代码用于法人或其他组织")
        elif kind is not IdKind.CREDIT_CODE and not person:
            form.add_error("id_kind", "法人或其他组织请填写统一社会信用代码")
        elif problem := id_problem(kind, number):
            form.add_error("id_number", problem)
        else:
            data["id_number"] = clean_id(number)
    elif required and "id_number" not in form.errors:
        form.add_error("id_number", "请填写身份证件号码")
    phone = data.get("phone") or ""
    if phone.strip() or required:
        if "phone" not in form.errors and (problem := phone_problem(phone)):
            form.add_error("phone", problem)
        elif phone.strip():
            data["phone"] = clean_phone(phone)
