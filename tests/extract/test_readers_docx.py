"""Word files: merged cells expanded to the grid; zip bombs, entities and corrupt zips refused."""

from __future__ import annotations

import io
import json
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits, read_document
from gongkai.report import Report, load

from ..conftest import gold
from . import merged


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


@pytest.fixture(scope="module")
def word(report: Report) -> bytes:
    return merged.docx(report)


def test_docx_with_merged_cells_gives_the_gold_cells(
    tmp_path: Path, report: Report, word: bytes
) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(word)
    extraction = extract_file(path)
    got = extraction.report
    assert extraction.stages.document is not None
    assert extraction.stages.document.kind == "docx"
    assert dict(got.cells()) == dict(report.cells())
    assert (got.edition, got.agency, got.year) == (report.edition, report.agency, report.year)


def test_merged_cells_are_expanded_with_blanks(word: bytes) -> None:
    text = read_document(word, "report.docx").text
    assert "\t\t\t申请人情况\t\t\t\t\t\t\n" in text
    assert "三、本年度办理结果\t（一）予以公开\t\t12\t1\t0\t0\t0\t0\t13\n" in text
    assert "\t（三）不予公开\t1.属于国家秘密\t" in text
    assert "\n\t\t5.属于三类内部事务信息\t2\t" in text


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


def test_a_zip_bomb_posing_as_docx_is_refused(tmp_path: Path) -> None:
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b" " * 20_000_000})
    assert len(bomb) < 100_000
    path = tmp_path / "bomb.docx"
    path.write_bytes(bomb)
    started = time.process_time()
    with pytest.raises(InputError, match="解压后过大，可能是恶意文件"):
        extract_file(path, limits=Limits(max_unpacked_bytes=1_000_000))
    # within the size limit, the compression ratio alone gives it away
    with pytest.raises(InputError, match="可能是恶意文件"):
        extract_file(path)
    assert time.process_time() - started < 5


def test_xml_with_an_entity_declaration_is_refused(tmp_path: Path, word: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"?>", b'?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>', 1
    )
    path = tmp_path / "entity.docx"
    path.write_bytes(_zip(members))
    with pytest.raises(InputError, match="DOCTYPE/ENTITY"):
        extract_file(path)


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_truncated_docx_is_not_a_valid_word_file(tmp_path: Path, word: bytes, cut: float) -> None:
    path = tmp_path / "broken.docx"
    path.write_bytes(word[: int(len(word) * cut)])
    with pytest.raises(InputError, match="不是有效的 Word 文件"):
        extract_file(path)


def test_a_corrupt_member_is_not_a_valid_word_file(tmp_path: Path, word: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = b"<w:document><w:body><w:p>"
    path = tmp_path / "corrupt.docx"
    path.write_bytes(_zip(members))
    with pytest.raises(InputError, match="不是有效的 Word 文件"):
        extract_file(path)


def test_a_zip_that_is_not_word_says_so(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    path.write_bytes(_zip({"a.txt": b"hello"}))
    with pytest.raises(InputError, match="不是 Word 文件"):
        extract_file(path)


def test_cli_prints_the_report_json(tmp_path: Path, report: Report, word: bytes) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(word)
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["agency"] == report.agency and data["year"] == report.year
    assert data["appeals"]["reconsideration"]["total"] == 3


def test_text_box_fallback_is_not_read_twice(tmp_path: Path, word: bytes) -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    box = (
        f'<w:p><w:r><mc:AlternateContent xmlns:mc="{mc}"><mc:Choice Requires="wps">'
        "<w:t>文本框</w:t></mc:Choice><mc:Fallback><w:t>文本框</w:t></mc:Fallback>"
        "</mc:AlternateContent></w:r></w:p>"
    ).encode()
    with zipfile.ZipFile(io.BytesIO(word)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    members["word/document.xml"] = members["word/document.xml"].replace(
        b"<w:body>", b"<w:body>" + box, 1
    )
    text = read_document(_zip(members), "box.docx").text
    assert text.splitlines()[0] == "文本框"


def test_flipped_bytes_end_in_an_input_error_or_a_reading(word: bytes) -> None:
    import random

    chance = random.Random(2)
    for _ in range(60):
        damaged = bytearray(word)
        for _ in range(chance.randint(1, 20)):
            damaged[chance.randrange(len(damaged))] = chance.randrange(256)
        try:
            read_document(bytes(damaged), "damaged.docx")
        except InputError as error:
            assert "Word 文件" in str(error) or "恶意文件" in str(error)
