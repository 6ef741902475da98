"""The `gongkai` command, run as users run it: a real subprocess, real files."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import gold


def gongkai(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=cwd,
    )


def test_help_reads_well() -> None:
    result = gongkai("--help")
    assert result.returncode == 0
    assert "政府信息公开工作年度报告" in result.stdout
    for command in ("check", "demo"):
        assert command in result.stdout
    check_help = gongkai("check", "--help").stdout
    assert "--previous" in check_help and "退出码" in check_help


def test_check_001_exits_1_and_names_natural_person() -> None:
    result = gongkai("check", str(gold("001")))
    assert result.returncode == 1, result.stderr
    assert "自然人" in result.stdout
    assert "[错误] R1" in result.stdout


def test_check_004_exits_0() -> None:
    result = gongkai("check", str(gold("004")))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "未发现问题" in result.stdout


def test_check_json_output() -> None:
    result = gongkai("check", str(gold("001")), "--format", "json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["errors"] >= 1 and data["agency"] == "大洼区田家街道"
    paths = {c["path"] for f in data["findings"] for c in f["cells"]}
    assert "requests.total_processed.natural_person" in paths
    assert all({"rule", "level", "message", "cells"} <= set(f) for f in data["findings"])


def test_check_with_previous_year(tmp_path: Path) -> None:
    last = json.loads(gold("004").read_text())
    last["year"] = 2019
    last["requests"]["carried_over_to_next_year"]["natural_person"] = 3
    last_path = tmp_path / "last.json"
    last_path.write_text(json.dumps(last, ensure_ascii=False), encoding="utf-8")
    result = gongkai("check", str(gold("004")), "--previous", str(last_path))
    assert result.returncode == 0  # cross-year rules only warn
    assert "[提醒] R5" in result.stdout


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (
            '{"schema": "gongkai.annual-report/1", "edition": "2021", "requests": {"x": {}}}',
            "requests.x",
        ),
        ("not json at all", "不是有效的 JSON"),
        (
            '{"schema": "gongkai.annual-report/1", "edition": "2021", "requests": {"granted": {"total": -2}}}',
            "非负整数",
        ),
    ],
)
def test_unusable_input_is_one_clear_line(tmp_path: Path, content: str, words: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = gongkai("check", str(path))
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.strip().splitlines()) == 1
    assert words in result.stderr and "Traceback" not in result.stderr


def test_missing_file_is_exit_2(tmp_path: Path) -> None:
    result = gongkai("check", str(tmp_path / "none.json"))
    assert result.returncode == 2 and "找不到文件" in result.stderr


def test_demo_checks_the_seeds() -> None:
    result = gongkai("demo")
    assert result.returncode == 0, result.stderr
    assert result.stdout.count("政府信息公开工作年度报告") == 5
    assert "大洼区田家街道" in result.stdout


def test_serve_on_a_taken_port_says_so_in_one_line(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = subprocess.run(
            [sys.executable, "-m", "gongkai", "serve", "--no-demo", "--port", str(port)],
            env={**os.environ, "GONGKAI_HOME": str(tmp_path)},
            capture_output=True,
            text=True,
            timeout=300,
        )
    assert done.returncode == 2, done.stderr
    assert f"无法在 127.0.0.1:{port} 上启动网站" in done.stderr
    assert "Traceback" not in done.stderr
