"""Mangled seeds and random bytes: extraction ends in a valid Report or a GongkaiError, quickly.

Never another exception, never a hang, and never a report the interchange format rejects.
"""

from __future__ import annotations

import contextlib
import json
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from gongkai.errors import GongkaiError
from gongkai.extract import extract_file, extract_text
from gongkai.extract.decode import decode
from gongkai.report.interchange import from_dict, to_dict

from ..conftest import SEEDS

LINES = [p.read_text(encoding="utf-8").split("\n") for p in sorted(SEEDS.glob("*.txt"))]
DEADLINE = timedelta(seconds=3)
FUZZ = settings(
    max_examples=150,
    deadline=DEADLINE,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NOISE = st.text(
    alphabet=st.sampled_from(list("0123456789 \t|—/-.、（）()一二三四五六七规章总计其他\n万元个")),
    max_size=12,
)


@st.composite
def mangled_seed(draw: st.DrawFn) -> str:
    lines = list(draw(st.sampled_from(LINES)))
    for _ in range(draw(st.integers(0, 8))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "insert", "noise"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "insert":
            lines.insert(i, draw(NOISE))
        else:
            at = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:at] + draw(NOISE) + lines[i][at:]
    text = "\n".join(lines)
    if draw(st.booleans()):
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _ends_well(text: str) -> None:
    try:
        extraction = extract_text(text)
    except GongkaiError:
        return
    data = to_dict(extraction.report)
    again = from_dict(json.loads(json.dumps(data, ensure_ascii=False)))
    assert dict(again.cells()) == dict(extraction.report.cells())
    for doubt in extraction.doubts:
        assert doubt.source == "extraction" and doubt.message
        json.dumps(doubt.as_dict(), ensure_ascii=False)
    assert extraction.debug_text()


@FUZZ
@given(mangled_seed())
def test_mangled_seeds_end_in_a_report_or_a_gongkai_error(text: str) -> None:
    _ends_well(text)


@FUZZ
@given(st.text(max_size=3000))
def test_random_text(text: str) -> None:
    _ends_well(text)


@FUZZ
@given(st.binary(max_size=4000))
def test_random_bytes(data: bytes) -> None:
    try:
        text = decode(data).text
    except GongkaiError:
        return
    _ends_well(text)


@settings(max_examples=25, deadline=DEADLINE, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_files(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path: Path = tmp_path_factory.mktemp("fuzz") / "doc.txt"
    path.write_bytes(data)
    with contextlib.suppress(GongkaiError):
        extract_file(path)


@settings(max_examples=40, deadline=DEADLINE)
@given(st.lists(st.sampled_from(list("0123456789 ")), min_size=1, max_size=60))
def test_long_runs_of_digits_are_bounded(chars: list[str]) -> None:
    digits = "".join(chars)
    text = f"三、收到和处理政府信息公开申请情况\n（一）予以公开{digits}\n（七）总计{digits}\n"
    _ends_well(text)
