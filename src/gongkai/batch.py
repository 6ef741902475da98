"""Run one pure function over many items in parallel: a local process pool by default, a Dask
distributed cluster when given its scheduler address.

    for result in run_batch(read_one, paths, workers=4, progress=bar.update):
        store(result)

Results come back as they finish (not in input order). `function` and the items must be picklable
(a module-level function, plain data); the function should catch what it expects and return it as
data, so one bad item never stops the batch. At most a bounded number of items is in flight, so a
batch of 20,000 files does not hold 20,000 futures.
"""

from __future__ import annotations

import ctypes
import importlib
import os
import signal
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from itertools import islice
from typing import Any, TypeVar

from gongkai.errors import GongkaiError

T = TypeVar("T")
R = TypeVar("R")

#: Items in flight per worker: enough to keep workers busy, few enough to bound memory.
IN_FLIGHT_PER_WORKER = 4


class BatchError(GongkaiError):
    code = "batch"


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)


def run_batch(
    function: Callable[[T], R],
    items: Iterable[T],
    *,
    workers: int | None = None,
    scheduler: str | None = None,
    progress: Callable[[int], object] | None = None,
) -> Iterator[R]:
    """Yield `function(item)` for every item, as each finishes. `workers=1` without a scheduler
    runs in this process (no pool: the single-process baseline and the easiest to debug)."""
    if scheduler:
        yield from _on_dask(function, items, scheduler, workers, progress)
        return
    count = default_workers() if workers is None else workers
    if count < 1:
        raise BatchError(f"工作进程数必须至少为 1，实际为 {count}")
    if count == 1:
        for item in items:
            result = function(item)
            if progress:
                progress(1)
            yield result
        return
    with ProcessPoolExecutor(max_workers=count, initializer=end_with_parent) as pool:
        yield from _bounded(pool.submit, function, items, count, progress)


def end_with_parent() -> None:
    """On Linux, a worker ends when the process that started it is killed: a SIGKILLed import
    (resumable by design) must not leave idle workers behind."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass  # elsewhere: workers end when their queue closes


def _bounded(
    submit: Callable[..., Any],
    function: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    progress: Callable[[int], object] | None,
) -> Iterator[R]:
    limit = workers * IN_FLIGHT_PER_WORKER
    pending: set[Future[R]] = set()
    source = iter(items)
    exhausted = False
    while pending or not exhausted:
        while not exhausted and len(pending) < limit:
            try:
                item = next(source)
            except StopIteration:
                exhausted = True
                break
            pending.add(submit(function, item))
        if not pending:
            break
        done, pending = wait(pending, return_when=FIRST_COMPLETED)
        for future in done:
            result = future.result()
            if progress:
                progress(1)
            yield result


def _on_dask(
    function: Callable[[T], R],
    items: Iterable[T],
    scheduler: str,
    workers: int | None,
    progress: Callable[[int], object] | None,
) -> Iterator[R]:
    try:
        distributed: Any = importlib.import_module("distributed")  # untyped: kept behind Any
    except ImportError:
        raise BatchError("使用 Dask 集群需要安装可选依赖：pip install 'gongkai[dask]'") from None
    try:
        client = distributed.Client(scheduler, timeout=10)
    except (OSError, TimeoutError) as exc:
        raise BatchError(f"无法连接 Dask 调度器 {scheduler}：{exc}") from None
    try:
        nworkers = workers or max(1, len(client.scheduler_info().get("workers", {})))
        limit = nworkers * IN_FLIGHT_PER_WORKER
        source = iter(items)
        # pure=False: two equal items (e.g. the same path re-queued) are still two tasks.
        first = [client.submit(function, item, pure=False) for item in islice(source, limit)]
        queue = distributed.as_completed(first)
        for future in queue:
            result: R = future.result()
            future.release()
            if progress:
                progress(1)
            yield result
            for item in islice(source, 1):
                queue.add(client.submit(function, item, pure=False))
    finally:
        client.close()
