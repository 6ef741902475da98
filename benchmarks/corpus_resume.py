"""The oversight acceptance run (issue #8): a generated corpus imported by `gongkai corpus import`
in a child process, killed with SIGKILL partway, imported again, then held to its truth.

    python benchmarks/corpus_resume.py [--count 20000] [--workers 2] [--kill-at 0.5]

Passes (exit 0) when every file the generator did not damage or duplicate is stored exactly once,
every damaged file is in the failure list, and every stored cell equals the value its file was
generated from or is flagged. Prints the time of each part. Uses a fresh SQLite database in a
temporary directory, or PostgreSQL when GONGKAI_DATABASE_URL is set (then it must be empty).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=20_000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--kill-at", type=float, default=0.5, help="share stored before the kill")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)

    os.environ["GONGKAI_HOME"] = tempfile.mkdtemp(prefix="gongkai-accept-")  # never the real data
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.site.settings"
    from gongkai.site.home import setup_django

    setup_django()
    from django.core.management import call_command

    from gongkai.corpus.generate import generate_corpus
    from gongkai.corpus.manifest import Outcome
    from gongkai.corpus.verify import expected_cells
    from gongkai.oversight.models import Cell, CorpusReport, ImportFailure

    call_command("migrate", verbosity=0, interactive=False)
    if CorpusReport.objects.exists():
        print("the database already holds reports: give an empty one", file=sys.stderr)
        return 2
    corpus = Path(tempfile.mkdtemp(prefix="gongkai-corpus-"))
    start = time.perf_counter()
    manifest = generate_corpus(corpus, args.count, seed=args.seed)
    print(f"generated {args.count} files in {time.perf_counter() - start:.0f} s: {corpus}")
    expected = {
        e.file: e
        for e in manifest.entries
        if e.outcome is not Outcome.FAILS and e.duplicate_of is None
    }
    command = [sys.executable, "-m", "gongkai", "corpus", "import", str(corpus)]
    command += ["--workers", str(args.workers), "--region", "验收省/验收市"]

    start = time.perf_counter()
    child = subprocess.Popen(command, start_new_session=True)
    target = int(len(expected) * args.kill_at)
    while child.poll() is None and CorpusReport.objects.count() < target:
        time.sleep(0.5)
    if child.poll() is not None:
        print("the import ended before the kill: use a larger --count", file=sys.stderr)
        return 2
    os.killpg(child.pid, signal.SIGKILL)
    child.wait()
    killed_at = CorpusReport.objects.count()
    print(f"killed after {killed_at} reports ({time.perf_counter() - start:.0f} s)")

    start = time.perf_counter()
    subprocess.run(command, check=True)
    print(f"resumed and finished in {time.perf_counter() - start:.0f} s")

    problems: list[str] = []
    stored = dict(CorpusReport.objects.values_list("source_name", "pk"))
    missing = expected.keys() - stored.keys()
    extra = stored.keys() - expected.keys()
    problems += [f"not stored: {name}" for name in sorted(missing)]
    problems += [f"stored but should not be: {name}" for name in sorted(extra)]
    failed = set(ImportFailure.objects.values_list("file", flat=True))
    problems += [
        f"damaged but not listed as a failure: {e.file}"
        for e in manifest.entries
        if e.outcome is Outcome.FAILS and e.file not in failed
    ]
    names = {pk: name for name, pk in stored.items()}
    wrong = flagged = cells = 0
    want: dict[int, dict[str, object]] = {}
    for cell in Cell.objects.filter(report__in=stored.values()).iterator(chunk_size=20_000):
        cells += 1
        if cell.flagged:
            flagged += 1
            continue
        if cell.report_id not in want:
            want[cell.report_id] = dict(expected_cells(expected[names[cell.report_id]].values))
        if want[cell.report_id].get(cell.path) != cell.value:
            wrong += 1
            if wrong <= 20:
                problems.append(f"{names[cell.report_id]} {cell.path}: {cell.value}")
    print(
        f"stored {len(stored)} of {len(expected)} expected reports; {len(failed)} failures listed;"
        f" {cells} cells, {flagged} flagged, {wrong} wrong without a flag"
    )
    for problem in problems[:40]:
        print("  " + problem)
    return 1 if problems or wrong else 0


if __name__ == "__main__":
    sys.exit(main())
