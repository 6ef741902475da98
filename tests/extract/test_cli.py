"""`gongkai extract` through click's runner, and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from gongkai.cli import main
from gongkai.errors import InputError
from gongkai.extract import extract_file
from gongkai.extract.readers import Limits

from ..conftest import SEEDS
from .fixtures import document, markdown_requests
from .test_limits import _pdf

SEED_FILES = sorted(SEEDS.glob("*.txt"))


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["extract", *args])
    return result.exit_code, result.stdout, result.stderr


def test_one_file_prints_the_report_json_with_doubts() -> None:
    code, out, err = _run(str(SEED_FILES[2]))
    assert code == 0, err
    data = json.loads(out)
    assert data["schema"] == "gongkai.annual-report/1"
    assert data["agency"] == "曲靖市麒麟区珠街街道"
    assert data["ambiguous"] == ["requests.denied_state_secret"]
    doubt, empty = data["doubts"]
    assert doubt["rule"] == "ambiguous" and doubt["source"] == "extraction"
    assert doubt["cells"][0]["path"] == "requests.denied_state_secret"
    assert empty["rule"] == "section_empty" and empty["data"] == {"section": 6}
    assert data["metadata"]["published_at"] == "2021-02-16 14:57"
    assert out.startswith("{\n")


def test_several_files_print_json_lines() -> None:
    code, out, _ = _run(*map(str, SEED_FILES))
    assert code == 0
    lines = out.strip().split("\n")
    assert len(lines) == len(SEED_FILES)
    assert [json.loads(line)["source"] for line in lines] == [p.name for p in SEED_FILES]


def test_output_directory(tmp_path: Path) -> None:
    out_dir = tmp_path / "out"
    code, out, err = _run("-o", str(out_dir), *map(str, SEED_FILES[:2]))
    assert code == 0
    assert out == ""
    written = sorted(p.name for p in out_dir.iterdir())
    assert written == [f"{p.stem}.json" for p in SEED_FILES[:2]]
    data = json.loads((out_dir / written[0]).read_text(encoding="utf-8"))
    assert data["agency"] == "湛河区荆山街道办事处"
    assert "→" in err


def test_debug_prints_the_stages_to_stderr() -> None:
    code, out, err = _run("--debug", str(SEED_FILES[0]))
    assert code == 0
    json.loads(out)
    for stage in ("--- lines", "--- located tables", "--- cells", "--- report"):
        assert stage in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "空文件"),
        (b"  \n\n \t\n", "空文件"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 20, "不是文本文件"),
        (b"\xff" * 10, "编码无法识别"),
        ("今天天气很好。\n".encode(), "未找到"),
    ],
)
def test_unusable_files_exit_2_with_one_chinese_line(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    code, out, err = _run(str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("gongkai：") and message in err


def test_files_too_large_and_directories_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="过大"):
        extract_file(SEED_FILES[0], limits=Limits(max_bytes=100))
    with pytest.raises(InputError, match="目录"):
        extract_file(tmp_path)


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    code, _, err = _run(str(tmp_path / "nothing.txt"))
    assert code == 2 and "找不到文件" in err


def test_several_files_go_on_past_a_bad_one(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, out, err = _run(str(empty), str(SEED_FILES[1]))
    assert code == 2
    assert json.loads(out)["agency"] == "大洼区田家街道"
    assert "空文件" in err


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig", "utf-16"])
def test_encodings(tmp_path: Path, encoding: str) -> None:
    text = document(
        requests=markdown_requests(), title="某县人民政府2020年政府信息公开工作年度报告"
    )
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    code, out, err = _run(str(path))
    assert code == 0, err
    data = json.loads(out)
    assert data["agency"] == "某县人民政府"
    assert data["requests"]["total_processed"]["total"] == 0


def test_as_a_process() -> None:
    run = subprocess.run(
        [sys.executable, "-m", "gongkai", "extract", str(SEED_FILES[4])],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["proactive"]["procurement"] == {
        "projects": 22,
        "amount_10k_yuan": 113,
    }


def test_a_damaged_pdf_gets_one_chinese_line_and_no_parser_noise(tmp_path: Path) -> None:
    """pdfminer logs 「MediaBox missing from /Page」 in English; the user sees only gongkai's line."""
    pdf = _pdf("", b"")
    box = b"/MediaBox [0 0 595 842]"
    path = tmp_path / "no-box.pdf"
    path.write_bytes(pdf.replace(box, b" " * len(box)))  # offsets kept: only the box is gone
    run = subprocess.run(
        [sys.executable, "-m", "gongkai", "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert run.returncode == 2
    assert run.stderr.startswith("gongkai：no-box.pdf"), run.stderr
    assert len(run.stderr.splitlines()) == 1, run.stderr
