"""Read generated documents back as a person's tools would: python-docx for DOCX, poppler's
pdftotext and pypdf for PDF. Shared by the documents' and the letters' tests."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from pypdf import PdfReader

A4_POINTS = (595.28, 841.89)


def poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.fail(f"{tool} (poppler-utils) is missing: run scripts/system-packages.sh as root")
    return path


def pdf_text(pdf: bytes, *, layout: bool = False) -> str:
    """The text pdftotext reads from `pdf`."""
    args = [poppler("pdftotext"), *(["-layout"] if layout else []), "-enc", "UTF-8", "-", "-"]
    return subprocess.run(args, input=pdf, capture_output=True, check=True).stdout.decode()


def flat(text: str) -> str:
    """`text` without any white space, so that words wrapped over lines can be found."""
    return "".join(text.split())


PAGE_NUMBER = re.compile(r"^\s*—\s*\d+\s*—\s*$", re.MULTILINE)


def pdf_reading(pdf: bytes) -> str:
    """The text of `pdf` as one run: no page numbers, no white space (see `flat`)."""
    return flat(PAGE_NUMBER.sub("", pdf_text(pdf)))


def pdf_fonts(pdf: bytes) -> dict[str, bool]:
    """Every font's base name and whether its file is embedded, read with pypdf."""
    fonts: dict[str, bool] = {}
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources: Any = page["/Resources"].get_object()
        for ref in resources.get("/Font", {}).values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            described = descendants[0].get_object() if descendants else font
            descriptor = described.get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor else {}
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    return fonts


def pdf_page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    return [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]


def pdf_png(pdf: bytes, out: Path, *, resolution: int = 60) -> list[Path]:
    """The pages of `pdf` as PNG files under `out` (pdftoppm)."""
    out.mkdir(parents=True, exist_ok=True)
    source = out / "document.pdf"
    source.write_bytes(pdf)
    subprocess.run(
        [poppler("pdftoppm"), "-r", str(resolution), "-png", str(source), str(out / "page")],
        check=True,
    )
    return sorted(out.glob("page*.png"))


def docx_text(data: bytes) -> str:
    """The text of a DOCX: body paragraphs, table cells, footers."""
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        parts.extend(cell.text for row in table.rows for cell in row.cells)
    return "\n".join(parts)
