"""`--debug`: every stage of one extraction, as text (lines → located tables → cells → report)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gongkai.extract.lines import LineKind
from gongkai.extract.stream import ItemKind
from gongkai.report.interchange import dumps

if TYPE_CHECKING:
    from gongkai.extract.pipeline import Extraction

_WIDTH = 72


def render(extraction: Extraction) -> str:
    stages = extraction.stages
    out: list[str] = [f"=== extraction of {extraction.source or '(text)'} ==="]
    if stages.document:
        d = stages.document
        how = f" as {d.encoding}" if d.encoding else ""
        out.append(f"--- read: a {d.kind} document{how}, {len(d.text)} characters")
        out.extend(f"    {note}" for note in d.notes)
    out.append(f"--- lines ({len(stages.lines)})")
    for line in stages.lines:
        if line.kind is LineKind.BLANK:
            continue
        shown = " | ".join(line.cells) if line.kind.is_row else line.text.strip()
        out.append(f"{line.number:5} {line.kind.value:9} {_cut(shown)}")
    out.append(f"--- metadata: {stages.metadata or '-'}")
    title = stages.title
    out.append(f"--- title: line {title.line}: {title.text!r} → {title.agency!r}, {title.year}")
    out.append("--- sections")
    for number, heading in sorted(stages.sections.headings.items()):
        out.append(f"  {number}: line {heading.line}: {heading.text}")
    out.append(f"--- items: {len(stages.items)}")
    out.append(f"--- grids ({len(stages.grids)}): each table as laid out, and how it was mapped")
    for number, mapping in enumerate(stages.grids, start=1):
        grid = mapping.grid
        out.append(f"  grid {number}: {grid.kind}, {grid.height}×{grid.width}")
        out.extend(f"    {_cut(row)}" for row in grid.render())
        out.extend(f"    → {note}" for note in mapping.notes)
    out.append("--- located tables")
    for section, table in stages.tables.items():
        out.append(
            f"  {section.value}: edition {table.edition.value} ({table.evidence}), "
            f"lines {table.lines[0]}–{table.lines[1]}, {len(table.hits)} row(s) found"
        )
        for hit in table.hits:
            cells = " ".join(_piece(p.kind, p.text) for p in hit.pieces)
            end = " [document ends]" if hit.at_end else ""
            out.append(f"    {hit.row or '*'} ← “{hit.label}” (line {hit.line}): {cells}{end}")
        if table.missing:
            out.append(f"    not found: {', '.join(r.key for r in table.missing)}")
        if table.foreign:
            out.append(f"    other edition: {', '.join(h.row for h in table.foreign)}")
    out.append("--- cells")
    for section, table in stages.tables.items():
        for reading in table.readings:
            name = "/".join(r.key for r in reading.rows)
            count = len(reading.candidates)
            notes = "; ".join(reading.notes)
            head = f"  {section.value}.{name}: {count} reading(s)" + (
                f" ({notes})" if notes else ""
            )
            out.append(head)
            for values in reading.candidates[:3]:
                out.append(f"      {list(values)}")
            if count > 3:
                out.append(f"      … {count - 3} more")
            if count != 1:
                out.append(f"      → ambiguous: {reading.reason}")
    out.append("--- doubts")
    out.extend(f"  [{d.level.value}] {d.rule}: {d.message}" for d in extraction.doubts)
    out.append("--- report")
    out.append(dumps(extraction.report))
    return "\n".join(out)


def _piece(kind: ItemKind, text: str) -> str:
    if kind is ItemKind.BLANK:
        return "□"
    if kind is ItemKind.RUN:
        return f"⟨{text}⟩"
    if kind is ItemKind.TEXT:
        return f"«{text}»"
    return text


def _cut(text: str) -> str:
    return text if len(text) <= _WIDTH else text[: _WIDTH - 1] + "…"
