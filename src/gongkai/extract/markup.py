"""A saved web page → plain text whose tables are tab-separated rows.

Reports are often saved straight from a government site. Each table row becomes one line, each
cell one tab-separated field (its own line breaks folded away), block elements become line
breaks, other tags disappear and entities are decoded. Text that is not HTML is left alone.
"""

from __future__ import annotations

import html
import re

_TAGS = re.compile(r"<(?:html|body|table|tr|td|th|p|div|br|span)\b", re.IGNORECASE)
_HIDDEN = re.compile(r"<(script|style|head|title)\b.*?</\1\s*>|<!--.*?-->", re.IGNORECASE | re.S)
_CELL = re.compile(r"<t([dh])\b[^>]*>(.*?)(?=<t[dh]\b|</tr\s*>|<tr\b|</table\s*>)", re.I | re.S)
_BREAK = re.compile(
    r"<br\s*/?>|</?(?:p|div|h[1-6]|li|ul|ol|tr|table|caption|section)\b[^>]*>", re.I
)
_TAG = re.compile(r"<[^>]*>")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")


def looks_like_html(text: str) -> bool:
    return len(_TAGS.findall(text[:20_000])) >= 3


def to_text(text: str) -> str:
    """The text of an HTML page, tables as tab-separated rows; other text unchanged."""
    if not looks_like_html(text):
        return text
    text = _HIDDEN.sub("", text)
    text = _CELL.sub(_cell, text)
    text = _BREAK.sub("\n", text)
    text = _TAG.sub("", text)
    return html.unescape(text)


def _cell(found: re.Match[str]) -> str:
    """A table cell as one tab-led field: its own tags and line breaks removed."""
    inner = html.unescape(_TAG.sub("", found.group(2)))
    return "\t" + _SPACE.sub(" ", inner).strip().replace("\t", " ")
