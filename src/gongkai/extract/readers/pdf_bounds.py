"""Memory bounds for a PDF, checked on its raw bytes before pdfminer or pdfium read it.

pdfminer inflates a Flate stream whole (`zlib.decompress`, no size limit) and keeps it while the
document is open, so a stream of a few MB of zeros can claim many GB. Every stream is therefore
inflated here first, in 1 MB steps that are counted and dropped:

- the streams pdfminer decodes (page contents, fonts, forms …) may inflate to at most
  `Limits.max_unpacked_bytes` together;
- an image stream is not decoded by pdfminer; only the OCR of a scan renders it (pdfium), so its
  declared /Width × /Height must stay within `Limits.max_image_pixels` and it may inflate to at
  most 4 bytes a pixel of that.

Streams that are encrypted or use other filters are not inflated here (zlib refuses them at once).
"""

from __future__ import annotations

import re
import zlib

from gongkai.errors import InputError
from gongkai.extract.readers import Limits

_STREAM = re.compile(rb"\bstream\r?\n")
_END = b"endstream"
_DICT_BEFORE = 4096  # bytes before "stream" searched for the stream's dictionary
_STEP = 1 << 20
_IMAGE = re.compile(rb"/Subtype\s*/Image\b")
_WIDTH = re.compile(rb"/Width\s+(\d{1,9})\b")
_HEIGHT = re.compile(rb"/Height\s+(\d{1,9})\b")


def check_streams(data: bytes, name: str, limits: Limits) -> None:
    """`InputError` when a stream would inflate past the bounds (see the module's doc)."""
    total = 0
    for found in _STREAM.finditer(data):
        start = found.end()
        end = data.find(_END, start)
        if end < 0:
            end = len(data)
        head = data[max(0, found.start() - _DICT_BEFORE) : found.start()]
        head = head[head.rfind(b"obj") + 3 :] if b"obj" in head else head
        if _IMAGE.search(head):
            pixels = _pixels(head)
            if pixels > limits.max_image_pixels:
                raise InputError(
                    f"{name} 中的图像过大（{pixels} 像素，上限 {limits.max_image_pixels} 像素）"
                )
            _inflated(data[start:end], 4 * limits.max_image_pixels, name)
        else:
            total += _inflated(data[start:end], limits.max_unpacked_bytes - total, name)


def _pixels(head: bytes) -> int:
    width, height = _WIDTH.search(head), _HEIGHT.search(head)
    if width is None or height is None:
        return 0
    return int(width.group(1)) * int(height.group(1))


def _inflated(stream: bytes, room: int, name: str) -> int:
    """The inflated size of a Flate stream (0 when it is not one), at most `room` bytes."""
    inflater = zlib.decompressobj()
    size = 0
    pending = stream
    try:
        while pending and not inflater.eof:
            size += len(inflater.decompress(pending, _STEP))
            pending = inflater.unconsumed_tail
            if size > room:
                raise InputError(f"{name} 解压后过大，可能是恶意文件（压缩流展开超过上限）")
    except zlib.error:
        return size  # not Flate data, or damaged: pdfminer says what it makes of it
    return size
