"""The letters and documents are core: no Django, no CLI, no hidden clock."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from ..conftest import ROOT

PACKAGES = ("letters", "documents")
FILES = [p for name in PACKAGES for p in sorted((ROOT / "src" / "gongkai" / name).rglob("*.py"))]
CLOCK = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time)\(")


def _top_level_imports(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_core_module(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    assert not _top_level_imports(source) & {"django", "click"}
    assert not CLOCK.search(source)
    assert len(source.splitlines()) < 200
