"""Old binary office files: a .doc (and the same file as a WPS .wps) and an .xls (as a WPS .et)
made by LibreOffice itself from the gold DOCX and workbook, read back to the gold cells through
the conversion; without LibreOffice on PATH, one clear error saying how to convert."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits
from gongkai.extract.readers.legacy import soffice
from gongkai.render.xlsx import render_xlsx
from gongkai.report import Report, load

from ..conftest import gold
from . import merged

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.fixture(scope="module")
def report() -> Report:
    return load(gold("004"))


def _converted(tmp: Path, source: Path, target: str) -> bytes:
    """`source` converted by LibreOffice (installed by scripts/system-packages.sh)."""
    program = soffice()
    assert program is not None, "LibreOffice 未安装：请运行 scripts/system-packages.sh"
    subprocess.run(
        [
            program,
            f"-env:UserInstallation={(tmp / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(tmp / "out"),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return (tmp / "out" / f"{source.stem}.{target}").read_bytes()


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory, report: Report) -> bytes:
    tmp = tmp_path_factory.mktemp("doc")
    source = tmp / "report.docx"
    source.write_bytes(merged.docx(report))
    return _converted(tmp, source, "doc")


@pytest.fixture(scope="module")
def xls(tmp_path_factory: pytest.TempPathFactory, report: Report) -> bytes:
    tmp = tmp_path_factory.mktemp("xls")
    source = tmp / "report.xlsx"
    source.write_bytes(render_xlsx(report))
    return _converted(tmp, source, "xls")


@pytest.mark.parametrize("name", ["report.doc", "report.wps", "report-without-extension"])
def test_an_old_word_file_reads_to_the_gold_cells(
    tmp_path: Path, report: Report, doc: bytes, name: str
) -> None:
    assert doc.startswith(_OLE2)
    path = tmp_path / name
    path.write_bytes(doc)
    extraction = extract_file(path)
    assert dict(extraction.report.cells()) == dict(report.cells())
    assert (extraction.report.agency, extraction.report.year) == (report.agency, report.year)
    document = extraction.stages.document
    assert document is not None and document.kind == "docx"
    assert (
        document.notes[0] == f"{name} 为旧版Word/WPS 文字文件，已由 LibreOffice 转换为 .docx 后读取"
    )


@pytest.mark.parametrize("name", ["report.xls", "report.et"])
def test_an_old_workbook_reads_to_the_gold_cells(
    tmp_path: Path, report: Report, xls: bytes, name: str
) -> None:
    assert xls.startswith(_OLE2)
    path = tmp_path / name
    path.write_bytes(xls)
    extraction = extract_file(path)
    assert dict(extraction.report.cells()) == dict(report.cells())
    assert extraction.stages.document is not None
    assert "已由 LibreOffice 转换为 .xlsx 后读取" in extraction.stages.document.notes[0]


def test_without_libreoffice_the_error_says_how_to_convert(
    tmp_path: Path, doc: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    bare = tmp_path / "bin"  # a PATH with only what the reader needs besides LibreOffice
    bare.mkdir()
    monkeypatch.setenv("PATH", str(bare))
    assert shutil.which("soffice") is None and shutil.which("libreoffice") is None
    path = tmp_path / "report.doc"
    path.write_bytes(doc)
    with pytest.raises(InputError) as raised:
        extract_file(path)
    assert str(raised.value).startswith(
        "report.doc 是旧版Word/WPS 文字文件，读取需要 LibreOffice 转换，但未安装 LibreOffice；"
        "请用 Word 或 WPS 打开后“另存为” .docx 再读取"
    )


def test_a_broken_old_file_is_refused(tmp_path: Path, doc: bytes) -> None:
    path = tmp_path / "broken.doc"
    path.write_bytes(doc[:3000])
    with pytest.raises(InputError, match=r"broken\.doc (已损坏或无法转换|不是有效的 Word)"):
        extract_file(path)


def test_a_conversion_is_bounded_in_time(tmp_path: Path, doc: bytes) -> None:
    path = tmp_path / "slow.doc"
    path.write_bytes(doc)
    with pytest.raises(InputError, match=r"slow\.doc 转换超时（LibreOffice，上限 0\.01 秒）"):
        extract_file(path, limits=Limits(max_seconds=0.01))
    leftover = subprocess.run(["pgrep", "-f", "gongkai-soffice-"], capture_output=True, text=True)
    assert leftover.stdout.strip() == "", "LibreOffice left running after the time limit"
    assert os.environ.get("PATH")
