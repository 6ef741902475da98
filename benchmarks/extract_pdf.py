"""PDF extraction cost per page, against pdfplumber's bare `extract_text` on the same PDFs.

    python benchmarks/extract_pdf.py [--rounds 3] [PDF ...]

Without PDFs, two are written from the gold values of seed 004 as the tests write them (the
national tables with merged header cells; one with the requests table split by prose). Prints
seconds per page for the bare text layer, for our reader (tables by ruling lines, furniture
dropped) and for the whole `extract_file`, and the ratio whole / bare. Target: ≤ 1.5×.
"""

from __future__ import annotations

import argparse
import io
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pdfplumber

from gongkai.extract import extract_file
from gongkai.extract.readers import read_document

TARGET = 1.5
ROOT = Path(__file__).resolve().parents[1]


def fixtures(directory: Path) -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from tests.conftest import gold
    from tests.extract.test_readers_pdf import _document

    from gongkai.documents import document_pdf
    from gongkai.report import load

    report = load(gold("004"))
    out = []
    for prose in (0, 4):
        path = directory / f"004-{prose}.pdf"
        path.write_bytes(document_pdf(_document(report, prose_before_requests=prose)))
        out.append(path)
    return out


def bare(path: Path) -> object:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as pdf:
        return [page.extract_text() for page in pdf.pages]


def reader(path: Path) -> object:
    return read_document(path.read_bytes(), path.name)


def timed(fn: Callable[[Path], object], files: Sequence[Path], rounds: int) -> float:
    """Best of `rounds` wall-clock passes over `files`, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for path in files:
            fn(path)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("pdfs", nargs="*", type=Path)
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory() as directory:
        files = args.pdfs or fixtures(Path(directory))
        pages = 0
        for path in files:
            with pdfplumber.open(path) as pdf:
                pages += len(pdf.pages)
            extract_file(path)  # warm up: imports, caches
        base = timed(bare, files, args.rounds) / pages
        ours = timed(reader, files, args.rounds) / pages
        whole = timed(extract_file, files, args.rounds) / pages
    ratio = whole / base
    print(f"documents:                   {len(files)}, {pages} pages")
    print(f"pdfplumber extract_text:     {base * 1000:10.1f} ms/page")
    print(f"our reader (read_document):  {ours * 1000:10.1f} ms/page")
    print(f"extract_file (whole):        {whole * 1000:10.1f} ms/page")
    print(f"ratio whole / bare:          {ratio:10.2f}× the time")
    print(f"target ≤ {TARGET:g}×:                 {'met' if ratio <= TARGET else 'NOT MET'}")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
