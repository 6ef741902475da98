"""Hostile images: OCR takes seconds a page, so the pages read by it are bounded (a TIFF of 299
frames took 122 s), and a frame Pillow cannot set up is a Chinese error, not a crash."""

from __future__ import annotations

import io
import struct
import time
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits


def _tiff(frames: int) -> bytearray:
    from PIL import Image

    page = Image.new("L", (40, 20), 255)
    out = io.BytesIO()
    page.save(out, "TIFF", save_all=True, append_images=[page] * (frames - 1))
    return bytearray(out.getvalue())


def test_a_tiff_of_299_frames_is_refused_before_any_ocr(tmp_path: Path) -> None:
    path = tmp_path / "frames.tiff"
    path.write_bytes(_tiff(299))
    started = time.process_time()
    with pytest.raises(
        InputError, match=r"frames\.tiff 需要 OCR 识别的扫描页过多（299 页，上限 20 页）"
    ):
        extract_file(path)
    assert time.process_time() - started < 10


def test_the_scan_page_bound_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "two.tiff"
    path.write_bytes(_tiff(2))
    with pytest.raises(InputError, match=r"扫描页过多（2 页，上限 1 页）"):
        extract_file(path, limits=Limits(max_scan_pages=1))


def test_a_frame_without_dimensions_is_a_chinese_error(tmp_path: Path) -> None:
    """Pillow raises TypeError("Missing dimensions") on seeking to such a frame."""
    data = _tiff(2)
    offset = struct.unpack("<I", data[4:8])[0]
    count = struct.unpack("<H", data[offset : offset + 2])[0]
    second = struct.unpack("<I", data[offset + 2 + 12 * count : offset + 6 + 12 * count])[0]
    for i in range(struct.unpack("<H", data[second : second + 2])[0]):
        at = second + 2 + 12 * i
        if struct.unpack("<H", data[at : at + 2])[0] == 256:  # ImageWidth: renamed away
            data[at : at + 2] = struct.pack("<H", 65000)
    path = tmp_path / "broken.tiff"
    path.write_bytes(bytes(data))
    with pytest.raises(InputError, match=r"broken\.tiff 已损坏或不是有效的图像（TypeError）"):
        extract_file(path)
