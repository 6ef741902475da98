"""One data directory for every command, wherever it runs from (issue 14), owner-only files
(issue 15), and tracking codes that survive the upgrade that split the hash key from SECRET_KEY."""

from __future__ import annotations

import hashlib
import hmac
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from gongkai.errors import GongkaiError, InputError
from gongkai.ledger.applicant import identity_hash
from gongkai.portal.models import Tracking
from gongkai.portal.tracking import code_hash
from gongkai.site import environment
from gongkai.site.home import data_home, prepare

from ..ledger.conftest import World

#: What locates the data; each test gives its own.
OWN = (
    "GONGKAI_HOME",
    "GONGKAI_DATA_DIR",
    "GONGKAI_SECRET_KEY",
    "GONGKAI_HASH_KEY",
    "GONGKAI_DATABASE_URL",
    "XDG_DATA_HOME",
)


def _environ(user: Path, **extra: str) -> dict[str, str]:
    """A user whose home is `user`, with no GONGKAI_HOME: the default data directory."""
    env = {k: v for k, v in os.environ.items() if k not in OWN}
    return {**env, "HOME": str(user), **extra}


def _gongkai(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "gongkai", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(autouse=True)
def _umask() -> Iterator[None]:
    """prepare() sets the process's umask (owner-only files): give it back after each test."""
    kept = os.umask(0o022)
    os.umask(kept)
    yield
    os.umask(kept)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_default_data_directory_is_per_user_and_follows_xdg(tmp_path: Path) -> None:
    assert data_home({"HOME": str(tmp_path)}) == tmp_path / ".local" / "share" / "gongkai"
    xdg = {"HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "xdg")}
    assert data_home(xdg) == tmp_path / "xdg" / "gongkai"
    assert data_home({**xdg, "GONGKAI_HOME": str(tmp_path / "h")}) == tmp_path / "h"
    assert data_home({**xdg, "GONGKAI_DATA_DIR": str(tmp_path / "d")}) == tmp_path / "d"  # old name


def test_importing_the_settings_creates_nothing(tmp_path: Path) -> None:
    work, user = tmp_path / "work", tmp_path / "user"
    work.mkdir()
    done = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.DATABASES)"],
        cwd=work,
        env=_environ(user, DJANGO_SETTINGS_MODULE="gongkai.site.settings"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert str(user / ".local" / "share" / "gongkai" / "gongkai.sqlite3") in done.stdout
    assert list(work.iterdir()) == []  # no ./var
    assert not user.exists()


def test_remind_from_cron_in_another_folder_uses_the_sites_data(tmp_path: Path) -> None:
    checkout, elsewhere, user = tmp_path / "checkout", tmp_path / "cron", tmp_path / "user"
    checkout.mkdir()
    elsewhere.mkdir()
    home = user / ".local" / "share" / "gongkai"
    env = _environ(user)

    refused = _gongkai("remind", "--today", "2026-03-02", cwd=elsewhere, env=env)
    assert refused.returncode == 2, refused.stderr
    assert f"数据目录 {home} 中没有数据库" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert not home.exists()  # no new empty database

    served = _gongkai("serve", "--check-only", "--no-demo", cwd=checkout, env=env)
    assert served.returncode == 0, served.stderr
    assert f"数据目录：{home}" in served.stdout
    reminded = _gongkai("remind", "--today", "2026-03-02", cwd=elsewhere, env=env)
    assert reminded.returncode == 0, reminded.stderr
    assert "已写入 0 条提醒" in reminded.stdout
    assert list(checkout.iterdir()) == list(elsewhere.iterdir()) == []

    # Data at rest: the directory and every file in it are the owner's only (issue 15).
    assert _mode(home) == 0o700
    for name in ("gongkai.sqlite3", "secret_key", "hash_key"):
        assert _mode(home / name) == 0o600, name


def test_an_old_var_directory_is_never_left_behind_silently(tmp_path: Path) -> None:
    checkout, user = tmp_path / "checkout", tmp_path / "user"
    (checkout / "var").mkdir(parents=True)
    (checkout / "var" / "gongkai.sqlite3").write_bytes(b"")
    (checkout / "var" / "secret_key").write_text("old-key", encoding="utf-8")
    home = user / ".local" / "share" / "gongkai"

    refused = _gongkai("serve", "--check-only", "--no-demo", cwd=checkout, env=_environ(user))
    assert refused.returncode == 2, refused.stderr
    assert f"发现旧版本的数据目录 {checkout / 'var'}" in refused.stderr
    assert f"mv {checkout / 'var'} {home}" in refused.stderr
    assert "GONGKAI_HOME=" in refused.stderr
    assert not home.exists()

    kept = _environ(user, GONGKAI_HOME=str(checkout / "var"))
    served = _gongkai("serve", "--check-only", "--no-demo", cwd=tmp_path, env=kept)
    assert served.returncode == 0, served.stderr
    # The old key keys the hashes: codes issued before the upgrade keep working.
    assert (checkout / "var" / "hash_key").read_text(encoding="utf-8") == "old-key"


def _old_hash(purpose: str, secret_key: str, value: str) -> str:
    """How tracking codes and ID numbers were hashed before the hash key existed."""
    key = hashlib.sha256(f"gongkai-{purpose}:{secret_key}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def test_tracking_codes_issued_before_the_upgrade_keep_working(
    world: World, settings: Any, tmp_path: Path
) -> None:
    old_secret = "an-old-install-secret-key"
    (tmp_path / "secret_key").write_text(old_secret, encoding="utf-8")
    application = world.register(phone="13912345678")
    Tracking.objects.create(
        application=application, code_hash=_old_hash("tracking", old_secret, "K7QM3XRT9CWD")
    )
    identity = _old_hash("identity", old_secret, "110101198001011232")

    prepare(environ={"GONGKAI_HOME": str(tmp_path)})  # the first start after the upgrade
    settings.GONGKAI_HASH_KEY = (tmp_path / "hash_key").read_text(encoding="utf-8")
    settings.SECRET_KEY = "rotated-after-the-upgrade"
    assert code_hash("k7qm-3xrt-9cwd") == Tracking.objects.get().code_hash
    assert identity_hash("110101198001011232") == identity
    page = Client().post("/open/track/", {"code": "K7QM-3XRT-9CWD", "phone": "139 1234 5678"})
    assert application.serial in page.content.decode()


def test_a_new_install_gets_a_hash_key_of_its_own(tmp_path: Path) -> None:
    prepare(environ={"GONGKAI_HOME": str(tmp_path)})
    secret = (tmp_path / "secret_key").read_text(encoding="utf-8")
    hash_key = (tmp_path / "hash_key").read_text(encoding="utf-8")
    assert len(secret) >= 50 and len(hash_key) >= 50 and secret != hash_key
    prepare(environ={"GONGKAI_HOME": str(tmp_path)})  # later starts keep both
    assert (tmp_path / "hash_key").read_text(encoding="utf-8") == hash_key


def test_an_upgraded_world_readable_database_becomes_the_owners(tmp_path: Path) -> None:
    tmp_path.chmod(0o755)
    (tmp_path / "gongkai.sqlite3").write_bytes(b"")
    (tmp_path / "gongkai.sqlite3").chmod(0o644)
    (tmp_path / "uploads").mkdir(mode=0o755)
    (tmp_path / "uploads" / "a1b2").write_bytes(b"id card")
    (tmp_path / "uploads" / "a1b2").chmod(0o644)
    prepare(environ={"GONGKAI_HOME": str(tmp_path)})
    assert _mode(tmp_path) == 0o700
    assert _mode(tmp_path / "gongkai.sqlite3") == 0o600
    assert _mode(tmp_path / "uploads") == 0o700
    assert _mode(tmp_path / "uploads" / "a1b2") == 0o600


def test_senders_come_from_the_environment(tmp_path: Path) -> None:
    given = {"GONGKAI_SENDERS": "email=gongkai.ledger.notify.email_sender, sms=org.sms.send"}
    assert environment.senders(given) == {
        "email": "gongkai.ledger.notify.email_sender",
        "sms": "org.sms.send",
    }
    with pytest.raises(InputError, match=r"GONGKAI_SENDERS 中的“fax=org\.fax”无效"):
        environment.senders({"GONGKAI_SENDERS": "fax=org.fax"})
    done = subprocess.run(
        [sys.executable, "-c", "from django.conf import settings; print(settings.GONGKAI_SENDERS)"],
        env=_environ(tmp_path, DJANGO_SETTINGS_MODULE="gongkai.site.settings", **given),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "'sms': 'org.sms.send'" in done.stdout, done.stderr


def test_a_data_directory_that_cannot_be_made_is_one_chinese_line(tmp_path: Path) -> None:
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    with pytest.raises(GongkaiError, match="无法准备数据目录"):
        prepare(environ={"GONGKAI_HOME": str(tmp_path / "a-file" / "gongkai")})
