"""Guards that keep the design true: the core free of Django, every rule and command documented."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from click import Group

from gongkai.check import RULES
from gongkai.cli import main

from .conftest import ROOT

SRC = ROOT / "src" / "gongkai"
CORE = (
    "report",
    "check",
    "extract",
    "clock",
    "application",
    "letters",
    "documents",
    "render",
    "corpus",
)


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def _core_files() -> list[Path]:
    return [p for package in CORE for p in (SRC / package).rglob("*.py")] + [
        SRC / "fees.py",
        SRC / "batch.py",
    ]


def test_core_knows_nothing_of_the_web() -> None:
    for path in _core_files():
        assert not _imports(path) & {"django", "click"}, f"{path} imports the web or the CLI"


def test_no_hidden_clocks_in_the_core() -> None:
    pattern = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|time\.time)\(")
    for path in _core_files():
        assert not pattern.search(path.read_text(encoding="utf-8")), f"{path} reads the clock"


def test_the_site_reads_the_date_in_one_place() -> None:
    """The web app and its commands take "today" from `gongkai.site.clock.current_date`, which the
    tests fix (tests/conftest.py); a second reading of the calendar would escape that."""
    pattern = re.compile(r"\b(date\.today|datetime\.now|datetime\.today|timezone\.localdate)\(")
    one_place = SRC / "site" / "clock.py"
    for path in SRC.rglob("*.py"):
        if path != one_place:
            assert not pattern.search(path.read_text(encoding="utf-8")), f"{path} reads the date"


def test_no_test_reads_the_real_date() -> None:
    """Deadlines cross into years whose schedule is not published: a test that took today's date
    would pass or fail by the calendar. Tests pass their dates (`today=`, `on=`, `--today`) or patch
    the one place the site reads it; CI runs the whole suite again with the clock shifted."""
    pattern = re.compile(
        r"\b(date\.today|datetime\.now|datetime\.today|datetime\.utcnow|timezone\.now"
        r"|timezone\.localdate|timezone\.localtime)\("
    )
    for path in (ROOT / "tests").rglob("*.py"):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{path}:{number} reads the real date: {line.strip()}"


def test_every_rule_is_documented() -> None:
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    for rule in RULES.values():
        assert f"| {rule.id} |" in doc, f"{rule.id} is missing from docs/rules.md"


def test_every_command_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert isinstance(main, Group)
    for name in main.commands:
        assert f"gongkai {name}" in readme, f"`gongkai {name}` is not in the README"
