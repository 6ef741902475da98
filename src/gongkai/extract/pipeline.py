"""The extraction pipeline: bytes → text and grids (by the reader of the file's format) → lines →
sections → items → tables (rows from the grids by `mapper`, the rest found in the text) → cells →
Report.

`extract` is the one entry point, for every caller (the CLI's extract and check, the oversight
import and upload, corpus verify, the benchmarks): a file's bytes and name → the extraction with
every safeguard (the limits, the reader's doubts, the OCR sum checks). `extract_file` and
`extract_text` only hand it the bytes of a path or of text in hand.

Each stage is a small pure function; every intermediate is kept in `Stages`, so `--debug` can show
what each stage saw.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from gongkai.check.finding import Finding
from gongkai.errors import ExtractionError, InputError
from gongkai.extract import assemble, doubts, ocr_check
from gongkai.extract.chrome import mark_chrome
from gongkai.extract.edition import is_legacy
from gongkai.extract.grids import Grid, markdown_grids, place
from gongkai.extract.lines import Line, LineKind, split_lines
from gongkai.extract.mapper import GridMapping, map_grids
from gongkai.extract.metadata import read_metadata
from gongkai.extract.readers import Limits, ReadDocument, read_document
from gongkai.extract.sections import Sections, find_sections, prose
from gongkai.extract.stream import Item, build
from gongkai.extract.tables import Ending, LocatedTable, locate_tables
from gongkai.extract.title import (
    Title,
    agency_from_metadata,
    find_title,
    year_from_prose,
    year_from_published,
)
from gongkai.report.document import Report
from gongkai.report.editions import PROSE_SECTIONS
from gongkai.report.grid import Edition, Section


@dataclass
class Stages:
    """What each stage produced, in order."""

    lines: list[Line]
    metadata: dict[str, str]
    sections: Sections
    title: Title
    items: list[Item]
    tables: dict[Section, LocatedTable]
    document: ReadDocument | None = None
    grids: list[GridMapping] = field(default_factory=list)  # each grid, and how it was mapped


@dataclass
class Extraction:
    report: Report
    doubts: list[Finding]
    stages: Stages
    source: str = ""

    def debug_text(self) -> str:
        from gongkai.extract.debug import render

        return render(self)


def extract(data: bytes, name: str, *, limits: Limits | None = None) -> Extraction:
    """The extraction of a document's bytes (`name`: its file name, which helps tell its format):
    read by its format's reader within `limits`, then extracted; for a scan the OCR's doubts
    (which pages OCR read) and its cells held to the sums (`ocr_check`). `InputError` when the
    file cannot be read, `ExtractionError` when it holds no report."""
    limits = limits or Limits()
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    return extract_document(read_document(data, name, limits), source=name)


def extract_file(path: str | Path, *, limits: Limits | None = None) -> Extraction:
    """`extract` on a file on disk; `InputError` when it cannot be read."""
    limits = limits or Limits()
    max_bytes = limits.max_bytes
    p = Path(path)
    try:
        size = p.stat().st_size
        if p.is_dir():
            raise InputError(f"{p} 是目录，不是文件")
        if size > max_bytes:
            raise InputError(f"{p.name} 过大（{size} 字节，上限 {max_bytes} 字节）")
        data = p.read_bytes()
    except FileNotFoundError:
        raise InputError(f"找不到文件 {p}") from None
    except OSError as exc:
        raise InputError(f"无法读取文件 {p}：{exc.strerror or exc}") from None
    return extract(data, p.name, limits=limits)


def extract_text(text: str, *, source: str = "", name: str = "报告.txt") -> Extraction:
    """`extract` on text in hand (its UTF-8 bytes, read as the file `name`): a saved web page is
    read by the web page reader, as from a file."""
    return extract_document(read_document(text.encode("utf-8"), name), source=source)


def extract_document(document: ReadDocument, *, source: str = "") -> Extraction:
    """Extract what a reader read: the text's report, and for a scan the OCR's doubts (which
    pages OCR read; cells whose sums fail, taken out). Callers outside `extract` use `extract`."""
    extraction = _extract_lines(document.text, source=source, grids=document.grids)
    extraction.stages.document = document
    if document.ocr_pages:  # a number OCR misread must not stand: hold the cells to the sums
        extraction.doubts[:0] = [doubts.ocr_read(note) for note in document.notes]
        extraction.doubts += ocr_check.inconsistent(extraction.report)
        extraction.report.extra["ocr_pages"] = list(document.ocr_pages)
    if document.notes:
        extraction.report.extra["reader_notes"] = list(document.notes)
    return extraction


def _extract_lines(text: str, *, source: str = "", grids: Sequence[Grid] = ()) -> Extraction:
    """Extract the report a reader's text holds; `ExtractionError` when it holds none. `grids`:
    the tables a structured reader read from its file (see `grids`); Markdown pipe tables in the
    text are grids too."""
    lines, metadata = read_metadata(mark_chrome(split_lines(text)))
    sections = find_sections(lines)
    first_heading = min((h.line for h in sections.headings.values()), default=None)
    title = find_title(lines, first_heading)
    texts = prose(lines, sections)
    year = (
        title.year
        or year_from_prose(texts.get(1, ""))
        or year_from_published(metadata.get("published_at"))
    )
    items = build(lines, [sections.span(s.number) for s in Section])
    placed = sorted([*place(grids, lines), *markdown_grids(lines)], key=lambda g: max(g.lines))
    from_grids, mappings = map_grids(placed, sections, lines)
    tables = locate_tables(items, sections, year, _ending(lines, text), from_grids)
    if title.text is None and not sections.headings and not tables:
        where = f"{source} 中" if source else ""
        raise ExtractionError(f"{where}未找到政府信息公开工作年度报告的标题、章节或表格")

    agency = title.agency or agency_from_metadata(metadata)
    report = Report(agency=agency, year=year, prose=texts)
    mixed = assemble.decide_edition(report, tables, year)
    cells = assemble.fill_tables(report, tables)
    if is_legacy(text, year, next(report.cells(), None) is not None):
        # A pre-2019 report: its own statistics table is no national table, so nothing read from
        # it stands as a national cell, and nothing feeds the cross-year rules (R5–R7).
        tables, mixed, cells = {}, [], []
        report = Report(agency=report.agency, year=year, prose=texts, edition=Edition.LEGACY)
    report.sections, found = assemble.section_doubts(sections, tables, report.edition)
    found += mixed + cells
    found += [
        doubts.section_empty(n)
        for n in PROSE_SECTIONS
        if n in sections.headings and not texts.get(n, "").strip()
    ]
    if source:
        report.extra["source"] = source
    if metadata:
        report.extra["metadata"] = metadata
    stages = Stages(lines, metadata, sections, title, items, tables, grids=mappings)
    return Extraction(report, found, stages, source)


def _ending(lines: list[Line], text: str) -> Ending | None:
    """The document's last line with content, where its text may stop inside a table row; None
    when that line is a markdown row closed by "|" (its last cell is whole)."""
    last = next((line for line in reversed(lines) if line.kind.is_content), None)
    if last is None:
        return None
    if last.kind is LineKind.MARKDOWN and last.text.rstrip().endswith("|"):
        return None
    return Ending(last.number, text.rstrip(" ")[-1:] not in ("\n", "\r", "\f"))
