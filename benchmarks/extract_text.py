"""Extraction throughput: the seed reports, read and extracted again and again, on one core.

    python benchmarks/extract_text.py [--rounds 20] [--seeds DIR]

Prints reports per second of CPU (one core) for `gongkai.extract.extract_file` over the seed
documents repeated, beside a baseline measured in the same run on the same files (merely reading
and decoding them), and their ratio. CPU seconds of this process, best of many short passes: on a
shared machine rates still swing by a tenth from one run to the next, so compare two versions by
running both in turn, more than once. Target: ≥ 300 reports/s, no slower than before tables were
read as grids.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from gongkai.extract import extract_file
from gongkai.extract.decode import decode

TARGET = 300
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"


def read_and_decode(path: Path) -> object:
    return decode(path.read_bytes(), name=path.name)


PASSES = 9


def timed(fn: Callable[[Path], object], files: Sequence[Path], rounds: int) -> float:
    """The best of `PASSES` passes over `files` repeated `rounds` times, in CPU seconds."""
    best = float("inf")
    for _ in range(PASSES):
        start = time.process_time()
        for _ in range(rounds):
            for path in files:
                fn(path)
        best = min(best, time.process_time() - start)
    return best


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seeds", type=Path, default=SEEDS)
    args = parser.parse_args(argv)

    files = sorted(p for p in args.seeds.iterdir() if p.is_file() and p.suffix in {".txt", ".md"})
    if not files:
        print(f"no seed documents in {args.seeds}", file=sys.stderr)
        return 2
    for path in files:  # warm up: imports, caches
        extract_file(path)
    count = len(files) * args.rounds
    baseline = timed(read_and_decode, files, args.rounds)
    extracting = timed(extract_file, files, args.rounds)
    rate = count / extracting
    print(f"documents:                   {len(files)} seeds × {args.rounds} = {count}")
    print(f"baseline (read + decode):    {count / baseline:12,.0f} reports/s")
    print(f"extract (whole pipeline):    {rate:12,.0f} reports/s")
    print(f"ratio extract / baseline:    {extracting / baseline:12.1f}× the time")
    print(f"target ≥ {TARGET:,} reports/s:       {'met' if rate >= TARGET else 'NOT MET'}")
    return 0 if rate >= TARGET else 1


if __name__ == "__main__":
    sys.exit(main())
