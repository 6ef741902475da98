"""`gongkai corpus`: generate a corpus, import it with a progress bar and a Chinese summary, and a
clear one-line error for what cannot be imported."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def _gongkai(*args: str, data: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "GONGKAI_HOME": str(data)}
    env.pop("GONGKAI_DATABASE_URL", None)  # its own SQLite file in `data`
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_generate_then_import(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    made = _gongkai(
        "corpus", "generate", str(corpus), "--count", "12", "--seed", "2", data=tmp_path
    )
    assert made.returncode == 0, made.stderr
    assert "已生成 12 份报告" in made.stdout
    assert (corpus / "manifest.json").exists()
    first = _gongkai(
        "corpus",
        "import",
        str(corpus),
        "--workers",
        "2",
        "--region",
        "河南省/平顶山市",
        data=tmp_path,
    )
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("共 12 个文件：新导入 ")
    assert "导入" in first.stderr  # the progress bar
    again = _gongkai("corpus", "import", str(corpus), data=tmp_path)
    assert "新导入 0 份报告" in again.stdout


def test_what_cannot_be_imported_is_one_chinese_line(tmp_path: Path) -> None:
    note = tmp_path / "note.txt"
    note.write_text("x", encoding="utf-8")
    result = _gongkai("corpus", "import", str(note), data=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().splitlines()[-1] == "gongkai：note.txt 既不是目录也不是 ZIP 压缩包"
    missing = _gongkai("corpus", "import", str(tmp_path / "nope"), data=tmp_path)
    assert missing.returncode == 2 and "Traceback" not in missing.stderr
