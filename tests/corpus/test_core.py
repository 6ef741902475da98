"""The corpus package is core: no Django, no hidden clock (as tests/test_architecture.py asks of
the other core packages)."""

from __future__ import annotations

import re
from pathlib import Path

import gongkai.corpus

PACKAGE = Path(gongkai.corpus.__file__).parent


def test_corpus_knows_nothing_of_the_web() -> None:
    files = list(PACKAGE.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        text = path.read_text("utf-8")
        assert not re.search(r"^\s*(?:from|import)\s+django", text, re.M), path.name
        assert not re.search(r"^\s*(?:from|import)\s+gongkai\.oversight", text, re.M), path.name
        assert not re.search(r"date\.today\(|datetime\.now\(", text), path.name
