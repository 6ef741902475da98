"""Extraction: an annual report's file → a `gongkai.report.Report`, with doubts.

    extraction = extract(data, "报告.pdf")   # the one entry point: bytes and the file's name
    extraction = extract_file("报告.txt")    # …of a file on disk
    extraction = extract_text(text)          # …of text in hand
    extraction.report      # the Report: only cells read for certain
    extraction.doubts      # Findings (source="extraction"): what could not be read for certain
    extraction.debug_text()  # every stage: lines → located tables → cells → report

The stages live in their own modules: `decode`, `lines`, `chrome`, `metadata`, `sections`, `title`,
`stream`, `labels`, `locate`, `edition`, `values`, `digits`, `cells`, `constraints`, `tables`,
`assemble`; `pipeline` runs them in order.
"""

from gongkai.extract.pipeline import (
    Extraction,
    Stages,
    extract,
    extract_file,
    extract_text,
)

__all__ = ["Extraction", "Stages", "extract", "extract_file", "extract_text"]
