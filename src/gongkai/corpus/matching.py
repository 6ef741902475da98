"""Linking a printed agency name to a known agency, conservatively.

    index = AgencyIndex(known)          # once per import
    index.match("西湖区政府办")          # Match, or None when there is none or more than one
    index.candidates("鼓楼区人民政府")    # every plausible agency, best first, to show a person

A name is linked only when exactly one known agency fits: its normalised name or an alias is the
same, or it names the same organ of the same deepest region with the upper regions left out
(「西湖区教育局」 for 「杭州市西湖区教育局」). Two agencies fitting equally (鼓楼区 in 南京 and in 福州)
is no match: the importer proposes the candidates instead of guessing. A merely similar organ
(「教育局」 vs 「教育体育局」: often a renamed office, sometimes not) is only ever a candidate.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from gongkai.corpus.names import AgencyName, normalise, parse_agency

#: A match below this score is never made automatically.
MATCH_THRESHOLD = 0.85


class How(enum.StrEnum):
    SAME_NAME = "same_name"
    ALIAS = "alias"
    UPPER_REGIONS_LEFT_OUT = "upper_regions_left_out"
    SIMILAR_ORGAN = "similar_organ"


@dataclass(frozen=True)
class KnownAgency:
    """An agency already on file: its key (the database id), name, other spellings, and its full
    region path when known (larger first), which may be longer than what the name prints."""

    key: str | int
    name: str
    aliases: tuple[str, ...] = ()
    region: tuple[str, ...] = ()


@dataclass(frozen=True)
class Match:
    agency: KnownAgency
    score: float  # 0…1
    how: How
    reason: str  # in Chinese, for the reviewer

    def to_dict(self) -> dict[str, object]:
        return {
            "key": self.agency.key,
            "name": self.agency.name,
            "score": round(self.score, 3),
            "how": self.how.value,
            "reason": self.reason,
        }


@dataclass
class _Entry:
    agency: KnownAgency
    parsed: AgencyName
    path: tuple[str, ...]  # the full region path: the known one, else the name's own
    names: set[str] = field(default_factory=set)


class AgencyIndex:
    """Known agencies indexed for matching thousands of names quickly."""

    def __init__(self, known: Iterable[KnownAgency] = ()) -> None:
        self._by_name: dict[str, list[tuple[_Entry, How]]] = defaultdict(list)
        self._by_place: dict[str, list[_Entry]] = defaultdict(list)
        for agency in known:
            self.add(agency)

    def add(self, agency: KnownAgency) -> None:
        """One more known agency (an import adds the agencies it creates as it goes)."""
        parsed = parse_agency(agency.name)
        entry = _Entry(agency, parsed, agency.region or parsed.region_path)
        self._by_name[parsed.normalised].append((entry, How.SAME_NAME))
        for alias in agency.aliases:
            self._by_name[normalise(alias)].append((entry, How.ALIAS))
        place = entry.path[-1] if entry.path else ""
        self._by_place[place].append(entry)

    def match(self, name: str) -> Match | None:
        """The one known agency `name` stands for; None when none fits or several fit."""
        found = self.candidates(name)
        if not found or found[0].score < MATCH_THRESHOLD:
            return None
        if len(found) > 1 and found[1].score >= found[0].score - 0.05:
            return None
        return found[0]

    def candidates(self, name: str, limit: int = 5) -> list[Match]:
        """Every known agency `name` may stand for, best first."""
        parsed = parse_agency(name)
        out: dict[str | int, Match] = {}
        for entry, how in self._by_name.get(parsed.normalised, ()):
            word = "名称" if how is How.SAME_NAME else "曾用名或别名"
            _keep(out, Match(entry.agency, 1.0, how, f"规范化后与已有机关的{word}相同"))
        if parsed.regions:
            for entry in self._by_place.get(parsed.region_path[-1], ()):
                _keep(out, *_by_region(parsed, entry))
        ranked = sorted(out.values(), key=lambda m: (-m.score, str(m.agency.key)))
        return ranked[:limit]


def _keep(out: dict[str | int, Match], *matches: Match) -> None:
    for m in matches:
        best = out.get(m.agency.key)
        if best is None or m.score > best.score:
            out[m.agency.key] = m


def _by_region(parsed: AgencyName, entry: _Entry) -> list[Match]:
    if not _within(parsed.region_path, entry.path):
        return []
    mine, theirs = parsed.organ, entry.parsed.organ
    left_out = [p for p in entry.path if p not in parsed.region_path]
    if mine == theirs:
        said = "、".join(left_out) if left_out else ""
        why = f"同一地区的同一机关，名称中省略了上级地区“{said}”" if said else "同一地区的同一机关"
        return [Match(entry.agency, 0.9, How.UPPER_REGIONS_LEFT_OUT, why)]
    if not mine or not theirs:
        return []
    ratio = SequenceMatcher(None, mine, theirs).ratio()
    if ratio < 0.5:
        return []
    why = f"同一地区，机关名称相近（“{mine}”与“{theirs}”），可能是更名，请人工确认"
    return [Match(entry.agency, round(0.4 + 0.4 * ratio, 3), How.SIMILAR_ORGAN, why)]


def _within(path: Sequence[str], full: Sequence[str]) -> bool:
    """`path` is `full` with some upper regions left out: a subsequence ending at the same place."""
    if not path or not full or path[-1] != full[-1]:
        return False
    it = iter(full)
    return all(any(p == q for q in it) for p in path)


def match(name: str, known: Sequence[KnownAgency] | AgencyIndex) -> Match | None:
    """The one known agency `name` stands for, or None (no fit, or ambiguous: see `candidates`)."""
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    return index.match(name)


def candidates(
    name: str, known: Sequence[KnownAgency] | AgencyIndex, limit: int = 5
) -> list[Match]:
    index = known if isinstance(known, AgencyIndex) else AgencyIndex(known)
    return index.candidates(name, limit)
