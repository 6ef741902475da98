"""Readers: each kind of file → the text the extraction pipeline reads.

Every reader turns its format into plain text whose tables are tab-separated rows (one line per
table row), so sections, prose and the rule checks are the same for every format; a reader of a
format that carries table structure also hands over each table as a `grids.Grid` (cells with their
spans), from which the national tables are read by their headers and labels (`mapper`). A reader registers itself in `READERS` with a test on the file's first
bytes and name; the first reader whose test passes reads the file, and plain text (any encoding
`decode` knows) is the fallback. Text with markup inside it (a crawler's lines before a saved
page, `<table>` markup between Markdown lines: `fragments`) or that turns out to be markup has its
markup read by the web page reader: one reader per format.

Bad files end in an `InputError` with a Chinese message, within the bounds of `Limits`.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from gongkai.errors import InputError
from gongkai.extract.decode import decode
from gongkai.extract.grids import Grid


@dataclass(frozen=True)
class Limits:
    """Bounds against hostile or broken files; each is configurable.

    Memory stays bounded by them: a file is at most `max_bytes`; what a Word or Excel file (a
    zip) or a PDF's compressed streams inflate to, at most `max_unpacked_bytes` together (checked
    before any parser inflates them: see `ooxml`, `pdf_bounds`), and a Word or Excel file's XML,
    at most `max_xml_bytes` (python-docx builds a tree of it, some 17 bytes for each byte of XML:
    153 MB of XML took 2.7 GB and three minutes; counted as the parts actually inflate, never
    from the sizes the zip declares); a scanned page or image,
    at most `max_image_pixels` (checked before its pixels are decoded; a PDF page is rendered no
    larger), i.e. 50 MB of grey pixels; OCR then sees the page scaled to at most 2,000 pixels on
    its long side (`scan._MAX_SIDE`), which bounds the OCR engine's working memory. Measured peak
    of the whole process: 0.65 GB for a scanned A4 page at 150 dpi, 0.82 GB for a 20 M-pixel
    page, 0.76 GB for an 8-page scanned PDF (pages are read one at a time); a text PDF, 0.04 GB.
    So with the defaults, reading one file stays under about 1 GB. `max_seconds` is checked
    between pages and between a reader's stages; OCR takes seconds a page, so at most
    `max_scan_pages` are read by it (a TIFF of 299 frames would take minutes), checked before the
    first.
    """

    max_bytes: int = 50_000_000  # the file as handed in
    max_unpacked_bytes: int = 200_000_000  # what a DOCX (a zip) may expand to
    max_xml_bytes: int = 20_000_000  # its XML parts, which the parsers build trees or rows from
    max_pages: int = 300  # a PDF
    max_scan_pages: int = 20  # pages read by OCR (a scanned PDF's, an image's frames): seconds each
    max_seconds: float = 120.0  # wall time a reader may spend (checked between pages)
    max_image_pixels: int = 50_000_000  # a scanned page or image (A4 at 600 dpi is 35 M)


@dataclass
class ReadDocument:
    text: str
    kind: str  # "text", "html", "docx", "pdf", "scan", …
    encoding: str = ""
    notes: list[str] = field(default_factory=list)  # what the reader wants said (OCR pages …)
    ocr_pages: list[int] = field(default_factory=list)  # pages read by OCR (1-based)
    grids: list[Grid] = field(default_factory=list)  # its tables as laid out, in order


class Clock:
    """A reader's time limit: `check` between stages and pages raises once `max_seconds` pass."""

    def __init__(self, name: str, limits: Limits) -> None:
        self.name, self.limits, self.started = name, limits, time.monotonic()

    def check(self, where: str = "") -> None:
        if time.monotonic() - self.started > self.limits.max_seconds:
            at = f"{where}，" if where else ""
            raise InputError(f"{self.name} 读取超时（{at}上限 {self.limits.max_seconds:g} 秒）")


Test = Callable[[bytes, str], bool]
Reader = Callable[[bytes, str, Limits], ReadDocument]

#: (test, reader) pairs, tried in order. Format modules append themselves on import (see below).
READERS: list[tuple[Test, Reader]] = []


#: Block and table tags: text holding three or more of them in its first 20,000 characters is
#: markup. (`<br>` and `<span>` alone are not: Markdown tables carry `<br>` in their cells.)
_MARKUP = re.compile(r"<(?:html|body|table|tr|td|th|p|div)\b", re.IGNORECASE)


def read_document(data: bytes, name: str, limits: Limits = Limits()) -> ReadDocument:
    from gongkai.extract.readers.fragments import read_text_with_markup

    document = read_text_with_markup(data, name, limits)
    if document is not None:
        return document
    for test, reader in READERS:
        if test(data, name):
            return reader(data, name, limits)
    decoded = decode(data, name=name)
    if len(_MARKUP.findall(decoded.text[:20_000])) >= 3:
        from gongkai.extract.readers.html import read_html

        return read_html(data, name, limits)
    return ReadDocument(decoded.text, "text", decoded.encoding)


def _register_formats() -> None:
    """Import the format readers so they register; each lives in its own module."""
    import importlib
    import pkgutil

    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")


_register_formats()
