"""Hostile PDFs: every filter chain is bounded before pdfminer decodes it (a double Flate, a Flate
hidden behind ASCIIHex, LZW, RunLength, ASCII85, a stream keyword ended by a lone CR, an escaped
filter name, a filter array out of sight), each refused quickly with one Chinese line."""

from __future__ import annotations

import base64
import io
import time
import zlib
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits
from gongkai.extract.readers.pdf_bounds import check_streams

from .test_limits import _pdf, _zeros_deflated

TOO_LARGE = r"bomb\.pdf 解压后过大，可能是恶意文件"


def _refused(tmp_path: Path, data: bytes, match: str = TOO_LARGE) -> None:
    path = tmp_path / "bomb.pdf"
    path.write_bytes(data)
    started = time.process_time()
    with pytest.raises(InputError, match=match):
        extract_file(path)
    assert time.process_time() - started < 20


@pytest.fixture(scope="module")
def gigabyte() -> bytes:
    """1 GB of zeros, deflated to about 1 MB."""
    return _zeros_deflated(1024)


def test_a_double_flate_bomb_is_refused(tmp_path: Path, gigabyte: bytes) -> None:
    twice = zlib.compress(gigabyte, 9)
    assert len(twice) < 100_000
    _refused(tmp_path, _pdf("/Filter [/FlateDecode /FlateDecode]", twice))


def test_a_stream_keyword_ended_by_a_lone_cr_is_checked(tmp_path: Path, gigabyte: bytes) -> None:
    data = _pdf("/Filter /FlateDecode", gigabyte)
    _refused(tmp_path, data.replace(b"stream\n", b"stream\r", 1))


def test_a_flate_bomb_behind_ascii_hex_is_refused(tmp_path: Path, gigabyte: bytes) -> None:
    hexed = gigabyte.hex().encode() + b">"
    _refused(tmp_path, _pdf("/Filter [/ASCIIHexDecode /FlateDecode]", hexed))


def test_an_escaped_filter_name_is_read_as_pdfminer_reads_it(
    tmp_path: Path, gigabyte: bytes
) -> None:
    _refused(tmp_path, _pdf("/Filter /Flate#44ecode", gigabyte))


def test_a_filter_array_held_in_another_object_is_followed(tmp_path: Path, gigabyte: bytes) -> None:
    twice = zlib.compress(gigabyte, 9)
    data = _pdf("/Filter 9 0 R", twice)
    data = data.replace(b"xref", b"9 0 obj\n[/FlateDecode /FlateDecode]\nendobj\nxref", 1)
    _refused(tmp_path, data)


def test_a_stream_longer_than_its_first_endstream_is_checked_to_its_length(
    tmp_path: Path,
) -> None:
    """pdfminer reads /Length bytes, so an "endstream" inside the data (here in a stored deflate
    block) must not end the check."""
    inside = b"% endstream\n"
    stored = b"\x00" + len(inside).to_bytes(2, "little")
    stored += (~len(inside) & 0xFFFF).to_bytes(2, "little") + inside
    deflater = zlib.compressobj(9, zlib.DEFLATED, -15)
    block, checksum = b"\0" * (1 << 20), zlib.adler32(inside)
    zeros = []
    for _ in range(1024):
        zeros.append(deflater.compress(block))
        checksum = zlib.adler32(block, checksum)
    stream = b"\x78\x9c" + stored + b"".join(zeros) + deflater.flush()
    stream += checksum.to_bytes(4, "big")
    assert zlib.decompressobj().decompress(stream, 100).startswith(inside)
    _refused(tmp_path, _pdf("/Filter /FlateDecode", stream))


def _lzw_of_zeros(cycles: int) -> bytes:
    """LZW codes (as PDF and pdfminer read them) that decode to about 7.4 MB of zeros a cycle:
    each code names the previous string and one more zero."""
    bits: list[tuple[int, int]] = []
    for _ in range(cycles):
        width, table = 9, 258
        bits.append((256, width))  # clear
        bits.append((0, width))
        while table < 4094:
            bits.append((table, width))
            table += 1
            width = {511: 10, 1023: 11, 2047: 12}.get(table, width)
    value, count = 0, 0
    for code, width in bits:
        value, count = (value << width) | code, count + width
    value <<= -count % 8
    return value.to_bytes((count + 7) // 8, "big")


def test_an_lzw_bomb_is_refused(tmp_path: Path) -> None:
    codes = _lzw_of_zeros(40)  # about 300 MB
    assert len(codes) < 300_000
    _refused(tmp_path, _pdf("/Filter /LZWDecode", codes))


def test_a_run_length_bomb_is_refused(tmp_path: Path) -> None:
    runs = bytes([129, 0]) * 400_000  # 128 zeros for every 2 bytes: 51 MB
    _refused(tmp_path, _pdf("/Filter /RunLengthDecode", runs))


def test_an_ascii85_stream_past_the_slow_budget_is_refused(tmp_path: Path) -> None:
    _refused(tmp_path, _pdf("/Filter /ASCII85Decode", b"z" * 3_000_000 + b"~>"))


def test_a_predictor_before_the_last_filter_is_refused(tmp_path: Path) -> None:
    stream = zlib.compress(zlib.compress(b"BT ET\n" * 100))
    data = _pdf(
        "/Filter [/FlateDecode /FlateDecode] /DecodeParms [<< /Predictor 12 /Columns 4 >> null]",
        stream,
    )
    _refused(tmp_path, data, r"bomb\.pdf 的压缩流使用了无法检查的解码参数")


def test_chains_within_the_bounds_are_read(tmp_path: Path) -> None:
    """A real PDF's chains (ASCII85 then Flate, a predictor on the last filter) are no bomb."""
    content = b"BT /F1 12 Tf 72 720 Td (2020) Tj ET\n" * 100
    a85 = base64.a85encode(zlib.compress(content), adobe=True)[2:]
    for stream_dict, stream in (
        ("/Filter [/ASCII85Decode /FlateDecode]", a85),
        ("/Filter /FlateDecode /DecodeParms << /Predictor 1 >>", zlib.compress(content)),
        ("/Filter [/FlateDecode] /DecodeParms [<< /Predictor 12 /Columns 4 >>]", b"x\x9c"),
        ("/Filter /DCTDecode", b"\xff\xd8\xff" + b"\0" * 100),
    ):
        check_streams(_pdf(stream_dict, stream), "ok.pdf", Limits())


def test_a_broken_page_tree_is_a_chinese_error_not_a_crash_on_closing(tmp_path: Path) -> None:
    """pdfplumber walks the page tree again when it closes, and raised anew there."""
    data = _pdf("/Filter /FlateDecode", zlib.compress(b"BT ET"))
    _refused(tmp_path, data.replace(b"/Kids [3 0 R]", b"/Kids /' 3 0 R", 1), "已损坏")


def _encrypted(data: bytes) -> bytes:
    """`data` encrypted as a government PDF often is: no password to open, one to edit."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_a_flate_bomb_in_an_encrypted_pdf_is_refused(tmp_path: Path, gigabyte: bytes) -> None:
    """Encrypted, its streams look like noise to the raw check; pdfminer decrypts, then inflates."""
    data = _encrypted(_pdf("/Filter /FlateDecode", gigabyte))
    assert b"/Encrypt" in data
    _refused(tmp_path, data)


def test_an_encrypted_pdf_within_the_bounds_passes_the_check() -> None:
    content = zlib.compress(b"BT /F1 12 Tf 72 720 Td (2020) Tj ET\n" * 100)
    check_streams(_encrypted(_pdf("/Filter /FlateDecode", content)), "ok.pdf", Limits())
    with pytest.raises(InputError, match="解压后过大"):
        check_streams(
            _encrypted(_pdf("/Filter /FlateDecode", content)),
            "ok.pdf",
            Limits(max_unpacked_bytes=1000),
        )
