"""What a letter says, as plain data: the agency (configured once), the application, the dates.

Every text is cleaned of control characters on the way in (`gongkai.documents.clean`); the
multi-line fields (the reasons, the items to correct, how to pay) keep their line breaks, which
become paragraphs.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date

from gongkai.clock import Party
from gongkai.documents import clean
from gongkai.fees import Fee
from gongkai.letters.errors import LetterError

MULTILINE = frozenset({"reasons", "correction", "payment"})


def _clean_strings(obj: object, required: dict[str, str]) -> None:
    for f in fields(obj):  # type: ignore[arg-type]
        value = getattr(obj, f.name)
        if isinstance(value, str):
            object.__setattr__(obj, f.name, clean(value, multiline=f.name in MULTILINE))
    for name, label in required.items():
        if not getattr(obj, name):
            raise LetterError(f"{label}不能为空", field=name)


@dataclass(frozen=True)
class Agency:
    """The agency that writes, as its administrator configures it once."""

    name: str
    address: str
    phone: str
    # 复议机关, e.g. 「某某市人民政府」: a letter that decides cannot be written without it (a letter
    # that does not name it lets the time to apply run up to a year, 《行政复议法》第二十条第三款).
    reconsideration_body: str = ""
    court: str = ""  # the 人民法院 with jurisdiction, e.g. 「某某市某某区人民法院」; optional

    def __post_init__(self) -> None:
        _clean_strings(
            self,
            {
                "name": "机关名称",
                "address": "机关地址",
                "phone": "联系电话",
            },
        )


@dataclass(frozen=True)
class LetterFacts:
    """The facts of one application that its letters draw on. Only `agency`, `applicant`,
    `serial`, `received`, `information` and `letter_date` are always needed; a template that uses
    another fact needs it given (`MissingFacts` otherwise)."""

    agency: Agency
    applicant: str  # the applicant's name, or an organisation's title
    serial: str  # the application's number in the agency's register
    received: date  # the receipt date (第三十一条)
    information: str  # the information sought, as the applicant describes it
    letter_date: date
    number: str = ""  # the letter's own number (发文字号), if the agency gives one
    reasons: str = ""  # why: a refusal must say why (第三十六条第三项)
    withheld: str = ""  # what part is withheld (第三十七条)
    published_at: str = ""  # where the information was published (第三十六条第一项)
    provision: str = "随本告知书一并提供（见附件）"  # how it is provided (第四十条)
    responsible_agency: str = ""  # the agency responsible, and how to reach it (第三十六条第五项)
    correction: str = ""  # what to correct (第三十条)
    correction_days: int | None = None  # the period given, in working days from receipt
    correction_due: date | None = None  # its last day, once known
    extension_days: int | None = None  # at most 20 working days (第三十三条第二款)
    original_deadline: date | None = None
    new_deadline: date | None = None
    third_party: str = ""  # who is consulted (第三十二条)
    consulted_agency: str = ""  # the agency consulted (第三十四条)
    consulted: tuple[Party, ...] = ()  # who is being consulted, for the applicant's notice
    consultation_due: date | None = None  # 15 working days after receipt of the letter
    fee: Fee | None = None  # 第四十二条, 国办函〔2020〕109号
    fee_days: int | None = None  # the payment period, in working days from receipt of the notice
    fee_due: date | None = None  # its last day, once known
    payment: str = ""  # how to pay: account, counter, online channel
    #: Years whose holiday schedule was not yet published when the deadlines above were counted:
    #: a date in such a year is written as provisional (counted on weekends and 元旦 only).
    provisional_years: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        _clean_strings(
            self,
            {
                "applicant": "申请人姓名或者名称",
                "serial": "申请编号",
                "information": "所申请的政府信息",
            },
        )
