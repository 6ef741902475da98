"""The scorecard in the tests (issue 13): `gongkai extract` on the seeds and on real reports from
other agencies and sites (tests/real_corpus, a copy of shared/corpus), scored against their checked
gold files by the project's scorecard (tests/tools/scorecard.py, a copy of
shared/tools/scorecard.py, so that a clone without `../shared` scores the same way).

The seeds: every report exact. The real corpus: no silent error (a wrong value stated as read),
agency, year and edition right, and every cell not read named by a doubt, its row or its section
in doubt; the cells read correctly may only grow (`CORPUS_FLOOR`)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from gongkai.cli import main

from ..conftest import GOLD, ROOT
from ..tools import scorecard

CORPUS = ROOT / "tests" / "real_corpus"
SHARED = ROOT.parent / "shared"
NAMES = sorted(p.stem for p in (CORPUS / "gold").glob("*.json"))
SEED_NAMES = sorted(p.stem for p in GOLD.glob("*.json"))
#: Cells (metadata included) the corpus reads correctly today, of 799: a change may only raise it.
CORPUS_FLOOR = 742


@dataclass
class Score:
    name: str
    total: int
    wrong: list[str]
    silent: int
    got: dict[str, Any]


def _score(gold_dir: Path, name: str) -> Score:
    """One document scored as `scorecard.py --cmd 'gongkai extract {path}'` scores it."""
    (document,) = (p for p in gold_dir.parent.iterdir() if p.is_file() and p.stem == name)
    gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf-8"))
    run = CliRunner().invoke(main, ["extract", str(document)])
    assert run.exit_code == 0, run.output
    got = json.loads(run.stdout)
    total, wrong, silent = scorecard.score(gold, got)
    return Score(name, total, wrong, silent, got)


@pytest.fixture(scope="module")
def corpus() -> list[Score]:
    return [_score(CORPUS / "gold", name) for name in NAMES]


def _named(path: str, got: dict[str, Any]) -> bool:
    """Whether a doubt names the cell, its row or its section (a whole table in doubt)."""
    section, row, _ = path.split(".")
    names = {path, f"{section}.{row}", section}
    if names & set(got.get("ambiguous", [])):
        return True
    for doubt in got["doubts"]:
        cells = {c["path"] for c in doubt.get("cells", [])}
        if names & cells or any(path.startswith(c + ".") for c in cells):
            return True
        if not cells and doubt.get("data", {}).get("section") == section:
            return True
    return False


def test_the_corpus_is_here() -> None:
    assert len(NAMES) == 5


def test_the_copies_equal_the_originals_when_they_are_here() -> None:
    shared_corpus = SHARED / "corpus"
    for original in sorted(shared_corpus.rglob("*.*")) if shared_corpus.is_dir() else []:
        assert (CORPUS / original.relative_to(shared_corpus)).read_bytes() == original.read_bytes()
    tool = SHARED / "tools" / "scorecard.py"
    if tool.is_file():
        assert (ROOT / "tests" / "tools" / "scorecard.py").read_bytes() == tool.read_bytes()


@pytest.mark.parametrize("name", SEED_NAMES)
def test_scorecard_seeds_exact(name: str) -> None:
    score = _score(GOLD, name)
    assert (score.wrong, score.silent) == ([], 0)


def test_scorecard_corpus_no_silent_error_and_every_miss_named(corpus: list[Score]) -> None:
    lines = [f"{s.name}: {s.total - len(s.wrong)}/{s.total} cells" for s in corpus]
    assert sum(s.silent for s in corpus) == 0, [w for s in corpus for w in s.wrong]
    for score in corpus:
        assert not [w for w in score.wrong if w.split(":")[0] in ("agency", "year", "edition")]
        unnamed = [
            w
            for w in score.wrong
            if not (w.endswith(", missing") and _named(w.split(":")[0], score.got))
        ]
        assert not unnamed, f"{score.name}: misses no doubt names: {unnamed}"
    correct = sum(s.total - len(s.wrong) for s in corpus)
    assert correct >= CORPUS_FLOOR, "\n".join(lines)


#: Reports read cell for cell as the gold has them (the tables read from their grids: section 四 in
#: three small Markdown tables, or one row of 15 under a scrambled header).
EXACT = (
    "huaian-hongze-district-gov-2023",
    "pingtan-2016-legacy-format",
    "shanghai-gov-office-2019",
    "suqian-shuyang-county-gov-2025",
)


def test_scorecard_corpus_exact_reports(corpus: list[Score]) -> None:
    scores = {s.name: s for s in corpus}
    assert {name: scores[name].wrong for name in EXACT} == {name: [] for name in EXACT}


def test_the_conversion_with_scrambled_tables_reads_section_4_whole(corpus: list[Score]) -> None:
    """shanghai-gov-office-2025.md: section 四's header scrambled over plain lines, its 15 numbers
    one Markdown row; the rows the conversion tore apart are named by doubts (see above)."""
    (score,) = (s for s in corpus if s.name == "shanghai-gov-office-2025")
    assert not [w for w in score.wrong if w.startswith("appeals.")]
    assert {w.split(":")[0].rsplit(".", 1)[0] for w in score.wrong} <= {
        "proactive.rules",
        "proactive.normative_documents",
        "requests.rejected_confirmation",
        "requests.other_no_correction",
        "requests.other_fee_unpaid",
    }
