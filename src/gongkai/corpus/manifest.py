"""The manifest of a generated corpus: for every file, what it was made from and what reading it
must give. Written as `manifest.json` beside the files.

Outcomes: `exact` (every cell reads back as generated), `flagged` (damage the reader must notice:
each cell reads back as generated or is covered by a doubt), `fails` (the file cannot be read: an
`InputError` or `ExtractionError`). Injected errors (an arithmetic slip, a carry-over that does not
carry) leave the file readable: the cells read back exactly, and the checker must find `findings`.
"""

from __future__ import annotations

import enum
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

MANIFEST = "manifest.json"
SCHEMA = "gongkai.corpus-manifest/1"


class Outcome(enum.StrEnum):
    EXACT = "exact"
    FLAGGED = "flagged"
    FAILS = "fails"


class Injected(enum.StrEnum):
    """What was done to a report or its file on purpose."""

    # errors in the numbers: the file reads exactly, the checker finds them
    ARITHMETIC = "arithmetic"  # a total off by a few (R1–R4)
    CARRY_OVER = "carry_over"  # 上年结转 ≠ last year's 结转下年度 (R5), or R6/R7
    # damage to the file: the reader must notice
    TRUNCATED = "truncated"
    GARBAGE = "garbage"  # binary bytes, not a document
    EMPTY = "empty"
    DUPLICATE = "duplicate"  # the same bytes as another file, under another name
    LABEL_MANGLED = "label_mangled"
    DIGITS_MERGED = "digits_merged"  # two adjacent numbers printed as one run


@dataclass(frozen=True)
class Injection:
    kind: Injected
    detail: str = ""  # in Chinese: what exactly was done
    cells: tuple[str, ...] = ()  # interchange paths touched


@dataclass(frozen=True)
class ExpectedFinding:
    rule: str
    cells: tuple[str, ...]


@dataclass
class Entry:
    file: str  # relative to the corpus directory
    agency: str  # the agency's canonical name (its key in `Manifest.agencies`)
    printed_agency: str  # the name as this year's file prints it
    region: tuple[str, ...]
    year: int
    edition: str  # "2019" or "2021"
    format: str  # "txt" or "html"
    encoding: str  # "utf-8" or "gbk"
    values: dict[str, Any]  # the interchange dict the file was written from (as printed)
    outcome: Outcome = Outcome.EXACT
    injected: list[Injection] = field(default_factory=list)
    #: What `gongkai.check.check(report, previous=last year's)` finds on `values` (R1–R14).
    findings: list[ExpectedFinding] = field(default_factory=list)
    previous: str | None = None  # the file of the same agency's report of the year before
    duplicate_of: str | None = None
    #: Paragraph indexes (section → list) of prose copied from last year, and near-copied.
    copied: dict[str, list[int]] = field(default_factory=dict)
    near_copied: dict[str, list[int]] = field(default_factory=dict)
    published: str = ""  # the 发布时间 the page prints, 「2023-01-18」

    def has(self, kind: Injected) -> bool:
        return any(i.kind is kind for i in self.injected)


@dataclass(frozen=True)
class AgencyRecord:
    name: str  # canonical
    region: tuple[str, ...]  # province … deepest region
    level: str  # "province" … "township"
    kind: str  # "government", "office", "department", "township"
    variants: tuple[str, ...] = ()  # other spellings printed in some years


@dataclass
class Manifest:
    seed: int
    count: int
    years: tuple[int, ...]
    entries: list[Entry]
    agencies: list[AgencyRecord]
    _by_file: dict[str, Entry] | None = field(default=None, init=False, repr=False, compare=False)

    def entry(self, file: str) -> Entry:
        """The entry of `file`; KeyError when the corpus has no such file."""
        return self.by_file()[file]

    def by_file(self) -> dict[str, Entry]:
        """Entries by file name (built once; rebuilt if entries were added)."""
        if self._by_file is None or len(self._by_file) != len(self.entries):
            self._by_file = {e.file: e for e in self.entries}
        return self._by_file

    def previous(self, entry: Entry) -> Entry | None:
        """The same agency's entry of the year before, when the corpus has it."""
        return self.by_file().get(entry.previous) if entry.previous else None

    def to_dict(self) -> dict[str, Any]:
        return {**self._head(), "entries": [_entry_dict(e) for e in self.entries]}

    def _head(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "seed": self.seed,
            "count": self.count,
            "years": list(self.years),
            "agencies": [asdict(a) for a in self.agencies],
        }

    def write(self, directory: Path) -> Path:
        """`manifest.json`, written entry by entry (a 20,000-report manifest is ~150 MB)."""
        path = directory / MANIFEST
        dump = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
        with path.open("w", encoding="utf-8") as out:
            out.write(dump(self._head())[:-1] + ',"entries":[')
            for i, entry in enumerate(self.entries):
                out.write(("," if i else "") + dump(_entry_dict(entry)))
            out.write("]}")
        return path


def _entry_dict(entry: Entry) -> dict[str, Any]:
    """The entry as JSON-ready data, without copying the values (dataclasses.asdict deep-copies)."""
    return {
        "file": entry.file,
        "agency": entry.agency,
        "printed_agency": entry.printed_agency,
        "region": list(entry.region),
        "year": entry.year,
        "edition": entry.edition,
        "format": entry.format,
        "encoding": entry.encoding,
        "values": entry.values,
        "outcome": entry.outcome.value,
        "injected": [
            {"kind": i.kind.value, "detail": i.detail, "cells": list(i.cells)}
            for i in entry.injected
        ],
        "findings": [{"rule": f.rule, "cells": list(f.cells)} for f in entry.findings],
        "previous": entry.previous,
        "duplicate_of": entry.duplicate_of,
        "copied": entry.copied,
        "near_copied": entry.near_copied,
        "published": entry.published,
    }


def load_manifest(directory: Path) -> Manifest:
    """The manifest of the corpus in `directory` (values as the interchange dicts they were)."""
    from decimal import Decimal

    data = json.loads((directory / MANIFEST).read_text("utf-8"), parse_float=Decimal)
    entries = []
    for raw in data["entries"]:
        raw["region"] = tuple(raw["region"])
        raw["outcome"] = Outcome(raw["outcome"])
        raw["injected"] = [
            Injection(Injected(i["kind"]), i["detail"], tuple(i["cells"])) for i in raw["injected"]
        ]
        raw["findings"] = [ExpectedFinding(f["rule"], tuple(f["cells"])) for f in raw["findings"]]
        entries.append(Entry(**raw))
    agencies = [
        AgencyRecord(a["name"], tuple(a["region"]), a["level"], a["kind"], tuple(a["variants"]))
        for a in data["agencies"]
    ]
    return Manifest(data["seed"], data["count"], tuple(data["years"]), entries, agencies)
