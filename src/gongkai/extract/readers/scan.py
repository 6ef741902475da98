"""A scanned page → text: tables rebuilt from the page's ruling lines, one tab-separated line per
row (as the PDF reader writes them), and the words outside tables in reading order.

Words are placed by geometry: into the table cell that holds their centre; outside tables, into
lines by their height and, where a line has wide gaps (a table printed without rules), into
tab-separated cells at the gaps. A number OCR is unsure of is written with the doubt mark
(`ocr.mark`) as a cell of its own, so it becomes a doubt, never a value. A table cell with ink
in it but no word read is marked too: a number OCR missed must not read as a blank.

Image files (PNG, JPEG, TIFF) are read here as one page each (a multi-page TIFF page by page).
"""

from __future__ import annotations

import io
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from gongkai.errors import InputError
from gongkai.extract.readers import READERS, Limits, ReadDocument
from gongkai.extract.readers.ocr import (
    Word,
    available,
    cell_text,
    doubtful,
    engine,
    lines_of,
    mark,
    recognise,
)
from gongkai.extract.readers.ruling import Box, Grid, straighten, tables

if TYPE_CHECKING:
    from gongkai.extract.readers.ruling import Gray

_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")
_INK_PIXELS = 0.0008  # share of a cell's inside that is ink before an unread cell is doubted
_MAX_SIDE = 2000  # pixels: a larger page is scaled down before OCR (bounds its memory)
_FAINT_INK = 200  # a smudged or faint number is still ink (grain stays far above this)
_GAP = 1.5  # a gap this many line heights wide separates two cells of a rule-less table


@dataclass
class PageText:
    lines: list[tuple[str, bool]]  # (line, is a table row), top to bottom
    confidence: float  # the mean confidence of the words read
    doubts: int  # numbers marked doubtful
    words: int = 0
    notes: list[str] = field(default_factory=list)


def looks_like_image(data: bytes, name: str) -> bool:
    return data.startswith(_MAGIC)


def open_image(data: bytes, name: str, limits: Limits) -> Any:
    """The image, its size checked before any pixel is decoded (a decompression bomb)."""
    from PIL import Image, UnidentifiedImageError

    try:
        image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError:  # Pillow's own bound, far above ours
        raise InputError(f"{name} 图像过大（超过上限 {limits.max_image_pixels} 像素）") from None
    except (UnidentifiedImageError, OSError, ValueError) as exc:
        raise InputError(f"{name} 已损坏或不是有效的图像（{type(exc).__name__}）") from None
    width, height = image.size
    if width * height > limits.max_image_pixels:
        raise InputError(
            f"{name} 图像过大（{width}×{height} 像素，上限 {limits.max_image_pixels} 像素）"
        )
    try:  # a cut-off file: WeasyPrint tells Pillow to decode truncated images, so check here
        Image.open(io.BytesIO(data)).verify()
    except Exception as exc:  # Pillow raises SyntaxError, OSError, struct.error … here
        raise InputError(f"{name} 已损坏或不是有效的图像（{type(exc).__name__}）") from None
    return image


def read_image(data: bytes, name: str, limits: Limits) -> ReadDocument:
    if len(data) > limits.max_bytes:
        raise InputError(f"{name} 过大（{len(data)} 字节，上限 {limits.max_bytes} 字节）")
    from PIL import Image

    if not available():
        engine(name)  # says how to install OCR before any work
    started = time.monotonic()
    image = open_image(data, name, limits)
    try:
        frames = getattr(image, "n_frames", 1)
    except Exception as exc:  # Pillow counts a TIFF's frames by walking them
        raise InputError(f"{name} 已损坏或不是有效的图像（{type(exc).__name__}）") from None
    check_scan_pages(frames, name, limits)
    engine(name)  # made once per process, which takes seconds: not for a file refused at once
    pages: list[PageText] = []
    for number in range(frames):
        _in_time(name, number + 1, started, limits)
        try:
            image.seek(number)
            page = image.convert("L")
        except Image.DecompressionBombError:
            raise InputError(
                f"{name} 图像过大（超过上限 {limits.max_image_pixels} 像素）"
            ) from None
        except Exception as exc:  # Pillow raises OSError, ValueError, TypeError … for a bad frame
            raise InputError(f"{name} 已损坏或不是有效的图像（{type(exc).__name__}）") from None
        dpi = float((image.info.get("dpi") or (150, 150))[0]) or 150.0
        pages.append(read_page(page, dpi, name))
    text = "\n".join(line for page in pages for line, _ in page.lines)
    if not text.strip():
        raise InputError(f"{name} 中未识别出文字（OCR）")
    numbers = list(range(1, frames + 1))
    return ReadDocument(text + "\n", "scan", notes=notes(pages, numbers), ocr_pages=numbers)


def check_scan_pages(count: int, name: str, limits: Limits) -> None:
    """`InputError` when more pages than `Limits.max_scan_pages` would need OCR."""
    if count > limits.max_scan_pages:
        raise InputError(
            f"{name} 需要 OCR 识别的扫描页过多（{count} 页，上限 {limits.max_scan_pages} 页）"
        )


def _in_time(name: str, number: int, started: float, limits: Limits) -> None:
    if time.monotonic() - started > limits.max_seconds:
        raise InputError(f"{name} 读取超时（第 {number} 页，上限 {limits.max_seconds:g} 秒）")


def notes(pages: list[PageText], numbers: list[int]) -> list[str]:
    """What the result must say: which pages OCR read, with what confidence, what it doubted."""
    said = "、".join(str(n) for n in numbers)
    words = sum(p.words for p in pages)
    mean = sum(p.confidence * p.words for p in pages) / words if words else 0.0
    doubts = sum(p.doubts for p in pages)
    text = f"第 {said} 页为扫描件，由 OCR 识别（平均置信度 {mean:.2f}）"
    if doubts:
        text += f"；{doubts} 处数字识别不确定，已标出，未采用"
    return [text]


def read_page(image: Any, dpi: float, name: str) -> PageText:
    """One page image (PIL, mode L) → its lines."""
    import numpy as np
    from PIL import Image

    if max(image.size) > _MAX_SIDE:  # OCR's memory grows with the page: A4 at 170 dpi is enough
        scale = _MAX_SIDE / max(image.size)
        size = (round(image.width * scale), round(image.height * scale))
        image, dpi = image.resize(size, Image.Resampling.LANCZOS), dpi * scale
    page = straighten(image)
    gray: Gray = np.asarray(page, dtype=np.uint8)
    words = recognise(gray, name)
    grids = tables(gray, _text_height(words, dpi))
    items: list[tuple[float, float, list[tuple[str, bool]]]] = []
    doubts = 0
    used: set[int] = set()
    for grid in grids:
        rows, marked = _table_rows(grid, words, used, gray)
        doubts += marked
        top = min(c[1] for row in grid for c in row if c)
        items.append((top, 0.0, rows))
    rest = [w for i, w in enumerate(words) if i not in used]
    for line in lines_of(rest):
        text, marked = _text_line(line)
        doubts += marked
        items.append((min(w.top for w in line), line[0].x0, [(text, "\t" in text)]))
    items.sort(key=lambda item: (item[0], item[1]))
    mean = sum(w.score for w in words) / len(words) if words else 0.0
    lines = [line for _, _, group in items for line in group]
    return PageText(lines, mean, doubts, len(words))


def _text_height(words: list[Word], dpi: float) -> float:
    """The height of a Chinese character's box on this page (the median), or 12 pt at `dpi`."""
    heights = sorted(w.height for w in words if len(w.text) == 1 and w.text >= "\u4e00")
    if len(heights) < 5:
        return dpi * 12 / 72 * 1.4
    return heights[len(heights) // 2]


def _inside(word: Word, box: Box, pad: float = 2.0) -> bool:
    return box[0] - pad <= word.cx <= box[2] + pad and box[1] - pad <= word.cy <= box[3] + pad


def _table_rows(
    grid: Grid, words: list[Word], used: set[int], gray: Gray
) -> tuple[list[tuple[str, bool]], int]:
    rows: list[tuple[str, bool]] = []
    marked = 0
    for row in grid:
        cells: list[str] = []
        for box in row:
            if box is None:
                cells.append("")
                continue
            mine = [i for i, w in enumerate(words) if i not in used and _inside(w, box)]
            used.update(mine)
            inside = [words[i] for i in mine]
            crossed = any(w.x0 < box[0] - 3 or w.x1 > box[2] + 3 for w in inside)
            text, _ = cell_text(inside, crossed=crossed)
            if not text and _inked(gray, box):
                text = mark("", 0.0)
            marked += text.startswith(mark("", 0.0)[0])
            cells.append(text.replace("\t", " "))
        if any(cells):
            rows.append(("\t".join(cells), True))
    return rows, marked


def _inked(gray: Gray, box: Box) -> bool:
    """Ink inside the cell, its rules left out: something OCR did not read."""
    pad = 5
    x0, top, x1, bottom = (int(v) for v in box)
    inside = gray[top + pad : bottom - pad, x0 + pad : x1 - pad]
    if inside.size == 0:
        return False
    ink = inside < _FAINT_INK
    return float(ink.mean()) > _INK_PIXELS and int(ink.sum()) >= 12


def _text_line(line: list[Word]) -> tuple[str, int]:
    """A line outside tables: words with wide gaps become tab-separated cells, and a doubtful
    number always a cell of its own."""
    cells: list[list[Word]] = []
    for word in line:
        if cells:
            last = cells[-1][-1]
            wide = word.x0 - last.x1 > _GAP * max(word.height, last.height)
            if not wide and not doubtful(word.text, word.score) and not _is_doubt(cells[-1]):
                cells[-1].append(word)
                continue
        cells.append([word])
    texts = [cell_text(cell)[0] for cell in cells]
    marked = sum(t.startswith(mark("", 0.0)[0]) for t in texts)
    if len(texts) == 1 and not marked:
        return texts[0], 0
    return "\t".join(texts) + ("\t" if len(texts) == 1 else ""), marked


def _is_doubt(cell: list[Word]) -> bool:
    return len(cell) == 1 and doubtful(cell[0].text, cell[0].score)


READERS.append((looks_like_image, read_image))
