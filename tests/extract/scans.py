"""Scans made from known values: a 公文 PDF of the gold values rasterised at 150 dpi by pdftoppm,
each page given mild noise as a flatbed scanner would (a slight turn, grain, JPEG softening),
then wrapped back into a PDF of images only; and single pages as PNG."""

from __future__ import annotations

import copy
import io
import subprocess
import tempfile
from pathlib import Path

from gongkai.report import Report

DPI = 150


def rasterise(
    pdf: bytes, *, dpi: int = DPI, first: int = 1, last: int | None = None
) -> list[bytes]:
    """The PDF's pages as PNG images, by pdftoppm."""
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "in.pdf"
        source.write_bytes(pdf)
        pages = ["-f", str(first)] + (["-l", str(last)] if last else [])
        subprocess.run(
            ["pdftoppm", "-r", str(dpi), "-gray", "-png", *pages, str(source), f"{tmp}/page"],
            check=True,
            timeout=120,
        )
        return [p.read_bytes() for p in sorted(Path(tmp).glob("page-*.png"))]


def scanned(png: bytes, *, seed: int, angle: float = 0.4) -> bytes:
    """One page as a scanner gives it: turned by `angle` degrees, grain, softened by JPEG."""
    import numpy as np
    from PIL import Image, ImageFilter

    rng = np.random.default_rng(seed)
    page = Image.open(io.BytesIO(png)).convert("L")
    page = page.rotate(angle, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    page = page.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(page, dtype=np.float64) + rng.normal(0, 12, (page.height, page.width))
    page = Image.fromarray(np.clip(pixels, 0, 255).astype(np.uint8))
    softened = io.BytesIO()
    page.save(softened, "JPEG", quality=70)
    out = io.BytesIO()
    Image.open(softened).save(out, "PNG", dpi=(DPI, DPI))
    return out.getvalue()


def image_pdf(pages: list[bytes]) -> bytes:
    """Page images as a PDF with no text layer."""
    from PIL import Image

    images = [Image.open(io.BytesIO(p)).convert("L") for p in pages]
    out = io.BytesIO()
    images[0].save(out, "PDF", resolution=DPI, save_all=True, append_images=images[1:])
    return out.getvalue()


def scan_of(pdf: bytes, *, angle: float = 0.4) -> tuple[bytes, list[bytes]]:
    """The PDF scanned: the image-only PDF and its page images."""
    pages = [
        scanned(page, seed=n, angle=angle if n % 2 else -angle)
        for n, page in enumerate(rasterise(pdf))
    ]
    return image_pdf(pages), pages


def misread_total_scan(report: Report) -> bytes:
    """A scanned page (an image-only PDF) with the numbers OCR gives when it misreads a total: the
    report's title and the start of section 三 (its header and first two rows), with 本年新收 总计
    printed with its digits swapped (52 → 25), so the row's parts no longer add up to it."""
    from gongkai.documents import Document, Heading, document_pdf

    from . import merged
    from .test_readers_pdf import _table

    wrong = copy.deepcopy(report)
    total = wrong.requests["new_received"]["total"]
    wrong.requests["new_received"]["total"] = int(str(total)[::-1])
    title, *blocks = merged.blocks(wrong)
    assert isinstance(title, str)
    start = blocks.index("三、收到和处理政府信息公开申请情况")
    requests = blocks[start + 1]
    assert not isinstance(requests, str)
    document = Document(title, (Heading(blocks[start]), _table(requests[: 3 + 2], 3)))
    return scan_of(document_pdf(document))[0]
