"""Every kind of letter, rendered from the same facts: who it is to, what it cites, and the rules
of law it refuses to break."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from gongkai.clock import Party
from gongkai.fees import monthly_fee
from gongkai.letters import LetterError, LetterKind, MissingFacts, remedy, render_letter

from .expected import article
from .personas import facts


@pytest.mark.parametrize("kind", list(LetterKind))
def test_every_kind_names_the_applicant_serial_article_and_remedy(kind: LetterKind) -> None:
    letter = render_letter(kind, facts())
    text = letter.text
    assert letter.title == kind.default_title
    assert "张三" in text and "GK-2025-00042" in text
    assert article(kind) in text
    sentence = remedy(kind.outcome, date(2025, 3, 20), facts())
    assert (sentence in letter.paragraphs) is kind.decides
    assert letter.signature == ("某某市交通运输局",) and letter.date == date(2025, 3, 20)
    assert "$" not in text


def test_the_consultation_letter_is_addressed_to_the_third_party() -> None:
    letter = render_letter(LetterKind.CONSULTATION, facts())
    assert letter.recipient == "某某公交客运有限公司"
    assert "请于收到本函之日起15个工作日内向本机关提出书面意见" in letter.text


def test_another_agency_is_consulted_by_its_own_letter() -> None:
    """第三十四条: the agency consulted has 15 working days; its silence counts as consent."""
    letter = render_letter(LetterKind.CONSULTATION_AGENCY, facts())
    assert letter.recipient == "某某市发展和改革委员会"
    assert "第三十四条" in letter.text and "逾期未提出意见的，视为同意公开" in letter.text
    with pytest.raises(MissingFacts, match="被征求意见的行政机关"):
        render_letter(LetterKind.CONSULTATION_AGENCY, facts(consulted_agency=""))


def test_the_applicants_notice_does_not_name_the_third_party() -> None:
    letter = render_letter(LetterKind.CONSULTATION_NOTICE, facts())
    assert letter.recipient == "张三" and "某某公交客运" not in letter.text
    assert "不计算在答复期限内" in letter.text
    assert "第三十二条的规定，本机关正在书面征求第三方的意见" in letter.text


def test_the_applicants_notice_names_whom_the_agency_consults() -> None:
    both = (Party.THIRD_PARTY, Party.AGENCY)
    text = render_letter(LetterKind.CONSULTATION_NOTICE, facts(consulted=both)).text
    assert "第三十二条、第三十四条的规定，本机关正在书面征求第三方和有关行政机关的意见" in text


def test_the_correction_request_says_what_and_by_when() -> None:
    text = render_letter(LetterKind.CORRECTION_REQUEST, facts()).text
    assert "请写明所需信息的文件名称、文号或者其他特征描述。" in text
    assert "请自收到本告知书之日起15个工作日内" in text and "视为放弃申请" in text


def test_deadlines_say_the_last_day_counts() -> None:
    """A last day is written so that the applicant knows whether it still counts."""
    ended = render_letter(LetterKind.OTHER_NO_CORRECTION, facts()).text
    assert "于2025年3月25日（含当日）前对申请内容作出补正" in ended
    unpaid = render_letter(LetterKind.OTHER_FEE_UNPAID, facts()).text
    assert "在2025年4月18日（含当日）前缴纳" in unpaid


def test_the_extension_gives_days_and_the_new_deadline() -> None:
    text = render_letter(LetterKind.EXTENSION, facts()).text
    assert "延长20个工作日，由2025年3月31日（含当日）延长至2025年4月29日（含当日）" in text


@pytest.mark.parametrize("days", [0, 21])
def test_an_extension_beyond_20_working_days_is_refused(days: int) -> None:
    with pytest.raises(LetterError, match="第三十三条第二款"):
        render_letter(LetterKind.EXTENSION, facts(extension_days=days))


def test_the_fee_notice_has_amount_method_breakdown_and_deadline() -> None:
    letter = render_letter(LetterKind.FEE_NOTICE, facts())
    assert "计收方式：按件计收；金额：3,000 元" in letter.text
    assert "第 31–35 件：5 件 × 200 元 = 1,000 元" in letter.paragraphs
    assert "请自收到本通知书之日起20个工作日内" in letter.text


def test_no_fee_notice_for_a_free_application() -> None:
    with pytest.raises(LetterError, match="不收取信息处理费"):
        render_letter(LetterKind.FEE_NOTICE, facts(fee=monthly_fee(3)))


def test_not_this_agency_gives_reasons_and_the_agency_where_known() -> None:
    """第三十六条第五项: 告知申请人并说明理由；能够确定的，告知负责公开的行政机关."""
    text = render_letter(LetterKind.UNABLE_NOT_THIS_AGENCY, facts()).text
    assert "理由：该信息系" in text and "负责公开该政府信息的行政机关为：某某市公共交通集团" in text
    unknown = render_letter(LetterKind.UNABLE_NOT_THIS_AGENCY, facts(responsible_agency="")).text
    assert "本机关无法确定负责公开该政府信息的行政机关" in unknown
    with pytest.raises(MissingFacts, match="具体理由"):
        render_letter(LetterKind.UNABLE_NOT_THIS_AGENCY, facts(reasons=""))


@pytest.mark.parametrize("kind", [k for k in LetterKind if k.decides])
def test_no_deciding_letter_without_the_reconsideration_body(kind: LetterKind) -> None:
    """Never 「本机关的行政复议机关」: an unnamed 复议机关 lets the time to apply run a year."""
    agency = replace(facts().agency, reconsideration_body="")
    with pytest.raises(LetterError, match="行政复议机关"):
        render_letter(kind, facts(agency=agency))


def test_a_procedural_letter_needs_no_reconsideration_body() -> None:
    agency = replace(facts().agency, reconsideration_body="", court="")
    assert render_letter(LetterKind.CORRECTION_REQUEST, facts(agency=agency)).text


def test_a_letter_cannot_predate_the_application() -> None:
    with pytest.raises(LetterError, match="早于收到申请的日期"):
        render_letter(LetterKind.GRANTED, facts(letter_date=date(2025, 3, 1)))


def test_the_consultation_letter_needs_its_third_party() -> None:
    with pytest.raises(MissingFacts, match="第三方"):
        render_letter(LetterKind.CONSULTATION, facts(third_party=""))


def test_reasons_on_several_lines_become_paragraphs_with_full_stops() -> None:
    letter = render_letter(
        LetterKind.DENIED_THIRD_PARTY_RIGHTS, facts(reasons="涉及个人隐私\n第三方不同意公开")
    )
    assert "理由如下：涉及个人隐私" in letter.paragraphs
    assert "第三方不同意公开。" in letter.paragraphs


def test_required_facts_cannot_be_blank() -> None:
    with pytest.raises(LetterError, match="申请人姓名或者名称不能为空"):
        facts(applicant=" \x00 ")
