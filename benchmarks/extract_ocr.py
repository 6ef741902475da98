"""OCR extraction cost per page of a scan, against rapidocr's bare call on the same page images;
and, on the text PDF the scan was made from, extraction against pdfplumber's bare `extract_text`.

    python benchmarks/extract_ocr.py [--rounds 1] [SCAN.pdf ...]

Without scans, one is made as the tests make it: the 公文 PDF of seed 004's gold values rasterised
at 150 dpi by pdftoppm with mild noise, wrapped back into an image-only PDF (8 pages). Prints
seconds per page for pdftoppm's rasterisation of the text PDF (the cheapest look at a page), for
rapidocr's bare call on each page image (what OCR itself costs), and for the whole `extract_file`
of the scan (rendering, straightening, OCR, ruling lines, the pipeline), with the ratio whole /
bare OCR. Target: ≤ 10 s per page on this machine's 2 cores.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from gongkai.extract import extract_file

TARGET_SECONDS = 10.0
ROOT = Path(__file__).resolve().parents[1]


def fixtures(directory: Path) -> tuple[list[Path], Path]:
    """The scan (image-only PDF) and the text PDF it was made from."""
    sys.path.insert(0, str(ROOT))
    from tests.conftest import gold
    from tests.extract import scans
    from tests.extract.test_readers_pdf import _document

    from gongkai.documents import document_pdf
    from gongkai.report import load

    text_pdf = directory / "004.pdf"
    text_pdf.write_bytes(document_pdf(_document(load(gold("004")))))
    scan = directory / "004-scan.pdf"
    scan.write_bytes(scans.scan_of(text_pdf.read_bytes())[0])
    return [scan], text_pdf


def page_images(path: Path) -> list[object]:
    """The scan's pages as grey numpy arrays, rendered at 150 dpi."""
    import numpy as np
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(path.read_bytes())
    images = [
        np.asarray(page.render(scale=150 / 72, grayscale=True).to_pil().convert("L"))
        for page in document
    ]
    document.close()
    return images


def timed(fn: Callable[[], object], rounds: int) -> float:
    """Best of `rounds` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("scans", nargs="*", type=Path)
    args = parser.parse_args(argv)

    from gongkai.extract.readers.ocr import _engine

    with tempfile.TemporaryDirectory() as directory:
        source = None
        files = args.scans
        if not files:
            files, source = fixtures(Path(directory))
        images = [image for path in files for image in page_images(path)]
        pages = len(images)
        engine = _engine()
        engine(images[0])  # warm up: the models load once per process
        bare = timed(lambda: [engine(image) for image in images], args.rounds) / pages
        whole = timed(lambda: [extract_file(path) for path in files], args.rounds) / pages
        raster = text_ratio = None
        if source is not None:
            import pdfplumber

            def plumber() -> None:
                with pdfplumber.open(source) as pdf:
                    [page.extract_text() for page in pdf.pages]

            extract_file(source)  # warm up
            text_bare = timed(plumber, max(args.rounds, 3)) / pages
            text_ours = timed(lambda: extract_file(source), max(args.rounds, 3)) / pages
            text_ratio = (text_bare, text_ours)

            import subprocess

            def rasterise() -> None:
                out = os.path.join(directory, "r")
                subprocess.run(["pdftoppm", "-r", "150", "-png", str(source), out], check=True)

            raster = timed(rasterise, args.rounds) / pages
        extraction = extract_file(files[0])
        document = extraction.stages.document
    flagged = sum(d.rule == "ocr_low_confidence" for d in extraction.doubts)
    ratio = whole / bare
    print(f"scans:                        {len(files)}, {pages} pages, {os.cpu_count()} cores")
    if text_ratio is not None:
        text_bare, text_ours = text_ratio
        print(f"text PDF, pdfplumber bare:    {text_bare * 1000:10.1f} ms/page")
        print(f"text PDF, extract_file:       {text_ours * 1000:10.1f} ms/page")
        print(f"text PDF ratio ours / bare:   {text_ours / text_bare:10.2f}× (target ≤ 2)")
    if raster is not None:
        print(f"pdftoppm rasterise (150 dpi): {raster:10.2f} s/page")
    print(f"rapidocr bare call:           {bare:10.2f} s/page")
    print(f"extract_file (whole):         {whole:10.2f} s/page")
    print(f"ratio whole / bare OCR:       {ratio:10.2f}× the time")
    print(f"cells flagged (first scan):   {flagged}; {document.notes if document else ''}")
    met = whole <= TARGET_SECONDS
    print(f"target ≤ {TARGET_SECONDS:g} s/page:          {'met' if met else 'NOT MET'}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
