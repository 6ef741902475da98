"""`gongkai render` through its door: CliRunner, real files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.extract import extract_file
from gongkai.report import load

from ..conftest import gold


@pytest.fixture
def report_file(tmp_path: Path) -> Path:
    path = tmp_path / "报告.json"
    shutil.copy(gold("004"), path)
    return path


def test_help_reads_well() -> None:
    result = CliRunner().invoke(main, ["render", "--help"])
    assert result.exit_code == 0
    for words in ("docx（Word，公文格式）", "--prose", "--previous", "标准输出", "gongkai extract"):
        assert words in result.output
    assert "render" in CliRunner().invoke(main, ["--help"]).output


def test_default_output_sits_beside_the_report(report_file: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(report_file), "--to", "docx"])
    assert result.exit_code == 0, result.output
    written = report_file.with_suffix(".docx")
    assert written.read_bytes().startswith(b"PK")
    got = extract_file(written).report
    assert dict(got.cells()) == dict(load(report_file).cells())


def test_text_formats_go_to_stdout_with_a_dash(report_file: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(report_file), "--to", "md", "-o", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("栖霞区人民政府办公室2020年政府信息公开工作年度报告\n")


def test_binary_formats_refuse_stdout(report_file: Path) -> None:
    result = CliRunner().invoke(main, ["render", str(report_file), "--to", "pdf", "-o", "-"])
    assert result.exit_code == 2
    assert "不能输出到标准输出" in result.output


def test_prose_and_previous(report_file: Path, tmp_path: Path) -> None:
    prose = tmp_path / "文字.md"
    prose.write_text("## 一\n本年度，本机关认真贯彻落实条例。\n## 六\n无。\n", encoding="utf-8")
    out = tmp_path / "out.html"
    args = ["render", str(report_file), "--prose", str(prose), "--previous", str(gold("003"))]
    result = CliRunner().invoke(main, [*args, "--to", "html", "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "本年度，本机关认真贯彻落实条例。" in page
    assert "与上年比较" in page


def test_bad_input_is_one_chinese_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "nope"}), encoding="utf-8")
    for args in (
        ["render", str(bad), "--to", "md"],
        ["render", str(tmp_path / "missing.json"), "--to", "md"],
    ):
        result = CliRunner().invoke(main, args)
        assert result.exit_code == 2
        assert result.output.startswith("gongkai：") and "Traceback" not in result.output


def test_a_report_that_fails_the_checks_is_still_written_with_a_warning(
    report_file: Path,
) -> None:
    data = json.loads(report_file.read_text(encoding="utf-8"))
    data["requests"]["new_received"]["total"] += 1
    report_file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = CliRunner().invoke(main, ["render", str(report_file), "--to", "xlsx"])
    assert result.exit_code == 0
    assert "未通过核对" in result.output
    assert report_file.with_suffix(".xlsx").exists()


def test_cells_left_out_as_ambiguous_are_announced(tmp_path: Path) -> None:
    path = tmp_path / "002.json"
    shutil.copy(gold("002"), path)  # its 1.属于国家秘密 row could not be read
    result = CliRunner().invoke(main, ["render", str(path), "--to", "md", "-o", "-"])
    assert result.exit_code == 0
    assert "1 处无法确定的单元格或行" in result.output
