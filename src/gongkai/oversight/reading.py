"""The pure step of an import, run in worker processes: one file's bytes → hash → extraction →
checker → a plain, picklable `Outcome`. No Django here: workers never touch the database.

The extraction is `gongkai.extract.extract`, the one the CLI runs: a scan imported here is held to
the same OCR sum checks, with the same doubts, as `gongkai extract` gives it."""

from __future__ import annotations

import hashlib
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from gongkai.check import check
from gongkai.errors import GongkaiError, InputError
from gongkai.extract import extract
from gongkai.extract.readers import Limits
from gongkai.extract.tables import LocatedTable
from gongkai.report import interchange

#: The source text kept for review is cut at this many characters.
MAX_KEPT_TEXT = 400_000


@dataclass(frozen=True)
class Item:
    """One file to import: a path on disk, or a member of a ZIP archive (`archive` set)."""

    name: str  # shown to people: the path relative to the imported directory or archive
    path: str
    archive: str = ""
    size: int = 0


@dataclass
class Outcome:
    name: str
    sha256: str
    ok: bool
    reason: str = ""  # why it failed, in Chinese
    format: str = ""
    report: dict[str, Any] = field(default_factory=dict)  # interchange.to_dict
    findings: list[dict[str, Any]] = field(default_factory=list)
    doubts: list[dict[str, Any]] = field(default_factory=list)
    text: str = ""
    stages: dict[str, Any] = field(default_factory=dict)


def read_bytes(item: Item, limits: Limits | None = None) -> bytes:
    """The item's bytes, at most `limits.max_bytes`; InputError (Chinese) otherwise."""
    limits = limits or Limits()
    try:
        if item.archive:
            with zipfile.ZipFile(item.archive) as archive, archive.open(item.path) as member:
                data = member.read(limits.max_bytes + 1)
        else:
            with open(item.path, "rb") as handle:
                data = handle.read(limits.max_bytes + 1)
    except (OSError, zipfile.BadZipFile, KeyError) as exc:
        raise InputError(f"无法读取：{exc}") from None
    if len(data) > limits.max_bytes:
        raise InputError(f"文件过大（上限 {limits.max_bytes} 字节）")
    return data


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def process(item: Item) -> Outcome:
    """Read, extract and check one file. Never raises for a bad file: the reason is returned."""
    sha = ""
    try:
        data = read_bytes(item)
        sha = digest(data)
        if not data.strip():
            return Outcome(item.name, sha, ok=False, reason="文件为空")
        if item.name.lower().endswith(".json"):
            return _interchange(item, sha, data)
        extraction = extract(data, Path(item.name).name, limits=Limits())
        document = extraction.stages.document
        assert document is not None  # `extract` keeps what the reader read
        report = extraction.report
        if report.year is None:
            return Outcome(
                item.name, sha, ok=False, reason="无法确定报告年度", format=document.kind
            )
        findings = check(report)
        stages = extraction.stages
        return Outcome(
            item.name,
            sha,
            ok=True,
            format=document.kind,
            report=interchange.to_dict(report),
            findings=[f.as_dict() for f in findings],
            doubts=[d.as_dict() for d in extraction.doubts],
            text=document.text[:MAX_KEPT_TEXT],  # the lines the stages number
            stages={
                "metadata": stages.metadata,
                "title": stages.title.text,
                "tables": {s.value: _span(t) for s, t in stages.tables.items()},
                "rows": {
                    f"{s.value}.{hit.row}": hit.line
                    for s, t in stages.tables.items()
                    for hit in t.hits
                    if hit.row
                },
                "notes": list(document.notes),
            },
        )
    except GongkaiError as exc:
        return Outcome(item.name, sha, ok=False, reason=exc.message)
    except RecursionError:
        return Outcome(item.name, sha, ok=False, reason="文件结构嵌套过深，无法读取")
    except MemoryError:  # the import process's address space is bounded (oversight.workers)
        return Outcome(item.name, sha, ok=False, reason="读取此文件所需内存超过上限，无法读取")
    except Exception as exc:  # a defect in a reader must not stop a batch of thousands
        return Outcome(
            item.name,
            sha,
            ok=False,
            reason=f"内部错误（这是 gongkai 的缺陷，请报告）：{type(exc).__name__}: {exc}",
        )


def _interchange(item: Item, sha: str, data: bytes) -> Outcome:
    """A report already in the gongkai JSON format: nothing to extract, only to check."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return Outcome(item.name, sha, ok=False, reason="JSON 文件不是 UTF-8 编码")
    report = interchange.loads(text, source=Path(item.name).name)
    if report.year is None:
        return Outcome(item.name, sha, ok=False, reason="无法确定报告年度", format="json")
    return Outcome(
        item.name,
        sha,
        ok=True,
        format="json",
        report=interchange.to_dict(report),
        findings=[f.as_dict() for f in check(report)],
        text=text[:MAX_KEPT_TEXT],
    )


def _span(table: LocatedTable) -> list[int]:
    """The first and last source line searched for a table (1-based), for highlighting."""
    return [int(table.lines[0]), int(table.lines[1])]
