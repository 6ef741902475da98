"""An uploaded archive is read by a separate, bounded worker process, never by the server: the
upload is queued, a real `gongkai corpus work` process imports it, the run's page follows it; a run
whose process died is marked interrupted."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gongkai.oversight import importing, reading, workers
from gongkai.oversight.importing import run_import
from gongkai.oversight.models import ImportRun
from gongkai.oversight.workers import this_process

from ..ledger.conftest import login
from .conftest import make_regions, write_corpus


def _zip_of(directory: Path) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                z.write(path, path.relative_to(directory).as_posix())
    buffer.seek(0)
    buffer.name = "reports.zip"
    return buffer


def _follow(client: Client, location: str, timeout: float = 60) -> str:
    """The run's page once the run has ended (the page starts a worker if none runs)."""
    deadline = time.monotonic() + timeout
    while True:
        page = client.get(location).content.decode()
        if 'http-equiv="refresh"' not in page:
            return page
        assert time.monotonic() < deadline, "the worker never finished the run"
        time.sleep(0.5)


@pytest.fixture
def spool(settings: Any, tmp_path: Path) -> Iterator[Path]:
    """The spool directory; at the end, the test's worker processes have ended (a worker left
    over would take the next test's runs)."""
    settings.GONGKAI_IMPORT_DIR = tmp_path / "imports"
    yield tmp_path / "imports"
    for process in workers._started:
        process.wait(timeout=120)


def _server_never_parses(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> Any:
        raise AssertionError("the server process read an uploaded archive")

    monkeypatch.setattr(importing, "collect", refuse)
    monkeypatch.setattr(importing, "process", refuse)
    monkeypatch.setattr(reading, "extract", refuse)


def test_an_upload_is_read_by_a_worker_process(
    transactional_db: None, tmp_path: Path, spool: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    regions = make_regions()
    corpus = write_corpus(tmp_path / "corpus", 3)
    _server_never_parses(monkeypatch)
    client = login(regions.east_supervisor)
    assert client.get("/oversight/import/").status_code == 200
    response = client.post(
        "/oversight/import/", {"archive": _zip_of(tmp_path / "corpus"), "region": regions.east.pk}
    )
    assert response.status_code == 302
    run = ImportRun.objects.get()
    assert response["Location"] == f"/oversight/runs/{run.pk}/"
    assert run.state in (ImportRun.QUEUED, ImportRun.RUNNING)
    (spooled,) = spool.glob("upload-*.zip")
    assert spooled.stat().st_mode & 0o777 == 0o600
    first = client.get(response["Location"]).content.decode()
    assert 'http-equiv="refresh"' in first and "run-state" in first  # follows without script

    page = _follow(client, response["Location"])
    assert "已完成" in page and "新导入 3 份报告" in page and "失败 2 个" in page
    for bad in corpus.bad:
        assert bad in page
    run.refresh_from_db()
    assert run.state == ImportRun.FINISHED and run.by == regions.east_supervisor
    assert run.pid is not None and run.pid != os.getpid()
    assert not spooled.exists(), "the spooled upload is removed once read"
    assert login(regions.west_supervisor).get(response["Location"]).status_code == 404


def test_a_region_out_of_reach_is_refused(
    transactional_db: None, tmp_path: Path, spool: Path
) -> None:
    regions = make_regions()
    write_corpus(tmp_path / "corpus", 1, bad=False)
    client = login(regions.east_supervisor)
    response = client.post(
        "/oversight/import/", {"archive": _zip_of(tmp_path / "corpus"), "region": regions.west.pk}
    )
    assert response.status_code == 400 and "请选择报告所属的地区" in response.content.decode()
    assert not ImportRun.objects.exists() and not list(spool.glob("upload-*"))


REPORTS = 400  # in an archive too large for one second of CPU


def test_a_run_over_its_cpu_time_is_stopped(
    transactional_db: None, tmp_path: Path, spool: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The worker's child runs under RLIMIT_CPU: with a limit of one second it is stopped and
    the run says why (the server process is untouched). The archive holds work for several CPU
    seconds however fast the reader gets (30 reports once took more than one; now they may not)."""
    monkeypatch.setenv("GONGKAI_IMPORT_CPU_SECONDS", "1")
    regions = make_regions()
    write_corpus(tmp_path / "corpus", REPORTS, bad=False)
    client = login(regions.east_supervisor)
    response = client.post(
        "/oversight/import/", {"archive": _zip_of(tmp_path / "corpus"), "region": regions.east.pk}
    )
    page = _follow(client, response["Location"])
    run = ImportRun.objects.get()
    assert run.state == ImportRun.FAILED, page
    assert "处理时间上限" in run.error and run.error in page
    assert run.done < REPORTS


def test_a_dead_run_is_marked_interrupted_when_the_next_import_starts(
    db: None, tmp_path: Path
) -> None:
    regions = make_regions()
    ended = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"],
        check=True,
        capture_output=True,
        text=True,
    )
    dead = ImportRun.objects.create(
        source="killed", region=regions.east, **{**this_process(), "pid": int(ended.stdout)}
    )
    alive = ImportRun.objects.create(source="running", region=regions.east, **this_process())
    elsewhere = ImportRun.objects.create(
        source="elsewhere", region=regions.east, host="another-host", pid=1
    )
    (tmp_path / "empty").mkdir()
    run_import(tmp_path / "empty", region=regions.east, workers=1)
    states = dict(ImportRun.objects.values_list("source", "state"))
    assert states[dead.source] == ImportRun.INTERRUPTED
    assert states[alive.source] == ImportRun.RUNNING  # this process is still running it
    assert states[elsewhere.source] == ImportRun.RUNNING  # only its host can tell
    page = login(regions.east_supervisor).get(f"/oversight/runs/{dead.pk}/").content.decode()
    assert "已中断" in page and "重新导入同一批文件即可继续" in page
