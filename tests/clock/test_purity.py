"""The clock and the fees are core: no web, no CLI, no hidden clock (conventions: "No hidden
clocks")."""

from __future__ import annotations

import ast
import re
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "gongkai"
FILES = [*sorted((SRC / "clock").rglob("*.py")), SRC / "fees.py"]


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_clock_and_fees_know_nothing_of_the_web() -> None:
    for path in FILES:
        assert not _imports(path) & {"django", "click"}, f"{path} imports the web or the CLI"


def test_clock_and_fees_never_read_the_clock() -> None:
    pattern = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time|find_workday)\(")
    for path in FILES:
        assert not pattern.search(path.read_text(encoding="utf-8")), f"{path} reads the clock"
