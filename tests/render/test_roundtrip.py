"""Round trip: every format we write reads back with `gongkai extract` to the same cells, blanks
included, with no doubts — for random valid reports of both editions and the five seed reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.render import Format
from gongkai.report import load
from gongkai.report.grid import Edition

from ..conftest import GOLD
from .roundtrip import PROSE, assert_same, read_back, synthetic

GOLDS = sorted(GOLD.glob("*.json"))
#: Examples per format: the fast writers get more, Word and PDF (≈0.2 s and ≈1 s each) fewer.
EXAMPLES = {Format.MD: 60, Format.HTML: 40, Format.XLSX: 40, Format.DOCX: 15, Format.PDF: 10}


@pytest.mark.parametrize("fmt", list(Format))
@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name[:3])
def test_seed_reports_read_back_exactly(fmt: Format, path: Path, tmp_path: Path) -> None:
    truth = load(path)
    assert_same(read_back(truth, fmt, tmp_path), truth)


def _property(fmt: Format) -> None:
    @settings(
        max_examples=EXAMPLES[fmt],
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(
        seed=st.integers(0, 2**32 - 1),
        edition=st.sampled_from([Edition.E2019, Edition.E2021]),
        blank_zeros=st.booleans(),
    )
    def run(seed: int, edition: Edition, blank_zeros: bool) -> None:
        truth = synthetic(seed, edition, blank_zeros)
        with tempfile.TemporaryDirectory() as folder:
            assert_same(read_back(truth, fmt, Path(folder)), truth)

    run()


@pytest.mark.parametrize("fmt", list(Format))
def test_random_reports_read_back_exactly(fmt: Format) -> None:
    _property(fmt)


@pytest.mark.parametrize("fmt", list(Format))
def test_a_long_agency_name_stays_on_one_title_line(fmt: Format, tmp_path: Path) -> None:
    truth = synthetic(5, Edition.E2021, blank_zeros=True)
    truth.agency = "内蒙古自治区呼和浩特市赛罕区人民政府敕勒川路街道办事处综合办公室"
    assert_same(read_back(truth, fmt, tmp_path), truth)


@pytest.mark.parametrize("fmt", [Format.MD, Format.HTML, Format.DOCX, Format.XLSX])
def test_prose_reads_back_without_the_charts(fmt: Format, tmp_path: Path) -> None:
    """The charts' words (axis labels, legends) are not prose: section 六 reads back as written."""
    report = synthetic(6, Edition.E2021, blank_zeros=False)
    read = read_back(report, fmt, tmp_path)
    assert read.report.prose.get(6, "").strip() == PROSE[6]
