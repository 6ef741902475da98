"""Prose copied from last year's report: each paragraph of this year's sections 一, 五 and 六 marked
copied, near-copy or new.

Evaluators penalise a report that repeats last year's text with only the year and the numbers
changed (「照搬上年报告」). So two paragraphs count as the same (copied) when they are equal after
folding width, dropping whitespace and punctuation, and replacing every number and year by one
placeholder. A near-copy shares most of its character pairs (bigrams) with a paragraph of last
year: Jaccard similarity of the bigram sets at or above `NEAR_COPY` — cheap enough for 20,000
reports, and insensitive to a clause moved within the paragraph.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from gongkai.extract.title import _arabic_years

#: Bigram Jaccard similarity from which a paragraph counts as a near-copy.
NEAR_COPY = 0.5
#: Paragraphs shorter than this (after folding) are headings or 「无。」: never called copies.
SHORTEST = 12

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_CN_NUMBER = re.compile(r"[〇零一二三四五六七八九十百千万]+(?=[件个份条项次家人年月日])")
_DROP = re.compile(r"[\W_]+")


class Status(enum.StrEnum):
    COPIED = "copied"
    NEAR_COPY = "near_copy"
    NEW = "new"

    @property
    def label(self) -> str:
        return {"copied": "照搬上年", "near_copy": "与上年相近", "new": "新写"}[self.value]


@dataclass(frozen=True)
class ParagraphDiff:
    section: int
    index: int  # 0-based, within the section
    text: str
    status: Status
    similarity: float  # to the closest paragraph of last year, 0…1
    previous: tuple[int, int] | None  # (section, index) of that paragraph
    previous_text: str = ""

    def segments(self) -> list[tuple[str, str]]:
        """This paragraph against last year's closest one, as ("same" | "added" | "removed",
        text) pieces, for showing a near-copy's edits."""
        if not self.previous_text:
            return [("added", self.text)]
        out: list[tuple[str, str]] = []
        matcher = SequenceMatcher(None, self.previous_text, self.text, autojunk=False)
        for op, a0, a1, b0, b1 in matcher.get_opcodes():
            if op == "equal":
                out.append(("same", self.text[b0:b1]))
                continue
            if a1 > a0:
                out.append(("removed", self.previous_text[a0:a1]))
            if b1 > b0:
                out.append(("added", self.text[b0:b1]))
        return out

    def to_dict(self) -> dict[str, object]:
        out: dict[str, object] = {
            "section": self.section,
            "index": self.index,
            "text": self.text,
            "status": self.status.value,
            "similarity": round(self.similarity, 3),
            "previous": list(self.previous) if self.previous else None,
        }
        if self.status is Status.NEAR_COPY:
            out["segments"] = [{"kind": k, "text": t} for k, t in self.segments()]
        return out


@dataclass(frozen=True)
class SectionDiff:
    section: int
    paragraphs: tuple[ParagraphDiff, ...]

    @property
    def copied_share(self) -> float:
        """Share of the section's characters in paragraphs copied outright."""
        return _share(self.paragraphs, {Status.COPIED})

    @property
    def reused_share(self) -> float:
        """Share of the section's characters in copied or near-copied paragraphs."""
        return _share(self.paragraphs, {Status.COPIED, Status.NEAR_COPY})

    def to_dict(self) -> dict[str, object]:
        return {
            "section": self.section,
            "copied_share": round(self.copied_share, 3),
            "reused_share": round(self.reused_share, 3),
            "paragraphs": [p.to_dict() for p in self.paragraphs],
        }


@dataclass(frozen=True)
class ProseDiff:
    sections: tuple[SectionDiff, ...]

    @property
    def paragraphs(self) -> tuple[ParagraphDiff, ...]:
        return tuple(p for s in self.sections for p in s.paragraphs)

    @property
    def copied_share(self) -> float:
        return _share(self.paragraphs, {Status.COPIED})

    @property
    def reused_share(self) -> float:
        return _share(self.paragraphs, {Status.COPIED, Status.NEAR_COPY})

    def section(self, number: int) -> SectionDiff | None:
        return next((s for s in self.sections if s.section == number), None)

    def to_dict(self) -> dict[str, object]:
        return {
            "copied_share": round(self.copied_share, 3),
            "reused_share": round(self.reused_share, 3),
            "sections": [s.to_dict() for s in self.sections],
        }


def _share(paragraphs: tuple[ParagraphDiff, ...], statuses: set[Status]) -> float:
    total = sum(len(p.text) for p in paragraphs)
    hit = sum(len(p.text) for p in paragraphs if p.status in statuses)
    return hit / total if total else 0.0


def split_paragraphs(text: str) -> list[str]:
    """Paragraphs: non-empty lines, stripped (reports put one paragraph per line)."""
    return [line.strip() for line in text.splitlines() if line.strip()]


def fold(paragraph: str) -> str:
    """The form in which a copied paragraph equals its original: width folded, whitespace and
    punctuation dropped, every number and year one placeholder 「#」."""
    text = _arabic_years(unicodedata.normalize("NFKC", paragraph))
    text = _CN_NUMBER.sub("#", _NUMBER.sub("#", text))
    return _DROP.sub("", text)


def _bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def prose_diff(
    current_prose: Mapping[int, str],
    previous_prose: Mapping[int, str],
    *,
    threshold: float = NEAR_COPY,
) -> ProseDiff:
    """Each paragraph of this year's prose against every paragraph of last year's (a paragraph
    moved to another section is still a copy)."""
    before: list[tuple[tuple[int, int], str, frozenset[str]]] = []
    exact: dict[str, tuple[int, int]] = {}
    texts: dict[tuple[int, int], str] = {}
    for number in sorted(previous_prose):
        for i, paragraph in enumerate(split_paragraphs(previous_prose[number])):
            folded = fold(paragraph)
            if len(folded) < SHORTEST:
                continue
            exact.setdefault(folded, (number, i))
            texts[(number, i)] = paragraph
            before.append(((number, i), folded, _bigrams(folded)))
    sections = []
    for number in sorted(current_prose):
        out = []
        for i, paragraph in enumerate(split_paragraphs(current_prose[number])):
            found = _diff(number, i, paragraph, before, exact, threshold)
            if found.previous is not None and found.status is not Status.NEW:
                found = replace(found, previous_text=texts[found.previous])
            out.append(found)
        sections.append(SectionDiff(number, tuple(out)))
    return ProseDiff(tuple(sections))


def _diff(
    number: int,
    index: int,
    paragraph: str,
    before: list[tuple[tuple[int, int], str, frozenset[str]]],
    exact: dict[str, tuple[int, int]],
    threshold: float,
) -> ParagraphDiff:
    folded = fold(paragraph)
    if len(folded) < SHORTEST:
        return ParagraphDiff(number, index, paragraph, Status.NEW, 0.0, None)
    if folded in exact:
        return ParagraphDiff(number, index, paragraph, Status.COPIED, 1.0, exact[folded])
    grams = _bigrams(folded)
    best, where = 0.0, None
    for place, _, theirs in before:
        union = len(grams | theirs)
        similarity = len(grams & theirs) / union if union else 0.0
        if similarity > best:
            best, where = similarity, place
    status = Status.NEAR_COPY if best >= threshold else Status.NEW
    return ParagraphDiff(number, index, paragraph, status, best, where if best > 0 else None)
