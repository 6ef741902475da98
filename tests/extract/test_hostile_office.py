"""Hostile Word and Excel files within the zip ratio checks: bounded by what the parser would
build (XML inflated, rows, cells), counted as it happens, never by the sizes a file declares."""

from __future__ import annotations

import io
import time
import zipfile
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits

from ..conftest import gold
from . import merged

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _timed(path: Path, limits: Limits | None = None) -> float:
    started = time.process_time()
    with pytest.raises(InputError) as raised:
        extract_file(path, limits=limits)
    assert raised.value.message
    return time.process_time() - started


def _with_part(package: bytes, part: str, content: bytes) -> bytes:
    """`package` with `part` replaced by (or added as) `content`."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            if info.filename != part:
                target.writestr(info, source.read(info))
        target.writestr(part, content, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def _docx() -> bytes:
    from gongkai.report import load

    return merged.docx(load(gold("004")))


def test_a_word_file_of_too_much_xml_within_the_zip_ratio_is_refused(tmp_path: Path) -> None:
    """21 MB of paragraphs compress about 10×, within the zip ratio check: python-docx would build
    a tree of some 350 MB of it; 150 MB of such XML took 183 s and 2.7 GB."""
    paragraphs = b"".join(b"<w:p><w:r><w:t>%d</w:t></w:r></w:p>" % i for i in range(650_000))
    xml = b"<w:document %s><w:body>%s</w:body></w:document>" % (_W.encode(), paragraphs)
    assert len(xml) > 21_000_000
    path = tmp_path / "big.docx"
    path.write_bytes(_with_part(_docx(), "word/document.xml", xml))
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo("word/document.xml")
        assert info.file_size < 200 * info.compress_size  # passes the ratio check
    with pytest.raises(InputError, match=r"big\.docx 的 XML 内容过大"):
        extract_file(path)


def test_the_xml_bound_is_configurable(tmp_path: Path) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(_docx())
    assert extract_file(path).report.year == 2020
    with pytest.raises(InputError, match=r"report\.docx 的 XML 内容过大（超过 1000 字节）"):
        extract_file(path, limits=Limits(max_xml_bytes=1000))


def _xlsx(sheet: bytes) -> bytes:
    """A workbook of one sheet whose XML is `sheet`."""
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["2020年政府信息公开工作年度报告"])
    out = io.BytesIO()
    book.save(out)
    return _with_part(out.getvalue(), "xl/worksheets/sheet1.xml", sheet)


_SHEET = (
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    b'<dimension ref="A1:XFD1048576"/><sheetData>%s</sheetData></worksheet>'
)


def test_a_tiny_workbook_declaring_a_million_rows_is_quick(tmp_path: Path) -> None:
    """Its sheet declares A1:XFD1048576 and holds a row numbered 1048576: openpyxl padded every
    row to the declared 16,384 columns and built each skipped row; 2.8 KB took 120 s."""
    rows = b'<row r="1"><c r="A1" t="inlineStr"><is><t>2020</t></is></c></row>'
    rows += b'<row r="1048576"><c r="A1048576"><v>1</v></c></row>'
    data = _xlsx(_SHEET % rows)
    assert len(data) < 6_000
    path = tmp_path / "lying.xlsx"
    path.write_bytes(data)
    assert _timed(path) < 20


def test_a_workbook_of_too_many_cells_is_refused(tmp_path: Path) -> None:
    """Rows each holding a cell in column ZZZ (18,278 cells built a row)."""
    rows = b"".join(b'<row r="%d"><c r="ZZZ%d"><v>1</v></c></row>' % (i, i) for i in range(1, 200))
    path = tmp_path / "wide.xlsx"
    path.write_bytes(_xlsx(_SHEET % rows))
    with pytest.raises(InputError, match=r"wide\.xlsx 的表格过大"):
        extract_file(path)


def test_a_zip_declaring_false_sizes_is_refused_by_what_inflates(tmp_path: Path) -> None:
    """The central directory says a part is 100 bytes; it inflates to 30 MB."""
    xml = b"<w:document %s><w:body>%s</w:body></w:document>" % (
        _W.encode(),
        b"<w:p/>" * 5_000_000,
    )
    data = bytearray(_with_part(_docx(), "word/document.xml", xml))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        info = archive.getinfo("word/document.xml")
    # Patch the declared uncompressed size (central directory and local header) to 100.
    name = b"word/document.xml"
    for header, offset in ((b"PK\x01\x02", 24), (b"PK\x03\x04", 22)):
        at = 0
        while (at := data.find(header, at)) >= 0:
            name_at = at + (46 if header == b"PK\x01\x02" else 30)
            if data[name_at : name_at + len(name)] == name:
                data[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
            at += 4
    assert info.file_size > 30_000_000
    path = tmp_path / "lies.docx"
    path.write_bytes(bytes(data))
    assert _timed(path) < 20
