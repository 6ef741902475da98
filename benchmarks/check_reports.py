"""Checker throughput: rules R1–R14 over generated reports, on one core.

    python benchmarks/check_reports.py [--reports 10000] [--seed 1]

Prints reports per second for `gongkai.check.check`, beside a baseline measured in the same run
on the same reports (visiting every cell once), and their ratio. Target: ≥ 5,000 reports/s.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence

from gongkai.check import check
from gongkai.report import Edition, Report
from gongkai.report.synthetic import consistent_report

TARGET = 5_000


def visit_cells(report: Report) -> int:
    return sum(1 for _ in report.cells())


def timed(fn: Callable[[Report], object], reports: Sequence[Report], rounds: int = 3) -> float:
    """Best of `rounds` wall-clock passes, in seconds."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for report in reports:
            fn(report)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reports", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    rng = random.Random(args.seed)
    reports = []
    for i in range(args.reports):
        report = consistent_report(
            rng, edition=(Edition.E2019, Edition.E2021)[i % 2], blank_zeros=i % 3 == 0
        )
        if i % 10 == 0:  # one report in ten is broken, so findings are built too
            report.requests["granted"]["total"] = int(report.requests["granted"]["total"] or 0) + 1
        reports.append(report)

    baseline = timed(visit_cells, reports)
    checking = timed(check, reports)
    rate = len(reports) / checking
    print(f"reports:                   {len(reports)}")
    print(f"baseline (visit cells):    {len(reports) / baseline:12,.0f} reports/s")
    print(f"check (R1–R14):            {rate:12,.0f} reports/s")
    print(f"ratio check / baseline:    {checking / baseline:12.2f}× the time")
    print(f"target ≥ {TARGET:,} reports/s:   {'met' if rate >= TARGET else 'NOT MET'}")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
