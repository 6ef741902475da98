"""The processes that read uploaded archives: the web server never parses an uploaded document.

An upload is spooled to `GONGKAI_IMPORT_DIR` and queued as an `ImportRun`; the site then starts
`python -m gongkai corpus work`, a process of its own (not a thread of the server), which claims
queued runs one at a time and reads each in a child process bounded in address space
(`GONGKAI_IMPORT_MEMORY_MB`) and CPU time (`GONGKAI_IMPORT_CPU_SECONDS`). At most
`GONGKAI_IMPORT_WORKERS` such processes run at once: each holds a slot (a locked file) while it
works; one that finds no free slot ends at once, and one that gives its slot up looks at the queue
again, so no queued run is left waiting.

A run records the process running it (host, pid and the process's start time, so a reused pid is
not mistaken for it). A run whose process has ended without finishing it — killed, or the machine
restarted — is marked interrupted when the next import starts or when its page is shown.
"""

from __future__ import annotations

import fcntl
import os
import resource
import signal
import socket
import subprocess
import sys
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any
from urllib.parse import quote

from django.conf import settings
from django.contrib.auth.models import User
from django.db import connection
from django.utils import timezone

from gongkai.errors import GongkaiError
from gongkai.oversight.models import ImportRun, Region

#: Started worker processes, polled so that ended ones are reaped (no zombies under the server);
#: the server's threads share the list.
_started: list[subprocess.Popen[bytes]] = []
_starting = threading.Lock()


def import_dir() -> Path:
    path = Path(settings.GONGKAI_IMPORT_DIR)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


# --- which process runs a run ---------------------------------------------------------------


def _start_ticks(pid: int) -> str | None:
    """The process's start time in clock ticks since boot; None when it has ended (a zombie has
    ended too). Linux only: elsewhere a live pid is taken to be the same process."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return None
    except OSError:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        return ""
    return None if fields[0] in ("Z", "X") else fields[19]


def this_process() -> dict[str, Any]:
    """The fields of `ImportRun` naming the calling process."""
    pid = os.getpid()
    return {"host": socket.gethostname(), "pid": pid, "pid_started": _start_ticks(pid) or ""}


def _alive(run: ImportRun) -> bool:
    """Whether the process recorded on a running run still runs it. A run on another host is
    taken to be alive: only that host can tell."""
    if run.host != socket.gethostname() or run.pid is None:
        return run.host != socket.gethostname()
    ticks = _start_ticks(run.pid)
    return ticks is not None and (not run.pid_started or ticks == run.pid_started)


def interrupt_dead() -> int:
    """Mark every running run whose process has ended as interrupted; how many were."""
    marked = 0
    for run in ImportRun.objects.filter(state=ImportRun.RUNNING, host=socket.gethostname()):
        if not _alive(run):
            marked += ImportRun.objects.filter(pk=run.pk, state=ImportRun.RUNNING).update(
                state=ImportRun.INTERRUPTED
            )
            _discard_upload(run)
    return marked


def _discard_upload(run: ImportRun) -> None:
    if run.upload:
        Path(run.upload).unlink(missing_ok=True)


# --- the site's side: queue an upload, start a worker ----------------------------------------


def enqueue(chunks: Iterable[bytes], *, label: str, region: Region, by: User | None) -> ImportRun:
    """Spool an uploaded archive (0600, under a random name) and queue its run. Nothing of the
    archive is read here."""
    path = import_dir() / f"upload-{uuid.uuid4().hex}.zip"
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return ImportRun.objects.create(
        source=label[:500], by=by, region=region, state=ImportRun.QUEUED, upload=str(path)
    )


def database_url() -> str:
    """The database this process uses, as a URL for a worker's `GONGKAI_DATABASE_URL` (under
    tests, the test database)."""
    params = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{params['NAME']}"
    user = quote(str(params.get("USER") or ""), safe="")
    password = params.get("PASSWORD") or ""
    login = f"{user}:{quote(str(password), safe='')}" if password else user
    host = params.get("HOST") or "127.0.0.1"
    port = params.get("PORT") or 5432
    return f"postgres://{login}@{host}:{port}/{quote(str(params['NAME']), safe='')}"


def _command(*args: str) -> list[str]:
    return [*settings.GONGKAI_IMPORT_COMMAND, "corpus", "work", *args]


def _environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE")
        or settings.SETTINGS_MODULE
        or "gongkai.site.settings",
        "GONGKAI_DATABASE_URL": database_url(),
        "GONGKAI_IMPORT_DIR": str(import_dir()),
    }


def start_worker() -> bool:
    """Start a worker process if there is queued work and a free slot; whether one was started.
    The worker outlives the request and the server (its own session)."""
    with _starting:
        return _start_worker()


def _start_worker() -> bool:
    for process in list(_started):
        if process.poll() is not None:
            _started.remove(process)
    if not ImportRun.objects.filter(state=ImportRun.QUEUED).exists():
        return False
    if not any(_slot_free(i) for i in range(settings.GONGKAI_IMPORT_WORKERS)):
        return False
    with (import_dir() / "worker.log").open("ab") as log:
        os.chmod(log.name, 0o600)
        _started.append(
            subprocess.Popen(
                _command(),
                env=_environment(),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=log,
                start_new_session=True,
            )
        )
    return True


# --- slots -----------------------------------------------------------------------------------


def _slot_path(number: int) -> Path:
    return import_dir() / f"slot-{number}.lock"


def _slot_free(number: int) -> bool:
    with _slot_path(number).open("a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(handle, fcntl.LOCK_UN)
        return True


@contextmanager
def _slot() -> Iterator[IO[str] | None]:
    """Hold a free slot while the block runs (None when every slot is taken)."""
    for number in range(settings.GONGKAI_IMPORT_WORKERS):
        handle = _slot_path(number).open("a")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            continue
        try:
            yield handle
        finally:
            handle.close()  # closing the file releases the lock
        return
    yield None


# --- the worker's side -----------------------------------------------------------------------


def work() -> int:
    """The worker process: claim queued runs while holding a slot, each read by a bounded child
    process. Returns how many runs it took."""
    taken = 0
    while True:
        with _slot() as held:
            if held is None:
                return taken
            while (run := _claim()) is not None:
                _supervise(run)
                taken += 1
        # The slot is free again: a run queued while every slot was taken is ours to take.
        if not ImportRun.objects.filter(state=ImportRun.QUEUED).exists():
            return taken


def _claim() -> ImportRun | None:
    interrupt_dead()
    for run in ImportRun.objects.filter(state=ImportRun.QUEUED).order_by("pk"):
        claimed = ImportRun.objects.filter(pk=run.pk, state=ImportRun.QUEUED).update(
            state=ImportRun.RUNNING, **this_process()
        )
        if claimed:
            return ImportRun.objects.get(pk=run.pk)
    return None


def _supervise(run: ImportRun) -> None:
    """Run one import in a child process and record how it ended if it could not."""
    child = subprocess.run(
        _command("--run", str(run.pk)),
        env=_environment(),
        stdin=subprocess.DEVNULL,
        check=False,
    )
    if not ImportRun.objects.filter(pk=run.pk, state=ImportRun.RUNNING).exists():
        return
    if child.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        seconds = settings.GONGKAI_IMPORT_CPU_SECONDS
        error = f"导入超过处理时间上限（CPU {seconds} 秒），已停止；已导入的报告保留"
    else:
        error = f"导入进程意外结束（退出码 {child.returncode}）；已导入的报告保留"
    ImportRun.objects.filter(pk=run.pk, state=ImportRun.RUNNING).update(
        state=ImportRun.FAILED, error=error, finished_at=timezone.now()
    )
    _discard_upload(run)


class TimeLimit(BaseException):
    """The CPU-time limit was reached (SIGXCPU); not an `Exception`, so that no per-file handler
    swallows it."""


def _time_limit(signum: int, frame: object) -> None:
    raise TimeLimit


def bound_this_process() -> None:
    """Limit the calling process's address space and CPU time (the settings); SIGXCPU at the
    soft CPU limit stops the run cleanly, the hard limit 30 s later kills it."""
    memory = settings.GONGKAI_IMPORT_MEMORY_MB * 1024 * 1024
    cpu = settings.GONGKAI_IMPORT_CPU_SECONDS
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 30))
    signal.signal(signal.SIGXCPU, _time_limit)


def run_one(pk: int) -> None:
    """The child process: import run `pk` (claimed by its worker), bounded."""
    from gongkai.batch import end_with_parent
    from gongkai.oversight.importing import run_import

    end_with_parent()
    bound_this_process()
    run = ImportRun.objects.get(pk=pk)
    ImportRun.objects.filter(pk=pk).update(**this_process())
    run.refresh_from_db()
    try:
        run_import(run.upload, region=run.region, by=run.by, workers=1, run=run)  # type: ignore[arg-type]
    except GongkaiError as exc:
        _end(run, exc.message)
    except TimeLimit:
        seconds = settings.GONGKAI_IMPORT_CPU_SECONDS
        _end(run, f"导入超过处理时间上限（CPU {seconds} 秒），已停止；已导入的报告保留")
    except MemoryError:
        _end(run, "导入所需内存超过上限，已停止；已导入的报告保留")
    finally:
        _discard_upload(run)


def _end(run: ImportRun, error: str) -> None:
    ImportRun.objects.filter(pk=run.pk).update(
        state=ImportRun.FAILED, error=error, finished_at=timezone.now()
    )
    print(f"导入 {run.pk} 无法完成：{error}", file=sys.stderr)
