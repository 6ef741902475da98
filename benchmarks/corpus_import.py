"""Import throughput: the same generated corpus imported in one process and on the process pool,
in the same run, into a fresh SQLite database (or PostgreSQL with GONGKAI_DATABASE_URL set).

    python benchmarks/corpus_import.py [--count 400] [--workers N]

Prints files per second for each and the pool's speed-up as a ratio; also the pure part alone
(read → hash → extract → check, no database) for both, which shows what the parent's database
writes cost.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=400)
    parser.add_argument("--workers", type=int, default=None, help="pool size (default: CPUs)")
    args = parser.parse_args(argv)

    os.environ["GONGKAI_HOME"] = tempfile.mkdtemp(prefix="gongkai-bench-")  # never the real data
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.site.settings"
    from gongkai.site.home import setup_django

    setup_django()
    from django.core.management import call_command

    from gongkai.batch import default_workers, run_batch
    from gongkai.corpus.generate import generate_corpus
    from gongkai.oversight.actions import region_path
    from gongkai.oversight.importing import run_import
    from gongkai.oversight.models import CorpusReport, Region
    from gongkai.oversight.reading import process
    from gongkai.oversight.sources import collect

    call_command("migrate", verbosity=0, interactive=False)
    workers = args.workers or default_workers()
    directory = Path(tempfile.mkdtemp(prefix="gongkai-corpus-"))
    generate_corpus(directory, args.count, seed=1)
    items = collect(directory).items

    def pure(n: int) -> float:
        start = time.perf_counter()
        results = list(run_batch(process, items, workers=n))
        assert len(results) == len(items)
        return len(items) / (time.perf_counter() - start)

    def full(n: int) -> float:
        CorpusReport.objects.all().delete()  # nothing skipped: every file is imported again
        region = region_path([f"基准地区{Region.objects.filter(parent=None).count()}"])
        start = time.perf_counter()
        run = run_import(directory, region=region, workers=n)
        seconds = time.perf_counter() - start
        assert run.done + run.skipped + run.failed == len(items), run
        return len(items) / seconds

    rates = {
        "pure, 1 process": pure(1),
        f"pure, pool of {workers}": pure(workers),
        "import, 1 process": full(1),
        f"import, pool of {workers}": full(workers),
    }
    from django.db import connection

    print(f"files: {len(items)}  database: {connection.vendor}  CPUs: {default_workers()}")
    for name, rate in rates.items():
        print(f"{name:<22} {rate:8.1f} files/s")
    names = list(rates)
    print(f"pool / single, pure step: {rates[names[1]] / rates[names[0]]:.2f}×")
    print(f"pool / single, import:    {rates[names[3]] / rates[names[2]]:.2f}×")
    return 0


if __name__ == "__main__":
    sys.exit(main())
