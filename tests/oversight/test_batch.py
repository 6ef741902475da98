"""The batch runner: the same results in one process, on a process pool and on a Dask cluster."""

from __future__ import annotations

from pathlib import Path

import pytest

from gongkai.batch import BatchError, run_batch
from gongkai.oversight.reading import Item, Outcome, process

from ..conftest import SEEDS


def _items() -> list[Item]:
    return [Item(p.name, str(p)) for p in sorted(SEEDS.glob("*.txt"))]


def _key(outcomes: list[Outcome]) -> list[tuple[str, str, bool, str]]:
    return sorted((o.name, o.sha256, o.ok, str(o.report)) for o in outcomes)


def test_pool_gives_what_one_process_gives() -> None:
    ticks: list[int] = []
    serial = list(run_batch(process, _items(), workers=1))
    pooled = list(run_batch(process, _items(), workers=2, progress=ticks.append))
    assert _key(pooled) == _key(serial)
    assert sum(ticks) == len(serial) == 5
    assert all(o.ok for o in serial)


def test_a_bad_item_does_not_stop_the_batch(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"")
    items = [
        Item("a.txt", str(tmp_path / "a.txt")),
        Item("missing.txt", str(tmp_path / "x")),
        *_items(),
    ]
    outcomes = list(run_batch(process, items, workers=2))
    failed = {o.name: o.reason for o in outcomes if not o.ok}
    assert failed == {"a.txt": "文件为空", "missing.txt": failed["missing.txt"]}
    assert "无法读取" in failed["missing.txt"]
    assert sum(o.ok for o in outcomes) == 5


def test_more_items_than_in_flight_all_come_back() -> None:
    items = _items() * 5  # 25 items, more than 2 workers × 4 in flight
    assert len(list(run_batch(process, items, workers=2))) == 25


def test_workers_must_be_positive() -> None:
    with pytest.raises(BatchError, match="至少为 1"):
        list(run_batch(process, _items(), workers=0))


@pytest.mark.slow
def test_dask_cluster_gives_what_one_process_gives() -> None:
    distributed = pytest.importorskip("distributed")
    serial = list(run_batch(process, _items() * 3, workers=1))
    with distributed.LocalCluster(
        processes=True, n_workers=2, threads_per_worker=1, dashboard_address=None
    ) as cluster:
        ticks: list[int] = []
        on_dask = list(
            run_batch(
                process, _items() * 3, scheduler=cluster.scheduler_address, progress=ticks.append
            )
        )
    assert _key(on_dask) == _key(serial)
    assert sum(ticks) == 15


def test_unreachable_scheduler_is_a_clear_error() -> None:
    with pytest.raises(BatchError, match="无法连接 Dask 调度器"):
        list(run_batch(process, _items(), scheduler="tcp://127.0.0.1:9"))
