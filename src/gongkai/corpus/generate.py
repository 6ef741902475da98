"""A generated corpus of annual reports, with a manifest of what each file must read as.

    manifest = generate_corpus(Path("corpus"), 20_000, seed=1)
    python -m gongkai.corpus.generate corpus --count 20000 --seed 1

Agencies across a region tree (`gongkai.corpus.tree`), each reporting for consecutive years (so
year-on-year comparison and R5–R7 apply), its name printed in varying spellings; some agencies copy
last year's prose. Files are plain text (some GBK) and portal HTML pages with real tables, in both
editions. A share of reports carry errors the checker must find and files damage the reader must
notice (`gongkai.corpus.damage`); one file is made in `gongkai.corpus.report_file`. The same seed
makes the same corpus, byte for byte.

`years` are the years every agency may report on; about one agency in seven also reports on the
two years before (edition 2019 when those are 2019–2020), so both editions and the change of
edition appear.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from gongkai.corpus.manifest import Entry, Injected, Manifest, Outcome
from gongkai.corpus.report_file import RATES, Made, duplicate_file, make_report_file
from gongkai.corpus.tree import Agency, build_tree
from gongkai.corpus.wording import Habit
from gongkai.errors import GongkaiError, InputError


def generate_corpus(
    directory: Path,
    count: int,
    *,
    seed: int,
    years: Sequence[int] = (2021, 2022, 2023),
) -> Manifest:
    """Write `count` report files and `manifest.json` into `directory` (created if need be; it
    must be empty, so that the manifest describes every file in it)."""
    _prepare(directory, count)
    rng = random.Random(seed)
    plan = _plan(rng, count, tuple(years))
    forced = list(RATES)  # each kind at least once, on the first reports that can take it
    entries: list[Entry] = []
    for agency, run in plan:
        habit = rng.choices(list(Habit), (0.5, 0.25, 0.25))[0]
        last: Made | None = None
        for year in run:
            if len(entries) >= count:
                break
            made, entry = make_report_file(
                rng, directory, len(entries), agency, year, habit, last, forced
            )
            entries.append(entry)
            last = made
            if (
                len(entries) < count
                and (Injected.DUPLICATE in forced or rng.random() < RATES[Injected.DUPLICATE])
                and entry.outcome is not Outcome.FAILS
            ):
                if Injected.DUPLICATE in forced:
                    forced.remove(Injected.DUPLICATE)
                entries.append(duplicate_file(directory, len(entries), entry))
    variants: dict[str, set[str]] = {}
    for e in entries:
        if e.printed_agency != e.agency:
            variants.setdefault(e.agency, set()).add(e.printed_agency)
    used = {e.agency for e in entries}
    agencies = sorted(
        {a.name: a for a, _ in plan if a.name in used}.values(), key=lambda a: (*a.region, a.name)
    )
    manifest = Manifest(
        seed,
        count,
        tuple(years),
        entries,
        [a.record(tuple(sorted(variants.get(a.name, ())))) for a in agencies],
    )
    manifest.write(directory)
    return manifest


def _prepare(directory: Path, count: int) -> None:
    if count < 1:
        raise InputError(f"报告份数应为正整数，实际为 {count}")
    if directory.exists() and not directory.is_dir():
        raise InputError(f"{directory} 是文件，不是目录")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        if any(directory.iterdir()):
            raise InputError(
                f"目录 {directory} 不是空的：语料只生成到空目录，以免与已有文件混在一起"
            )
    except OSError as exc:
        raise InputError(f"无法创建目录 {directory}：{exc.strerror or exc}") from None


def _plan(rng: random.Random, count: int, years: tuple[int, ...]) -> list[tuple[Agency, list[int]]]:
    """Agencies with the consecutive years each reports on, `count` agency-years or a few more."""
    first, end = years[0], years[-1]
    tree = build_tree(rng, max(2, count // max(1, len(years) - 1)))
    plan: list[tuple[Agency, list[int]]] = []
    total = 0
    for agency in tree:
        if total >= count:
            break
        start = first - 2 if rng.random() < 0.15 and first - 2 >= 2019 else first
        if rng.random() < 0.2:
            start = rng.randint(start, end)
        stop = end if rng.random() < 0.85 else rng.randint(start, end)
        run = list(range(start, stop + 1))
        plan.append((agency, run))
        total += len(run)
    return plan


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gongkai.corpus.generate", description="生成测试用年度报告语料"
    )
    parser.add_argument("directory", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        manifest = generate_corpus(args.directory, args.count, seed=args.seed)
    except GongkaiError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - started
    print(f"已生成 {len(manifest.entries)} 份报告，用时 {seconds:.1f} 秒：{args.directory}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
