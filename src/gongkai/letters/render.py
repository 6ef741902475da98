"""A letter rendered from its kind, the facts and a template: title, paragraphs, signature, date.

`render_letter` is pure. The remedy sentence (`gongkai.letters.remedy`) is part of every letter
that decides something: appended by the system unless the template places `${remedy}` itself.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from datetime import date

from gongkai.clock import MAX_EXTENSION_WORKING_DAYS
from gongkai.documents import Align, Document, Paragraph, Signature, clean
from gongkai.documents.text import lines
from gongkai.letters.dates import chinese_date
from gongkai.letters.errors import LetterError, MissingFacts
from gongkai.letters.facts import LetterFacts
from gongkai.letters.kinds import LetterKind, Recipient
from gongkai.letters.placeholders import PLACEHOLDERS, values
from gongkai.letters.templates import LetterTemplate, as_template


@dataclass(frozen=True)
class Letter:
    kind: LetterKind
    title: str
    recipient: str  # whom the letter is addressed to, without the colon
    paragraphs: tuple[str, ...]
    signature: tuple[str, ...]  # the agency's name; the date follows it
    date: date
    number: str = ""  # the letter's own number (发文字号), if any

    @property
    def text(self) -> str:
        """The whole letter as plain text, one paragraph a line."""
        head = [self.title, *([self.number] if self.number else []), f"{self.recipient}："]
        return "\n".join([*head, *self.paragraphs, *self.signature, chinese_date(self.date)])

    def document(self) -> Document:
        """The letter as a 公文-style document for `gongkai.documents`."""
        return Document(
            self.title,
            (
                Paragraph(f"{self.recipient}：", align=Align.LEFT, indent=False),
                *(Paragraph(p) for p in self.paragraphs),
                Signature((*self.signature, chinese_date(self.date))),
            ),
            number=self.number,
        )


def render_letter(
    kind: LetterKind, facts: LetterFacts, template: LetterTemplate | str | None = None
) -> Letter:
    """The letter of `kind` for `facts`. `template` is the agency's edited template, or only its
    body (a string), or None for the default."""
    chosen = as_template(kind, template)
    used = chosen.placeholders()
    append_remedy = kind.decides and "remedy" not in used
    _check(kind, facts)
    found = values(kind, facts)
    missing = [n for n in sorted(used | ({"remedy"} if append_remedy else set())) if not found[n]]
    if missing:
        shown = "、".join(f"{PLACEHOLDERS[n]}（${{{n}}}）" for n in missing)
        raise MissingFacts(f"「{kind.default_title}」缺少以下内容：{shown}", missing=missing)
    given = {name: value for name, value in found.items() if value is not None}
    title = clean(string.Template(chosen.title).substitute(given))
    paragraphs = lines(string.Template(chosen.body).substitute(given))
    if append_remedy:
        paragraphs.append(given["remedy"])
    recipient = {
        Recipient.APPLICANT: facts.applicant,
        Recipient.THIRD_PARTY: facts.third_party,
        Recipient.AGENCY: facts.consulted_agency,
    }[kind.recipient]
    return Letter(
        kind=kind,
        title=title,
        recipient=recipient,
        paragraphs=tuple(paragraphs),
        signature=(facts.agency.name,),
        date=facts.letter_date,
        number=facts.number,
    )


def _check(kind: LetterKind, facts: LetterFacts) -> None:
    """Rules of law a letter must not break, whatever its template says."""
    if kind.recipient is Recipient.THIRD_PARTY and not facts.third_party:
        raise MissingFacts(
            f"「{kind.default_title}」缺少以下内容：第三方（${{third_party}}）",
            missing=["third_party"],
        )
    if kind.recipient is Recipient.AGENCY and not facts.consulted_agency:
        raise MissingFacts(
            f"「{kind.default_title}」缺少以下内容：被征求意见的行政机关（${{consulted_agency}}）",
            missing=["consulted_agency"],
        )
    if kind.decides and not facts.agency.reconsideration_body:
        raise LetterError(
            f"「{kind.default_title}」须写明行政复议机关，而本机关尚未设置：未告知行政复议机关的，"
            "申请行政复议的期限最长可延至一年（《中华人民共和国行政复议法》第二十条第三款）。"
            "请机关管理员在“告知书设置”中填写本机关的行政复议机关名称",
            missing=["reconsideration_body"],
        )
    days = facts.extension_days
    if (
        kind is LetterKind.EXTENSION
        and days is not None
        and not 0 < days <= MAX_EXTENSION_WORKING_DAYS
    ):
        raise LetterError(
            f"延长答复期限最长不得超过 {MAX_EXTENSION_WORKING_DAYS} 个工作日（第三十三条第二款），"
            f"而不是 {days} 个",
            extension_days=days,
        )
    if kind is LetterKind.FEE_NOTICE and facts.fee is not None and facts.fee.free:
        raise LetterError("该申请不收取信息处理费，无需发出收费通知书（国办函〔2020〕109号）")
    if facts.letter_date < facts.received:
        raise LetterError(
            f"告知书日期 {chinese_date(facts.letter_date)} 早于收到申请的日期 "
            f"{chinese_date(facts.received)}"
        )
