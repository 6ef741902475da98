"""Shared fixtures: where the seed reports and their gold files are."""

from __future__ import annotations

import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
#: The five seed reports and their gold files, copied from shared/seeds so that a clone tests
#: on its own (tests/test_seed_copy.py holds the copy to the original when it is beside us).
SEEDS = ROOT / "tests" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
GOLD = SEEDS / "gold"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    assert GOLD.is_dir(), f"the seed gold files are expected at {GOLD}"
    return GOLD


def gold(name: str) -> Path:
    """The gold file whose name starts with `name` (e.g. "001")."""
    (path,) = GOLD.glob(f"{name}_*.json")
    return path


#: The date the site takes as today in every test (`gongkai.site.clock`), whatever the real calendar
#: says: a Monday in the last weeks of a year whose successor has no built-in holiday schedule, so
#: that what the site counts from "today" runs into a provisional year, the case that broke in
#: December 2026 (issue 12). A test that needs another day sets `settings.GONGKAI_TODAY` itself.
SITE_TODAY = date(2026, 12, 14)


@pytest.fixture(autouse=True)
def site_today(settings: Any) -> date:
    settings.GONGKAI_TODAY = SITE_TODAY
    return SITE_TODAY


def pytest_sessionstart(session: pytest.Session) -> None:
    """Without the seeds, every test parametrized over them would silently vanish."""
    if not any(GOLD.glob("*.json")):
        raise pytest.UsageError(
            f"the seed reports and their gold files are expected at {GOLD}; "
            "without them the tests over the seeds would not run"
        )


#: The tests' data directory (GONGKAI_HOME): a fresh one per run, never the user's real one.
TEST_HOME = Path(tempfile.mkdtemp(prefix="gongkai-test-home-"))
TEST_HASH_KEY = "test-hash-key"


def pytest_configure(config: pytest.Config) -> None:
    """Tests create many users; the production password hasher is slow on purpose.

    The settings were imported (by pytest-django) before this file, from the real environment:
    point them, and every `gongkai` command the tests start, at a temporary data directory."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    os.environ["GONGKAI_HOME"] = str(TEST_HOME)
    os.environ["GONGKAI_HASH_KEY"] = settings.GONGKAI_HASH_KEY = TEST_HASH_KEY
    settings.STATIC_ROOT = TEST_HOME / "static"
    settings.STATIC_ROOT.mkdir()
    settings.GONGKAI_UPLOAD_DIR = TEST_HOME / "uploads"
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("sqlite3"):
        database["NAME"] = str(TEST_HOME / "gongkai.sqlite3")
        database["TEST"]["NAME"] = str(TEST_HOME / "test.sqlite3")


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(TEST_HOME, ignore_errors=True)


@pytest.fixture
def live_site(transactional_db: None) -> Iterator[str]:
    """The site on waitress, the server `gongkai serve` runs, in a thread of this process."""
    from django.core.cache import cache
    from django.core.wsgi import get_wsgi_application
    from django.db import connections
    from waitress.server import create_server

    cache.clear()  # the site's cache is a table, which flushing the test database keeps

    # Server threads close their connection after each request, so the test database can be
    # dropped at the end (persistent connections would keep it "in use" on PostgreSQL).
    settings_dict = connections["default"].settings_dict
    kept, settings_dict["CONN_MAX_AGE"] = settings_dict.get("CONN_MAX_AGE", 0), 0
    server = create_server(
        get_wsgi_application(), host="127.0.0.1", port=0, threads=16, backlog=256
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.effective_port}"
    server.close()
    thread.join(timeout=10)
    settings_dict["CONN_MAX_AGE"] = kept
