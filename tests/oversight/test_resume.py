"""An import killed halfway (SIGKILL, no chance to clean up) and run again: every report stored
once, none lost, none partial."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.db.models import Count

from gongkai.oversight.models import CorpusReport, ImportRun
from gongkai.oversight.workers import database_url
from gongkai.report import interchange

from .conftest import write_corpus


def _import(directory: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "GONGKAI_DATABASE_URL": database_url()}
    command = [sys.executable, "-m", "gongkai", "corpus", "import", str(directory)]
    return subprocess.Popen(
        [*command, "--workers", "1", "--region", "示例省/示例市/东区"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )


@pytest.mark.slow
def test_killed_import_resumes_without_duplicates_or_loss(
    transactional_db: None, tmp_path: Path
) -> None:
    corpus = write_corpus(tmp_path, 80, bad=False)
    process = _import(tmp_path)
    deadline = time.monotonic() + 120
    while CorpusReport.objects.count() < 10:
        assert process.poll() is None, process.communicate()[1].decode()
        assert time.monotonic() < deadline, "the import never got going"
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait()
    halfway = CorpusReport.objects.count()
    assert 10 <= halfway < 80, "the import was not interrupted halfway"
    killed = ImportRun.objects.get()
    assert killed.state == ImportRun.RUNNING  # nobody has looked yet

    again = _import(tmp_path)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err.decode()
    assert "新导入" in out.decode() and "失败 0 个" in out.decode()
    run = ImportRun.objects.order_by("-pk").first()
    assert run is not None and run.done + run.skipped == 80
    assert run.skipped >= halfway
    killed.refresh_from_db()
    assert killed.state == ImportRun.INTERRUPTED, "the next import marks the killed run"
    assert run.state == ImportRun.FINISHED

    assert CorpusReport.objects.count() == 80
    assert set(CorpusReport.objects.values_list("source_name", flat=True)) == set(corpus.truth)
    for stored in CorpusReport.objects.annotate(n=Count("cells")):
        expected = len(list(interchange.from_dict(stored.report).cells()))
        assert stored.n == expected > 0, f"{stored.source_name} is partial"
