"""A PDF's image-only pages (a scan) → their text by OCR: each page rendered with pypdfium2 at its
scan's own resolution (within 100–300 dpi) and read by `scan.read_page`."""

from __future__ import annotations

import time
from typing import Any

from gongkai.errors import InputError
from gongkai.extract.readers import Limits
from gongkai.extract.readers.scan import PageText, check_scan_pages, read_page

_DPI = (100.0, 300.0)
_DEFAULT_DPI = 150.0


def read_scanned(
    data: bytes, name: str, numbers: list[int], limits: Limits, started: float
) -> list[PageText]:
    """The text of the pages `numbers` (1-based), within the time and pixel limits."""
    import pypdfium2 as pdfium  # type: ignore[import-untyped]

    check_scan_pages(len(numbers), name, limits)
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise InputError(f"{name} 已损坏或不是有效的 PDF（{exc}）") from None
    out: list[PageText] = []
    try:
        for number in numbers:
            if time.monotonic() - started > limits.max_seconds:
                raise InputError(
                    f"{name} 读取超时（第 {number} 页，上限 {limits.max_seconds:g} 秒）"
                )
            page = document[number - 1]
            width, height = page.get_size()  # points
            dpi = _scan_dpi(page)
            pixels = width * height * (dpi / 72) ** 2
            if pixels > limits.max_image_pixels:  # a huge page: render smaller, never bigger
                dpi *= (limits.max_image_pixels / pixels) ** 0.5
            image = page.render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
            out.append(read_page(image, dpi, name))
            page.close()
    finally:
        document.close()
    return out


def _scan_dpi(page: Any) -> float:
    """The resolution of the page's largest image, within `_DPI`."""
    import pypdfium2.raw as raw  # type: ignore[import-untyped]

    best = _DEFAULT_DPI
    largest = 0.0
    for obj in page.get_objects(filter=(raw.FPDF_PAGEOBJ_IMAGE,), max_depth=2):
        left, _, right, _ = obj.get_bounds()
        pixel_width, _ = obj.get_px_size()
        if right - left > largest and right > left:
            largest = right - left
            best = pixel_width / ((right - left) / 72)
    return min(max(best, _DPI[0]), _DPI[1])
