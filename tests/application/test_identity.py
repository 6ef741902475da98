"""Identity numbers and phone numbers by their own forms (GB 11643, GB 32100, the permits,
passports; mobiles, fixed lines, international numbers)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from gongkai.application.identity import (
    CREDIT_CHARACTERS,
    IdKind,
    credit_check,
    id_problem,
    phone_problem,
    resident_check,
)

R = IdKind.RESIDENT_ID


@st.composite
def resident_ids(draw: st.DrawFn) -> str:
    region = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    born = draw(st.dates(min_value=date(1900, 1, 1), max_value=date(2026, 1, 1)))
    serial = draw(st.from_regex(r"[0-9]{3}", fullmatch=True))
    first = f"{region}{born:%Y%m%d}{serial}"
    return first + resident_check(first)


@st.composite
def credit_codes(draw: st.DrawFn) -> str:
    head = draw(st.sampled_from(["11", "12", "51", "52", "91", "92", "Y1"]))
    division = draw(st.from_regex(r"[1-6][0-9]{5}", fullmatch=True))
    body = draw(st.text(CREDIT_CHARACTERS, min_size=9, max_size=9))
    first = head + division + body
    return first + credit_check(first)


def test_known_numbers() -> None:
    assert id_problem(R, "11010519491231002X") is None  # the standard's own example
    assert id_problem(R, "11010519491231002x") is None  # typed in lower case
    assert id_problem(R, "１１０１０５１９４９１２３１００２Ｘ") is None  # full width
    assert id_problem(IdKind.CREDIT_CODE, "91330100799655058B") is None
    assert id_problem(IdKind.CREDIT_CODE, "9144030071526726XG") is None


@pytest.mark.parametrize(
    ("kind", "text", "says"),
    [
        (R, "123", "应为 18 位"),
        (R, "", "请填写"),
        (R, "110105194912310021", "校验位"),
        (R, "110105194902300020", "不是有效日期"),  # 30 February, check digit right
        (IdKind.CREDIT_CODE, "91330100799655058A", "校验位"),
        (IdKind.CREDIT_CODE, "91330100799655O58B", "不含 I、O"),
        (IdKind.CREDIT_CODE, "9133A100799655058B", "行政区划代码"),
        (IdKind.PASSPORT, "ABCDEFGH", "含数字"),
        (IdKind.HK_MACAO_PERMIT, "K12345678", "H 或 M"),
        (IdKind.TAIWAN_PERMIT, "1234", "8 位数字"),
        (IdKind.FOREIGN_PERMANENT, "12345", "以 9 开头"),
    ],
)
def test_what_is_refused_and_why(kind: IdKind, text: str, says: str) -> None:
    problem = id_problem(kind, text)
    assert problem is not None and says in problem


def test_other_documents_by_their_forms() -> None:
    assert id_problem(IdKind.PASSPORT, "E12345678") is None
    assert id_problem(IdKind.PASSPORT, "EA1234567") is None
    assert id_problem(IdKind.PASSPORT, "X1234567Z") is None  # a foreign passport
    assert id_problem(IdKind.HK_MACAO_PERMIT, "H12345678") is None
    assert id_problem(IdKind.HK_MACAO_PERMIT, "M1234567801") is None
    assert id_problem(IdKind.TAIWAN_PERMIT, "12345678") is None
    assert id_problem(IdKind.FOREIGN_PERMANENT, "USA123456789012") is None
    first = "93607219800101001"
    assert id_problem(IdKind.FOREIGN_PERMANENT, first + resident_check(first)) is None


def test_a_birth_date_after_today_is_refused_when_today_is_given() -> None:
    first = "11010120300101001"
    number = first + resident_check(first)
    assert id_problem(R, number) is None
    assert "不可能" in (id_problem(R, number, today=date(2026, 12, 1)) or "")


@given(resident_ids())
def test_every_well_formed_resident_id_passes(number: str) -> None:
    assert id_problem(R, number) is None


@given(resident_ids(), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_one_changed_character_is_caught(number: str, where: int, to: str) -> None:
    """MOD 11-2 catches every single substitution."""
    changed = number[:where] + to + number[where + 1 :]
    if changed != number:
        assert id_problem(R, changed) is not None


@given(credit_codes())
def test_every_well_formed_credit_code_passes(code: str) -> None:
    assert id_problem(IdKind.CREDIT_CODE, code) is None


@given(credit_codes(), st.integers(0, 17), st.sampled_from(CREDIT_CHARACTERS))
def test_one_changed_credit_character_is_caught(code: str, where: int, to: str) -> None:
    changed = code[:where] + to + code[where + 1 :]
    if changed != code:
        assert id_problem(IdKind.CREDIT_CODE, changed) is not None


@given(st.text(max_size=25))
def test_any_text_gets_an_answer_in_chinese_or_passes(text: str) -> None:
    for kind in IdKind:
        problem = id_problem(kind, text)
        assert problem is None or kind.label in problem
    problem = phone_problem(text)
    assert problem is None or "电话" in problem or "手机" in problem


@pytest.mark.parametrize(
    "phone",
    [
        "13912345678",
        "+86 139 1234 5678",
        "199-1234-5678",
        "010-65123456",
        "(010)65123456",
        "0371-6123456",
        "0371 62345678",
        "021 6234 5678 转 123",
        "0371-6234567-88",
        "+852 2345 6789",
        "１３９１２３４５６７８",
    ],
)
def test_phones_that_pass(phone: str) -> None:
    assert phone_problem(phone) is None


@pytest.mark.parametrize(
    "phone",
    ["abc", "123", "12345678901", "010-00000000", "011-65123456", "0371-123", "139123456789", ""],
)
def test_phones_that_do_not(phone: str) -> None:
    assert phone_problem(phone) is not None


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_every_mainland_mobile_passes(phone: str) -> None:
    assert phone_problem(phone) is None
