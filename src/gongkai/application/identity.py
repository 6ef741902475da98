"""The applicant's identity document and phone number, checked by their own forms.

《政府信息公开条例》第二十九条 asks an application for the applicant's name, 身份证明 and contact
details; a number a person mistypes (「123」 for an ID, 「abc」 for a phone) is caught when it is
typed, with one Chinese sentence saying what is wrong. The checks are pure (no Django, no clock:
a birth date is compared with `today` only when the caller gives it).

Documents and their forms:

- 居民身份证 (GB 11643-1999): 17 digits and a check character (ISO 7064 MOD 11-2, 0–9 or X); the
  birth date in digits 7–14 must be a real date.
- 外国人永久居留身份证: the 2017 card, 18 characters starting with 9, with the same check
  character and birth date; or the 2004 card, three letters (the country) and 12 digits.
- 港澳居民来往内地通行证: H (Hong Kong) or M (Macao) and 8 digits (10 on the older cards).
- 台湾居民来往大陆通行证: 8 digits (the older cards add 2 digits or a letter).
- 护照: Chinese and foreign passports alike, 5–17 Latin letters and digits with at least one
  digit (ICAO 9303 numbers are 9 characters; some states use more).
- 统一社会信用代码 (GB 32100-2015), for 法人和其他组织: 18 characters of
  「0123456789ABCDEFGHJKLMNPQRTUWXY」, the 3rd to 8th an administrative division code (digits),
  the 18th a check character (MOD 31).

Phone numbers: a mainland mobile (1[3-9] and 9 more digits), a fixed line with its area code
(010, 02x and 0xxx, then 7–8 digits, as 010-12345678 or (0371)1234567), optionally with an
extension (转 123, -123, ext. 123); +86 may lead; other countries' numbers in the international
form (+852 …, 8–15 digits).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from datetime import date

#: GB 11643: weight of each of the first 17 digits (2^(17-i) mod 11), and the check characters.
_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_ID_CHECKS = "10X98765432"
#: GB 32100: the characters of a credit code (no I, O, S, V, Z) and their weights (3^i mod 31).
CREDIT_CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))


class IdKind(enum.StrEnum):
    RESIDENT_ID = "resident_id"
    PASSPORT = "passport"
    HK_MACAO_PERMIT = "hk_macao_permit"
    TAIWAN_PERMIT = "taiwan_permit"
    FOREIGN_PERMANENT = "foreign_permanent"
    CREDIT_CODE = "credit_code"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    IdKind.RESIDENT_ID: "居民身份证",
    IdKind.PASSPORT: "护照",
    IdKind.HK_MACAO_PERMIT: "港澳居民来往内地通行证",
    IdKind.TAIWAN_PERMIT: "台湾居民来往大陆通行证",
    IdKind.FOREIGN_PERMANENT: "外国人永久居留身份证",
    IdKind.CREDIT_CODE: "统一社会信用代码",
}


def clean_id(text: str) -> str:
    """The number as it is checked and kept: full-width folded, spaces dropped, upper case."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).upper()


def resident_check(first17: str) -> str:
    """The GB 11643 check character of 17 digits."""
    return _ID_CHECKS[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def credit_check(first17: str) -> str:
    """The GB 32100 check character of the first 17 characters of a credit code."""
    total = sum(
        CREDIT_CHARACTERS.index(c) * w for c, w in zip(first17, _CREDIT_WEIGHTS, strict=True)
    )
    return CREDIT_CHARACTERS[(31 - total % 31) % 31]


def _birth_problem(digits: str, today: date | None) -> str | None:
    try:
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        return f"号码中的出生日期 {digits[:4]}-{digits[4:6]}-{digits[6:8]} 不是有效日期"
    if born.year < 1900 or (today is not None and born > today):
        return f"号码中的出生日期 {born.isoformat()} 不可能"
    return None


def _gb11643_problem(number: str, label: str, today: date | None) -> str | None:
    if not re.fullmatch(r"[0-9]{17}[0-9X]", number):
        return f"{label}号码应为 18 位：17 位数字加 1 位数字或 X（实际为 {len(number)} 位）"
    if resident_check(number[:17]) != number[17]:
        return f"{label}号码的校验位不对，请核对是否有输错的数字"
    return _birth_problem(number[6:14], today)


def id_problem(kind: IdKind, text: str, *, today: date | None = None) -> str | None:
    """What is wrong with `text` as a number of a `kind` document, in one Chinese sentence;
    None when it has the document's form."""
    number = clean_id(text)
    label = kind.label
    if not number:
        return f"请填写{label}号码"
    if kind is IdKind.RESIDENT_ID:
        return _gb11643_problem(number, label, today)
    if kind is IdKind.FOREIGN_PERMANENT:
        if re.fullmatch(r"[A-Z]{3}[0-9]{12}", number):
            return None  # the 2004 card
        if not number.startswith("9"):
            return (
                f"{label}号码应为以 9 开头的 18 位（2017 年版）或 3 个字母加 12 位数字（2004 年版）"
            )
        return _gb11643_problem(number, label, today)
    if kind is IdKind.HK_MACAO_PERMIT:
        if re.fullmatch(r"[HM][0-9]{8}([0-9]{2})?", number):
            return None
        return f"{label}号码应为 H 或 M 加 8 位数字（旧证 10 位），如 H12345678"
    if kind is IdKind.TAIWAN_PERMIT:
        if re.fullmatch(r"[0-9]{8}([0-9]{2}|[A-Z])?", number):
            return None
        return f"{label}号码应为 8 位数字（旧证另加 2 位数字或 1 个字母）"
    if kind is IdKind.PASSPORT:
        if re.fullmatch(r"[A-Z0-9]{5,17}", number) and re.search(r"[0-9]", number):
            return None
        return f"{label}号码应为 5 到 17 位字母和数字（含数字），如 E12345678"
    if not re.fullmatch(f"[{CREDIT_CHARACTERS}]{{18}}", number):
        return f"{label}应为 18 位数字或大写字母（不含 I、O、S、V、Z）（实际为 {len(number)} 位）"
    if not number[2:8].isdigit() or not number[2:8].isascii():
        return f"{label}的第 3 至 8 位应为行政区划代码（6 位数字）"
    if credit_check(number[:17]) != number[17]:
        return f"{label}的校验位不对，请核对是否有输错的字符"
    return None


def clean_phone(text: str) -> str:
    """The number as it is kept: full-width folded, spaces trimmed."""
    return unicodedata.normalize("NFKC", text).strip()


_MOBILE = re.compile(r"(?:\+?86[\s-]?)?1[3-9][0-9](?:[\s-]?[0-9]{4}){2}")
_INTERNATIONAL = re.compile(r"\+(?!86)[1-9][0-9]{0,2}(?:[\s-]?[0-9]){6,14}")
_LINE = re.compile(r"(?:\+?86[\s-]?)?(?:\(0[1-9][0-9]{1,2}\)|0[1-9][0-9]{1,2}[\s-]?)[0-9\s-]{7,10}")
_EXTENSION = re.compile(r"(?P<line>.+?)\s*(?:转|分机|ext\.?|x|#|-)\s*[0-9]{1,6}", re.IGNORECASE)


def _fixed_line(text: str) -> bool:
    """A fixed line with its area code: 010 and 02x, then 8 digits; 0xxx, then 7 or 8; the local
    number never starts with 0 or 1."""
    if not _LINE.fullmatch(text):
        return False
    digits = re.sub(r"[^0-9]", "", text)
    digits = digits[2:] if digits.startswith("86") else digits  # 0 leads every area code
    if digits.startswith("01") and not digits.startswith("010"):
        return False
    short = digits.startswith(("010", "02"))  # 3-digit area codes, 8-digit numbers
    local = digits[3:] if short else digits[4:]
    lengths: tuple[int, ...] = (8,) if short else (7, 8)
    return len(local) in lengths and local[0] in "23456789"


def phone_problem(text: str) -> str | None:
    """What is wrong with `text` as a phone number, in one Chinese sentence; None when it is a
    mainland mobile, a fixed line with its area code (and extension), or an international
    number."""
    number = clean_phone(text)
    if not number:
        return "请填写联系电话"
    if _MOBILE.fullmatch(number) or _INTERNATIONAL.fullmatch(number) or _fixed_line(number):
        return None
    extension = _EXTENSION.fullmatch(number)
    if extension and _fixed_line(extension["line"]):
        return None
    if re.fullmatch(r"[0-9\s-]+", number) and re.sub(r"[\s-]", "", number).startswith("1"):
        return "手机号码应为 1 开头的 11 位数字，如 13912345678"
    return "联系电话应为 11 位手机号码，或带区号的固定电话（如 010-65123456、0371-6123456 转 123）"


def default_kind(person: bool) -> IdKind:
    """The document assumed when none is named: the resident ID for a person, the credit code
    for an organisation."""
    return IdKind.RESIDENT_ID if person else IdKind.CREDIT_CODE


def applicant_problems(
    *,
    person: bool,
    kind: IdKind | None,
    number: str,
    phone: str,
    required: bool = False,
    today: date | None = None,
) -> dict[str, str]:
    """What is wrong with an applicant's 证件类型, 证件号码 and 联系电话 (第二十九条), by field
    (`id_kind`, `id_number`, `phone`), one Chinese sentence each; empty when nothing is. `person`:
    a natural person (else an organisation); `kind` None is `default_kind`. Empty numbers pass
    unless `required` (staff may register a letter that gives none)."""
    problems: dict[str, str] = {}
    kind = kind or default_kind(person)
    if number.strip():
        if kind is IdKind.CREDIT_CODE and person:
            problems["id_kind"] = "自然人请填写身份证件；统一社会信用代码用于法人或其他组织"
        elif kind is not IdKind.CREDIT_CODE and not person:
            problems["id_kind"] = "法人或其他组织请填写统一社会信用代码"
        elif problem := id_problem(kind, number, today=today):
            problems["id_number"] = problem
    elif required:
        problems["id_number"] = "请填写身份证件号码"
    if (phone.strip() or required) and (problem := phone_problem(phone)):
        problems["phone"] = problem
    return problems
