"""Extraction: a plain-text or Markdown annual report → a `gongkai.report.Report`, with doubts.

    extraction = extract_file("报告.txt")
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
    extract_document,
    extract_file,
    extract_text,
)

__all__ = ["Extraction", "Stages", "extract_document", "extract_file", "extract_text"]
