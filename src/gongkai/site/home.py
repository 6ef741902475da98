"""The site's data directory (GONGKAI_HOME): one place for every command, wherever it runs from.

It holds the SQLite database, the uploaded identity documents, the collected static files and two
secrets, each in its own file readable by the owner only:

- `secret_key`: Django's SECRET_KEY (sessions, CSRF, password-reset links); can be rotated.
- `hash_key`: keys the hashes of tracking codes and of applicants' ID numbers; rotating it makes
  every tracking code already issued unusable, so it is kept apart from SECRET_KEY.

Importing the settings reads this directory and creates nothing in it; the commands (`gongkai
serve`, `gongkai remind`, …) and the WSGI entry call `prepare()` first, which creates what is
missing. This module is imported by the settings, so it does not import Django at module level.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from gongkai.errors import GongkaiError

DATABASE_FILE = "gongkai.sqlite3"
SECRET_KEY_FILE = "secret_key"
HASH_KEY_FILE = "hash_key"
#: Where versions before GONGKAI_HOME kept their data: `./var` in the directory the site ran from.
LEGACY_DIR = "var"


def data_home(environ: Mapping[str, str] = os.environ) -> Path:
    """GONGKAI_HOME; else the per-user data directory of the XDG convention."""
    if chosen := environ.get("GONGKAI_HOME") or environ.get("GONGKAI_DATA_DIR"):  # the old name
        return Path(chosen).expanduser().resolve()
    user = Path(environ["HOME"]) if environ.get("HOME") else Path.home()
    base = environ.get("XDG_DATA_HOME") or str(user / ".local" / "share")
    return (Path(base).expanduser() / "gongkai").resolve()


def read_secret(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8").strip() or None
    except FileNotFoundError:
        return None


def uses_sqlite(environ: Mapping[str, str] = os.environ) -> bool:
    return environ.get("GONGKAI_DATABASE_URL", "sqlite").startswith("sqlite")


def legacy_data(cwd: Path, home: Path, environ: Mapping[str, str] = os.environ) -> Path | None:
    """An old `./var` with a database or a key, when no GONGKAI_HOME says where the data is."""
    if environ.get("GONGKAI_HOME") or environ.get("GONGKAI_DATA_DIR"):
        return None
    old = (cwd / LEGACY_DIR).resolve()
    if old == home or not any((old / name).exists() for name in (DATABASE_FILE, SECRET_KEY_FILE)):
        return None
    return old


def prepare(*, require_database: bool = False, environ: Mapping[str, str] = os.environ) -> Path:
    """Make the data directory ready before the settings are imported; return it.

    Refuses to start beside an old `./var` (its data would seem lost behind a new empty database)
    and, with `require_database` (`gongkai remind`), when there is no database yet: a command run
    from cron in another folder must not start a new empty one.
    """
    home = data_home(environ)
    if old := legacy_data(Path.cwd(), home, environ):
        raise GongkaiError(
            f"发现旧版本的数据目录 {old}（数据库和密钥）。新版本的数据统一保存在 {home}。"
            f"请停止网站后把数据移过去：mkdir -p {home.parent} && mv {old} {home}"
            f"（{home} 已存在时，把 {old} 中的文件移入其中）；"
            f"或者设置环境变量 GONGKAI_HOME={old} 继续使用原目录（所有命令都要设置）"
        )
    database = home / DATABASE_FILE
    if require_database and uses_sqlite(environ) and not database.exists():
        raise GongkaiError(
            f"数据目录 {home} 中没有数据库。请先运行 gongkai serve 创建，"
            "或设置环境变量 GONGKAI_HOME 指向网站的数据目录（与运行 gongkai serve 时相同）"
        )
    os.umask(0o077)  # every file this process writes (database, uploads, exports) is the owner's
    try:
        _make(home, environ)
    except OSError as exc:
        raise GongkaiError(
            f"无法准备数据目录 {home}（{exc.strerror}：{exc.filename}），"
            "请检查目录的所有者和权限，或用环境变量 GONGKAI_HOME 指定另一个目录"
        ) from None
    return home


def _make(home: Path, environ: Mapping[str, str]) -> None:
    """The directory, its two keys, and owner-only modes on what is there already."""
    database = home / DATABASE_FILE
    home.mkdir(parents=True, exist_ok=True, mode=0o700)
    home.chmod(0o700)
    (home / "static").mkdir(exist_ok=True)  # collectstatic fills it; WhiteNoise wants it there
    secret_key = environ.get("GONGKAI_SECRET_KEY") or read_secret(home / SECRET_KEY_FILE)
    if not environ.get("GONGKAI_HASH_KEY"):
        # First start after an upgrade: hashes were keyed with SECRET_KEY, so the hash key starts
        # as that value and every tracking code already issued keeps working.
        _create(home / HASH_KEY_FILE, secret_key or secrets.token_urlsafe(50))
    if not environ.get("GONGKAI_SECRET_KEY"):
        _create(home / SECRET_KEY_FILE, secret_key or secrets.token_urlsafe(50))
    for path in (database, *home.glob(DATABASE_FILE + "-*"), home / "uploads"):
        if path.exists():
            path.chmod(0o700 if path.is_dir() else 0o600)
    for path in (home / "uploads").glob("*"):
        path.chmod(0o600)


def _create(path: Path, value: str) -> None:
    """Write the file once, owner-only and whole: written aside, then linked into place, so that
    a process starting at the same moment reads either nothing or all of it, and keeps the first."""
    aside = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    fd = os.open(aside, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        out.write(value)
    try:
        os.link(aside, path)
    except FileExistsError:
        path.chmod(0o600)
    finally:
        aside.unlink()


def keyed_hash(purpose: str, value: str) -> str:
    """HMAC-SHA256 of `value` under the site's hash key, one derived key per purpose."""
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    secret: str = settings.GONGKAI_HASH_KEY
    if not secret:
        raise ImproperlyConfigured(
            "没有用于跟踪码和身份证件号码的密钥：请先运行 gongkai serve，或设置环境变量 GONGKAI_HASH_KEY"
        )
    key = hashlib.sha256(f"gongkai-{purpose}:{secret}".encode()).digest()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def setup_django(*, require_database: bool = False) -> Path:
    """Every command's start: prepare the data directory, then load the site; return the
    directory. Where the site is loaded already (a command run inside the tests), only that."""
    import django
    from django.apps import apps

    if apps.ready:
        return data_home()
    home = prepare(require_database=require_database)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.site.settings")
    django.setup()
    if require_database:
        from django.db import connection

        if "django_migrations" not in connection.introspection.table_names():
            raise GongkaiError(
                "数据库中还没有台账数据。请先运行 gongkai serve 创建，"
                "或检查 GONGKAI_HOME、GONGKAI_DATABASE_URL 是否与网站使用的相同"
            )
    return home
