"""Row labels of both editions, and how a run of label text is matched to one of them.

A row is found by its label, never by its position. The text just before a row's cells (the cells
of a label split over lines joined up) must *end* with the row's label, in `key` form. The number in
front of a label ("1."、"（七）") may be missing or differ, except for labels too short to stand
alone ("3.其他", "（七）总计"): those must carry their own number. Text before the label must be table
words (group labels, column headers): a sentence that happens to end in 规章 is not a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from gongkai.extract.normalize import NUMBERING, NUMBERING_AT_END, distance, key, numeral
from gongkai.report.editions import SECTION_HEADINGS, TABLES
from gongkai.report.grid import Edition, Section

_SHORT = 4  # a label core shorter than this needs its number ("其他", "总计")
_NEAR = 8  # a label core this long is still found with a typo in it
#: What may stand between table words: rules, bars, brackets, stray digits; not words or commas.
_NEUTRAL = re.compile(r"[—\-–―/|:*#()\[\]【】\d.]*")


@dataclass(frozen=True, slots=True)
class Label:
    row: str  # the row key
    text: str  # the printed label
    core: str  # `key` form without its numbering
    numeral: str  # the label's own number ("七", "3"), "" when it has none
    editions: frozenset[Edition]


class LabelIndex:
    """Every spelling of every row label of one table section, longest first."""

    def __init__(self, section: Section) -> None:
        found: dict[tuple[str, str, str], tuple[str, set[Edition]]] = {}
        for edition, tables in TABLES.items():
            for row in tables[section].rows:
                for text in (row.label, *row.variants):
                    k = key(text)
                    mark = NUMBERING.match(k)
                    core = k[mark.end() :] if mark else k
                    num = numeral(mark.group()) if mark else ""
                    for spelling in (core, *_reordered(core)):
                        entry = found.setdefault((row.key, spelling, num), (text, set()))
                        entry[1].add(edition)
        self.section = section
        self.labels = sorted(
            (Label(r, t, c, n, frozenset(e)) for (r, c, n), (t, e) in found.items()),
            key=lambda label: -len(label.core),
        )
        # By their last character, longest first: a chunk can only end with a label ending as it.
        self._by_last: dict[str, list[Label]] = {}
        for label in self.labels:
            self._by_last.setdefault(label.core[-1:], []).append(label)

    def match(self, chunk: str, last: str) -> Label | None:
        """The label `chunk` (joined label text, `key` form) ends with; `last` is the key of the
        final piece of text, the one the label must stand in."""
        chunk = chunk.rstrip(":")
        for label in self._by_last.get(chunk[-1:], ()):
            if not chunk.endswith(label.core):
                continue
            before = chunk[: len(chunk) - len(label.core)]
            mark = NUMBERING_AT_END.search(before)
            short = len(label.core) < _SHORT and label.numeral
            if short and (mark is None or numeral(mark.group()) != label.numeral):
                continue
            start = len(last) - len(label.core) - (len(mark.group()) if mark else 0)
            if start > 0 and not follows_table_text(last[:start]):
                continue
            return label
        return None

    def near(self, chunk: str, last: str) -> Label | None:
        """A long label `chunk` ends with but for a typo (a character lost, added or changed; two
        in the longest labels), when exactly one row's label is that near."""
        found: dict[str, tuple[int, Label]] = {}
        for label in self.labels:
            size = len(label.core)
            if size < _NEAR:
                continue
            allowed = 1 if size < 2 * _NEAR else 2
            window = chunk[-(size + allowed) :]
            # With at most `allowed` edits, one of `allowed + 1` pieces of the label is intact.
            step = size // (allowed + 1)
            pieces = (label.core[i * step : (i + 1) * step] for i in range(allowed + 1))
            if not any(piece in window for piece in pieces):
                continue
            for length in range(size - allowed, size + allowed + 1):
                tail = chunk[-length:]
                edits = distance(tail, label.core, allowed)
                if len(tail) < length or edits > allowed:
                    continue
                if length > len(last) or follows_table_text(last[: len(last) - length]):
                    best = found.get(label.row)
                    if best is None or best[0] > edits:
                        found[label.row] = (edits, label)
                    break  # else a longer tail may hold the whole label ("5.要求…的信息")
        if len(found) != 1:
            return None
        return next(iter(found.values()))[1]


def _reordered(core: str) -> tuple[str, ...]:
    """A label of two clauses with its clauses the other way round, as some reports print it:
    「行政机关不再处理其政府信息公开申请、申请人无正当理由逾期不补正」."""
    clauses = core.split("、")
    if len(clauses) != 2 or min(len(c) for c in clauses) < _SHORT:
        return ()
    return (f"{clauses[1]}、{clauses[0]}",)


@cache
def label_index(section: Section) -> LabelIndex:
    """The labels of `section`'s table, built once."""
    return LabelIndex(section)


def is_table_text(text: str, *, fragments: bool = False) -> bool:
    """Whether `text` (key form) is made of table words (group labels, headers, numbering) and
    punctuation; with `fragments`, a piece of a table word split over lines ("结果", "维持") is one."""
    rest = _vocabulary().sub("", text)
    if _NEUTRAL.fullmatch(rest):
        return True
    return fragments and len(rest) >= 2 and any(rest in word for word in _words())


def follows_table_text(text: str) -> bool:
    """Whether what stands before a label (`text`, key form) ends in table words that reach back
    to its start, to a section heading, or to the end of a sentence (a page run into one line)."""
    tail = _tail().search(text)
    head = text[: tail.start()] if tail else text
    return bool(_NEUTRAL.fullmatch(head)) or head.endswith(("。", *_headings()))


@cache
def _tail() -> re.Pattern[str]:
    return re.compile(f"(?:{_vocabulary().pattern})+$")


@cache
def _headings() -> tuple[str, ...]:
    return tuple(key(h) for variants in SECTION_HEADINGS.values() for h in variants)


@cache
def _words() -> tuple[str, ...]:
    """Every word a table prints, in key form, longest first."""
    words: set[str] = {"信息内容", "申请人情况", "法人或其他组织", "第二十条第"}
    for tables in TABLES.values():
        for table in tables.values():
            for row in table.rows:
                words.update(key(w) for w in (row.label, *row.variants, row.group) if w)
                words.update(key(c.label) for c in row.columns)
    words.add(key("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"))
    return tuple(sorted(words, key=len, reverse=True))


@cache
def _vocabulary() -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in _words())
    numbering = r"[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+\.|项|\(单位:[^)]*\)"
    return re.compile(f"{alternatives}|{numbering}")
