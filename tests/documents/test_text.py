"""User text is cleaned before it reaches any document."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from gongkai.documents import Paragraph, clean
from gongkai.documents.text import lines


def test_control_characters_and_bidi_overrides_are_removed() -> None:
    assert clean("张\x00三\x07\x1b[31m\u202e") == "张三[31m"


def test_line_breaks_become_spaces_unless_multiline() -> None:
    assert clean("第一行\r\n第二行\t完") == "第一行 第二行 完"
    assert clean("第一行\r\n第二行", multiline=True) == "第一行\n第二行"
    assert lines("  一\n\n  二 \u2028三") == ["一", "二", "三"]


def test_markup_is_kept_as_text_here_and_escaped_by_the_writers() -> None:
    assert clean("<b>&</b>") == "<b>&</b>"


def test_blocks_clean_their_text() -> None:
    assert Paragraph("申请\x0b人").text == "申请人"


@given(st.text())
def test_clean_leaves_only_xml_safe_characters(text: str) -> None:
    out = clean(text, multiline=True)
    for ch in out:
        code = ord(ch)
        assert ch == "\n" or code >= 0x20, repr(ch)
        assert not 0x7F <= code <= 0x9F and not 0xD800 <= code <= 0xDFFF
        assert code not in (0xFFFE, 0xFFFF)
