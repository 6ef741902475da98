"""Page metadata printed around a report on a government web site or by a crawler that saved it:
发布时间, 索引号, 信息来源, 文号, 发布机构, 栏目.

The lines that carry it are marked `META`; the values found go to `report.extra["metadata"]` as
`published_at`, `index_number`, `source`, `document_number`, `publisher` and `column` (the site's
section the page was in), only when the page gives a value.
"""

from __future__ import annotations

import re

from gongkai.extract.lines import Line, LineKind

_MAX = 160


def _spaced(word: str) -> str:
    return r"\s*".join(word)


_FIELDS = (
    ("published_at", ("发布时间", "发布日期", "成文日期")),
    ("index_number", ("索引号",)),
    ("source", ("信息来源", "来源")),
    ("document_number", ("发文字号", "文号")),
    ("publisher", ("发布机构", "发文机关", "发布单位")),
    ("column", ("所属栏目", "栏目")),
)
_NAME = {word: field for field, words in _FIELDS for word in words}
_LABEL = re.compile(
    "(" + "|".join(_spaced(w) for _, words in _FIELDS for w in words) + r")\s*[:：]?\s*"
)
_BULLET = re.compile(r"^[\s•·●◆■□*\-]*")


def read_metadata(lines: list[Line]) -> tuple[list[Line], dict[str, str]]:
    """The lines with metadata lines marked `META`, and the metadata found (first value wins)."""
    found: dict[str, str] = {}
    out: list[Line] = []
    for line in lines:
        fields = _fields(line)
        if fields is None:
            out.append(line)
            continue
        for name, value in fields:
            if value and name not in found:
                found[name] = value
        out.append(line._replace(kind=LineKind.META))
    return out, found


def _fields(line: Line) -> list[tuple[str, str]] | None:
    """The (field, value) pairs of a metadata line; None when the line is not one."""
    if line.kind is not LineKind.PLAIN or len(line.text) > _MAX:
        return None
    text = _BULLET.sub("", line.text.strip())
    first = _LABEL.match(text)
    if first is None:
        return None
    label = re.sub(r"\s", "", first.group(1))
    if label == "来源" and not re.match(r"来\s*源\s*[:：]", text):
        return None  # 「来源于……」 is prose
    marks = list(_LABEL.finditer(text))
    pairs = []
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        value = text[mark.end() : end].strip(" \t•·|｜:：")
        pairs.append((_NAME[re.sub(r"\s", "", mark.group(1))], value))
    return pairs
