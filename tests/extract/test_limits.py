"""Bounds against bad files that the format tests do not cover: the time limit in the web page and
Word readers, a PDF whose compressed stream inflates to a GB (a flate bomb: pdfminer would inflate
it whole), and a PDF image declaring more pixels than the bound. Each ends in one clear error,
quickly and without the memory the file asks for."""

from __future__ import annotations

import time
import zlib
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits
from gongkai.report import Report, load

from ..conftest import gold
from . import merged


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


def _refused(path: Path, match: str, limits: Limits | None = None) -> None:
    started = time.process_time()
    with pytest.raises(InputError, match=match):
        extract_file(path, limits=limits)
    assert time.process_time() - started < 10


def test_the_time_limit_stops_a_web_page(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.html"
    path.write_text(merged.html(report), encoding="utf-8")
    assert extract_file(path).report.year == 2020  # read in time without the limit
    _refused(path, r"report\.html 读取超时（.*上限 0 秒）", Limits(max_seconds=0))


def test_the_time_limit_stops_a_word_file(tmp_path: Path, report: Report) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(merged.docx(report))
    assert extract_file(path).report.year == 2020
    _refused(path, r"report\.docx 读取超时（.*上限 0 秒）", Limits(max_seconds=0))


def _pdf(stream_dict: str, stream: bytes, *, image: bool = False) -> bytes:
    """A one-page PDF whose page draws one stream (its contents, or an image XObject)."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        + (
            b"/Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>"
            if image
            else b"/Contents 4 0 R >>"
        ),
        f"<< {stream_dict} /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream",
    ]
    if image:
        draw = b"q 100 0 0 100 0 0 cm /Im1 Do Q"
        objects.append(f"<< /Length {len(draw)} >>\nstream\n".encode() + draw + b"\nendstream")
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    )
    return bytes(out)


def _zeros_deflated(megabytes: int) -> bytes:
    deflater = zlib.compressobj(9)
    block = b"0" * (1 << 20)
    parts = [deflater.compress(block) for _ in range(megabytes)]
    return b"".join(parts) + deflater.flush()


def test_a_flate_bomb_pdf_is_refused_before_pdfminer_inflates_it(tmp_path: Path) -> None:
    bomb = _zeros_deflated(1024)  # 1 GB of page content in about 1 MB
    assert len(bomb) < 2_000_000
    path = tmp_path / "bomb.pdf"
    path.write_bytes(_pdf("/Filter /FlateDecode", bomb))
    _refused(path, r"bomb\.pdf 解压后过大，可能是恶意文件")


def test_the_inflation_bound_is_configurable(tmp_path: Path) -> None:
    text = b"BT /F1 12 Tf 72 720 Td (0) Tj ET\n" * 100_000  # 3.4 MB of page content
    path = tmp_path / "big.pdf"
    path.write_bytes(_pdf("/Filter /FlateDecode", zlib.compress(text)))
    _refused(path, r"big\.pdf 解压后过大", Limits(max_unpacked_bytes=1_000_000))


def test_a_pdf_image_declaring_too_many_pixels_is_refused(tmp_path: Path) -> None:
    header = "/Type /XObject /Subtype /Image /Width 100000 /Height 100000 /ColorSpace /DeviceGray"
    path = tmp_path / "huge-image.pdf"
    path.write_bytes(
        _pdf(
            f"{header} /BitsPerComponent 8 /Filter /FlateDecode",
            zlib.compress(b"\0" * 1000),
            image=True,
        )
    )
    _refused(path, r"huge-image\.pdf 中的图像过大（10000000000 像素，上限 \d+ 像素）")
