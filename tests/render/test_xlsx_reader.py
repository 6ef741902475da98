"""The Excel reader: workbooks read sheet by sheet as tab-separated rows; hostile or broken
files refused with a Chinese message."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import Workbook

from gongkai.cli import main
from gongkai.errors import InputError
from gongkai.extract.readers import Limits, read_document
from gongkai.render import Format, render
from gongkai.report import load

from ..conftest import gold


def _workbook(*rows: tuple[object, ...]) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(list(row))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_rows_become_tab_separated_lines_numbers_plain() -> None:
    data = _workbook(("标题",), ("规章", 0, 12.0, 3.25, None, 7))
    read = read_document(data, "x.xlsx")
    assert read.kind == "xlsx"
    assert read.text.splitlines()[:2] == ["标题", "规章\t0\t12\t3.25\t\t7"]


def test_a_workbook_is_known_by_its_parts_whatever_its_name() -> None:
    data = render(load(gold("001")), Format.XLSX)
    assert read_document(data, "download.bin").kind == "xlsx"


def test_extract_reads_a_workbook_through_the_cli(tmp_path: Path) -> None:
    path = tmp_path / "报告.xlsx"
    truth = load(gold("004"))
    path.write_bytes(render(truth, Format.XLSX))
    result = CliRunner().invoke(main, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["agency"] == truth.agency and data["requests"]["new_received"]["total"] == 52


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "limits", "message"),
    [
        (_workbook(("a",)), Limits(max_unpacked_bytes=1_000), "解压后过大"),
        (_zip({"xl/workbook.xml": b"\0" * 5_000_000}), Limits(), "解压后过大"),
        (
            _zip({"xl/workbook.xml": b'<!DOCTYPE x [<!ENTITY a "aaaa">]><workbook/>'}),
            Limits(),
            "DOCTYPE/ENTITY",
        ),
        (_zip({"other.xml": b"<x/>"}), Limits(), "缺少 xl/workbook.xml"),
        (b"PK\x03\x04" + b"\x00" * 100, Limits(), "不是有效的 Excel 文件"),
        (_zip({"xl/workbook.xml": b"<not a workbook"}), Limits(), "不是有效的 Excel 文件"),
    ],
    ids=["too-large", "bomb", "entities", "not-a-workbook", "corrupt-zip", "bad-xml"],
)
def test_hostile_and_broken_workbooks_are_refused(
    data: bytes, limits: Limits, message: str
) -> None:
    with pytest.raises(InputError, match=message):
        read_document(data, "x.xlsx", limits)
