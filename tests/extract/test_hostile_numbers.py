"""Hostile numbers in a document's tables: long runs of digits cost time linear in the run (and
bounded per row and per document), and a number of absurdly many digits is a doubt, never a crash
(Python converts no string of over 4,300 digits to an int)."""

from __future__ import annotations

import random
import re
import time
from pathlib import Path

from gongkai.extract import extract_file, extract_text
from gongkai.extract.digits import Blanks, Budget, split
from gongkai.extract.pieces import parse_run
from gongkai.report.editions import APPLICANT_COLUMNS

from ..conftest import SEEDS

SEED = (SEEDS / "000_9718be5bdc3ad529.txt").read_text(encoding="utf-8")
#: A markdown row's number cells ("| 0 | 0 | … |"), the whole run of them.
NUMBER_CELLS = re.compile(r"(?:\| \d+ )+\|")


def _runs_in_every_row(digits: int) -> str:
    """The seed with every row's number cells replaced by one cell of `digits` + 1 run-together
    digits (a leading 0 makes it a run to split, not a number)."""
    rng = random.Random(7)

    def run(_: re.Match[str]) -> str:
        return "| 0" + "".join(rng.choice("123456789") for _ in range(digits)) + " |"

    return NUMBER_CELLS.sub(run, SEED)


def _reasons(text: str) -> list[str]:
    return [str(d.data.get("reason", "")) for d in extract_text(text).doubts]


def test_a_21_kb_file_of_long_digit_runs_reads_quickly(tmp_path: Path) -> None:
    # Each search step rescanned the whole run: this file took about a minute.
    text = _runs_in_every_row(880)
    path = tmp_path / "runs.md"
    path.write_text(text, encoding="utf-8")
    assert 20_000 < path.stat().st_size < 22_000
    started = time.process_time()
    extraction = extract_file(path)
    assert time.process_time() - started < 10
    assert extraction.report.cells() is not None
    split_reasons = [r for r in _reasons(text) if "数字连写" in r]
    assert split_reasons and all("无法拆成" in r for r in split_reasons)


def test_a_run_too_long_for_its_cells_is_no_reading_at_once() -> None:
    """Seven cells of at most 9 digits each cannot take 300 digits: no search is needed (the old
    search spent its whole budget and called the row too ambiguous)."""
    run = parse_run("1" * 300)
    assert run is not None
    budget = Budget()
    assert split([run], APPLICANT_COLUMNS, Blanks.NONE, (), budget) == []
    assert Budget().steps - budget.steps < 10


def test_splitting_is_unchanged_where_the_digits_fit() -> None:
    run = parse_run("1020304")
    assert run is not None
    assert split([run], APPLICANT_COLUMNS) == [(1, 0, 2, 0, 3, 0, 4)]


def test_a_cell_of_5000_digits_is_a_doubt_not_a_crash() -> None:
    digits = "7" * 5000
    for cell in (digits, f"{digits}元", "1" + ",777" * 2000, f"1.{digits}", f"{digits} 0"):
        text = SEED.replace("| 规章 | 0 |", f"| 规章 | {cell} |", 1)
        assert text != SEED
        extraction = extract_text(text)  # no ValueError
        assert all(len(str(v)) < 20 for _, v in extraction.report.cells() if isinstance(v, int)), (
            cell
        )
        assert any("规章" in d.message for d in extraction.doubts), cell


def test_a_number_of_16_digits_is_a_doubt() -> None:
    text = SEED.replace("| 规章 | 0 |", "| 规章 | 1234567890123456 |", 1)
    doubts = [d.message for d in extract_text(text).doubts if "规章" in d.message]
    assert any("数字超过 15 位" in message for message in doubts)


def test_a_web_page_cell_spanning_5000_digits_of_columns_is_read(tmp_path: Path) -> None:
    path = tmp_path / "span.html"
    path.write_text(
        "<html><body><p>2020年政府信息公开工作年度报告</p><table>"
        f'<tr><td colspan="{"9" * 5000}">规章</td><td rowspan="{"9" * 5000}">0</td></tr>'
        "</table></body></html>",
        encoding="utf-8",
    )
    assert extract_file(path).report.year == 2020
