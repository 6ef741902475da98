"""The readers' fuzz loop of `benchmarks/fuzz_readers.py`, small: 1,000 mutated and generated
files of every format, each in a worker process, end in a report or one of gongkai's Chinese
errors — no other exception, no worker killed or hung. (The benchmark runs 100,000 and holds the
time and memory targets; here only what cannot depend on the machine's load is asserted.)"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

from ..conftest import ROOT


def _fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "fuzz_readers", ROOT / "benchmarks" / "fuzz_readers.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # pickled results name their class by module
    spec.loader.exec_module(module)
    return module


def test_a_thousand_mangled_files_end_in_a_report_or_a_chinese_error() -> None:
    fuzz = _fuzz()
    summary = fuzz.run(1_000, workers=2, timeout=60.0, seed=20261207)
    assert sum(summary.outcomes.values()) == 1_000
    problems = [r for r in summary.notable if r.outcome in ("crash", "hang")]
    assert not problems, fuzz.report(summary, 1_000, 0.0)
    assert summary.outcomes["read"] > 100 and summary.outcomes["refused"] > 100
