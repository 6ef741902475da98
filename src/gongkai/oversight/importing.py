"""A batch import: a directory or a ZIP → stored reports, failures listed, resumable.

Workers (a process pool, or a Dask cluster) run the pure step (`reading.process`); this process
writes each report in its own transaction. Files whose content hash is already stored are skipped
before any work, so a re-run after a crash carries on where it stopped, with no duplicate.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import islice
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from gongkai.batch import run_batch
from gongkai.errors import InputError
from gongkai.oversight.actions import report_store
from gongkai.oversight.agencies import AgencyIndex
from gongkai.oversight.models import CorpusReport, ImportFailure, ImportRun, Region
from gongkai.oversight.reading import Item, digest, process, read_bytes
from gongkai.oversight.sources import ZipLimits, collect
from gongkai.oversight.workers import interrupt_dead, this_process

#: Reports stored per commit (the counters are written with them).
COMMIT_EVERY = 25


def run_import(
    source: str | Path,
    *,
    region: Region,
    by: User | None = None,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int], object] | None = None,
    started: Callable[[int], object] | None = None,
    limits: ZipLimits | None = None,
    label: str | None = None,
    run: ImportRun | None = None,
) -> ImportRun:
    """Import every file of `source` into `region`. `started(total)` is called once the files
    are counted; `progress(n)` after each n files (skipped, stored or failed). `run`: a queued
    run claimed by a worker (`workers.run_one`); otherwise a new run is recorded. Runs whose
    process died without finishing are marked interrupted first."""
    interrupt_dead()
    sources = collect(source, limits or ZipLimits())
    if run is None:
        run = ImportRun.objects.create(
            source=label or str(source), by=by, region=region, **this_process()
        )
    for name, reason in sources.refused:
        ImportFailure.objects.create(run=run, file=name[:500], reason=reason)
    run.failed = len(sources.refused)
    run.total = len(sources.items) + len(sources.refused)
    run.save()
    if started:
        started(run.total)
    if progress and sources.refused:
        progress(len(sources.refused))

    todo = _not_yet_stored(sources.items, run, progress)
    agencies = AgencyIndex(region)
    outcomes = run_batch(process, todo, workers=workers, scheduler=scheduler, progress=progress)
    while chunk := list(islice(outcomes, COMMIT_EVERY)):
        # One commit per chunk, each report still in its own savepoint: a crash loses at most
        # the chunk, whole, and the re-run stores it again; a commit per report costs more than
        # reading the report does.
        with transaction.atomic():
            for outcome in chunk:
                if not outcome.ok:
                    ImportFailure.objects.create(
                        run=run, file=outcome.name[:500], reason=outcome.reason
                    )
                    run.failed += 1
                elif report_store(outcome=outcome, agencies=agencies, run=run) is None:
                    run.skipped += 1
                else:
                    run.done += 1
            run.save(update_fields=["done", "skipped", "failed"])
    run.finished_at = timezone.now()
    run.state = ImportRun.FINISHED
    run.save()
    return run


def _not_yet_stored(
    items: list[Item], run: ImportRun, progress: Callable[[int], object] | None
) -> list[Item]:
    """The items whose content is not stored yet; the others are counted as skipped."""
    known = set(CorpusReport.objects.values_list("sha256", flat=True))
    todo: list[Item] = []
    for item in items:
        try:
            data = read_bytes(item)
        except InputError:
            todo.append(item)  # the worker reports why
            continue
        if not data.strip():
            todo.append(item)  # every empty file is a failure of its own, not a duplicate
            continue
        sha = digest(data)
        if sha in known:
            run.skipped += 1
            if progress:
                progress(1)
        else:
            known.add(sha)  # the same content twice in one batch is imported once
            todo.append(item)
    run.save(update_fields=["skipped"])
    return todo


def summary(run: ImportRun) -> str:
    """One Chinese line: what the run did."""
    return (
        f"共 {run.total} 个文件：新导入 {run.done} 份报告，"
        f"已存在跳过 {run.skipped} 个，失败 {run.failed} 个"
    )
