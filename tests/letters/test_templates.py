"""Templates an administrator edits: `string.Template` only, unknown names refused with the list
of valid ones, the remedy appended unless placed, missing facts named."""

from __future__ import annotations

import pytest

from gongkai.letters import (
    DEFAULT_BODIES,
    PLACEHOLDERS,
    LetterKind,
    LetterTemplate,
    MissingFacts,
    TemplateError,
    check_template,
    default_template,
    render_letter,
)

from .personas import facts

EDITED = "经研究，${applicant}申请的“${information}”不予公开。"


def test_every_default_template_uses_known_placeholders_only() -> None:
    for kind in LetterKind:
        assert default_template(kind).placeholders() <= PLACEHOLDERS.keys()
        assert DEFAULT_BODIES[kind] == default_template(kind).body


def test_an_unknown_placeholder_is_refused_with_the_valid_names() -> None:
    with pytest.raises(TemplateError) as caught:
        render_letter(LetterKind.GRANTED, facts(), "您好 ${applicant_name}，${colour}")
    error = caught.value
    assert error.code == "letter_template"
    assert "未知的占位符：${applicant_name}、${colour}" in error.message
    assert "${applicant}（申请人姓名或者名称）" in error.message
    assert error.data["unknown"] == ["applicant_name", "colour"]
    assert set(error.data["valid"]) == PLACEHOLDERS.keys()


@pytest.mark.parametrize(
    "text",
    ["${facts.agency}", "${agency.__class__}", "${applicant!r}", "收费 $5 元", "${ applicant }"],
)
def test_no_attribute_access_nor_stray_dollars(text: str) -> None:
    with pytest.raises(TemplateError, match=r"「\$」用法不正确"):
        check_template(text)


def test_a_doubled_dollar_is_a_dollar_sign() -> None:
    letter = render_letter(LetterKind.GRANTED, facts(), "费用 $$0，${applicant}")
    assert letter.paragraphs[0] == "费用 $0，张三"


def test_the_remedy_is_appended_when_the_template_leaves_it_out() -> None:
    letter = render_letter(LetterKind.DENIED_STATE_SECRET, facts(), EDITED)
    assert (
        letter.paragraphs[0] == "经研究，张三申请的“2024年度城市公交线路调整的论证材料”不予公开。"
    )
    assert letter.paragraphs[-1].startswith("如对本告知书不服")
    assert len(letter.paragraphs) == 2


def test_the_remedy_stays_where_the_template_puts_it() -> None:
    letter = render_letter(LetterKind.DENIED_STATE_SECRET, facts(), f"${{remedy}}\n{EDITED}")
    assert letter.paragraphs[0].startswith("如对本告知书不服")
    assert sum("行政复议" in p for p in letter.paragraphs) == 1


def test_procedural_letters_get_no_remedy_unless_asked() -> None:
    assert not any("行政复议" in p for p in render_letter(LetterKind.EXTENSION, facts()).paragraphs)
    asked = render_letter(LetterKind.EXTENSION, facts(), "${remedy}")
    assert "行政复议" in asked.paragraphs[0]


def test_the_title_can_be_edited_too() -> None:
    template = LetterTemplate("${agency}政府信息公开申请答复书", EDITED)
    letter = render_letter(LetterKind.DENIED_STATE_SECRET, facts(), template)
    assert letter.title == "某某市交通运输局政府信息公开申请答复书"


def test_a_fact_the_template_needs_must_be_given() -> None:
    with pytest.raises(MissingFacts) as caught:
        render_letter(LetterKind.DENIED_STATE_SECRET, facts(reasons=""))
    assert caught.value.message == "「政府信息不予公开告知书」缺少以下内容：具体理由（${reasons}）"
    with pytest.raises(MissingFacts, match=r"信息处理费金额.*缴费期限"):
        render_letter(LetterKind.FEE_NOTICE, facts(fee=None, fee_days=None))


def test_a_placeholder_typed_by_an_applicant_stays_text() -> None:
    letter = render_letter(LetterKind.GRANTED, facts(applicant="${remedy} $$ $agency"), EDITED)
    assert letter.paragraphs[0].startswith("经研究，${remedy} $$ $agency申请的")
