"""Staff accounts that resist guessing (issue 15): a lockout by account and by address, Django's
password validators in Chinese, a change-password page, a working-day session; and pages with
personal data that no cache keeps."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from datetime import date
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client

from gongkai.site.accounts import LOCKED

from ..ledger.conftest import World, login


def _login(client: Client, username: str, password: str) -> str:
    return client.post("/login/", {"username": username, "password": password}).content.decode()


def _signed_in(client: Client) -> bool:
    return "_auth_user_id" in client.session


def test_an_account_is_locked_after_five_wrong_passwords(world: World) -> None:
    for i in range(5):  # from five addresses: the account's own count
        page = _login(Client(REMOTE_ADDR=f"10.0.0.{i}"), "clerk", f"guess-{i}")
        assert "用户名或密码不正确" in page or LOCKED in page
    client = Client(REMOTE_ADDR="10.0.0.9")
    assert LOCKED in _login(client, "clerk", "pw-clerk")  # even the right password
    assert not _signed_in(client)
    assert LOCKED in _login(Client(REMOTE_ADDR="10.0.0.9"), "CLERK", "pw-clerk")
    # Other accounts are not locked, and the counts are in the database: every process sees them.
    other = Client(REMOTE_ADDR="10.0.0.9")
    _login(other, "head", "pw-head")
    assert _signed_in(other)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM gongkai_cache")
        assert cursor.fetchone()[0] >= 6


def test_the_admin_login_counts_with_the_same_counts(world: World) -> None:
    world.clerk.is_staff = True
    world.clerk.save()
    for i in range(5):
        Client().post("/admin/login/", {"username": "clerk", "password": f"guess-{i}"})
    admin = Client().post("/admin/login/", {"username": "clerk", "password": "pw-clerk"})
    assert LOCKED in admin.content.decode()
    assert LOCKED in _login(Client(), "clerk", "pw-clerk")


def test_an_address_is_locked_after_twenty_wrong_passwords(world: World) -> None:
    for i in range(20):
        _login(Client(REMOTE_ADDR="203.0.113.5"), f"nobody{i}", "guess")
    client = Client(REMOTE_ADDR="203.0.113.5")
    assert LOCKED in _login(client, "clerk", "pw-clerk")
    assert not _signed_in(client)
    elsewhere = Client(REMOTE_ADDR="203.0.113.6")
    _login(elsewhere, "clerk", "pw-clerk")
    assert _signed_in(elsewhere)


def test_a_right_password_clears_the_accounts_count(world: World) -> None:
    for _ in range(4):
        _login(Client(), "clerk", "guess")
    _login(Client(), "clerk", "pw-clerk")
    for _ in range(4):
        _login(Client(), "clerk", "guess")
    client = Client()
    _login(client, "clerk", "pw-clerk")
    assert _signed_in(client)


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("clerk123", "密码太短，至少要有 10 个字符。"),
        ("20262026", "密码只包含数字。"),
        ("password1234", "这个密码太常见了。"),
    ],
)
def test_weak_passwords_are_refused_in_chinese(world: World, password: str, message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        validate_password(password, world.clerk)
    assert message in refused.value.messages


def test_staff_change_their_own_password(world: World) -> None:
    client = login(world.clerk)
    page = client.get("/password/").content.decode()
    assert "修改密码" in page and "密码至少要有 10 个字符" in page
    weak = client.post(
        "/password/",
        {"old_password": "pw-clerk", "new_password1": "20262026", "new_password2": "20262026"},
    )
    assert "密码只包含数字" in weak.content.decode()
    done = client.post(
        "/password/",
        {
            "old_password": "pw-clerk",
            "new_password1": "Qing-he 2026 lu",
            "new_password2": "Qing-he 2026 lu",
        },
        follow=True,
    )
    assert "密码已修改" in done.content.decode()
    world.clerk.refresh_from_db()
    assert world.clerk.check_password("Qing-he 2026 lu")
    assert _signed_in(client)  # still signed in after the change
    assert 'href="/password/"' in client.get("/").content.decode()


def test_a_staff_session_lasts_one_working_day(world: World) -> None:
    client = Client()
    response = client.post("/login/", {"username": "clerk", "password": "pw-clerk"})
    assert response.status_code == 302
    assert response.cookies["sessionid"]["max-age"] == 10 * 3600


def test_demo_accounts_pass_the_validators(db: None) -> None:
    from gongkai.ledger.demo import create_demo

    made = create_demo(today=date(2026, 11, 20), rng=random.Random(3))
    for username, password in made.passwords.items():
        validate_password(password, get_user_model().objects.get(username=username))


def test_pages_with_personal_data_are_not_cached(world: World) -> None:
    application = world.register()
    client = login(world.clerk)
    for url in ("/", f"/applications/{application.pk}/", "/outbox/"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
    assert "no-store" in Client().get("/open/track/")["Cache-Control"]


def _settings_from(env: dict[str, str]) -> dict[str, Any]:
    names = (
        "SESSION_COOKIE_SECURE",
        "CSRF_COOKIE_SECURE",
        "SECURE_SSL_REDIRECT",
        "SECURE_HSTS_SECONDS",
        "SECURE_PROXY_SSL_HEADER",
        "CSRF_TRUSTED_ORIGINS",
    )
    script = (
        "import json; from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n) for n in {names!r}}}))"
    )
    base = {k: v for k, v in os.environ.items() if not k.startswith("GONGKAI_")}
    done = subprocess.run(
        [sys.executable, "-c", script],
        env={**base, "DJANGO_SETTINGS_MODULE": "gongkai.site.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, Any] = json.loads(done.stdout)
    return found


def test_https_settings_come_from_the_environment_and_are_off_by_default() -> None:
    local = _settings_from({})
    assert not local["SESSION_COOKIE_SECURE"] and not local["SECURE_SSL_REDIRECT"]
    assert local["SECURE_HSTS_SECONDS"] == 0 and local["SECURE_PROXY_SSL_HEADER"] is None
    public = _settings_from(
        {
            "GONGKAI_HTTPS": "1",
            "GONGKAI_PROXY_SSL_HEADER": "1",
            "GONGKAI_CSRF_TRUSTED_ORIGINS": "https://gk.example.gov.cn",
        }
    )
    assert public["SESSION_COOKIE_SECURE"] and public["CSRF_COOKIE_SECURE"]
    assert public["SECURE_SSL_REDIRECT"] and public["SECURE_HSTS_SECONDS"] == 31_536_000
    assert public["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert public["CSRF_TRUSTED_ORIGINS"] == ["https://gk.example.gov.cn"]


def test_behind_https_the_cookies_are_secure_and_hsts_is_sent(world: World, settings: Any) -> None:
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True
    settings.SECURE_HSTS_SECONDS = 31_536_000
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    response = Client().post(
        "/login/",
        {"username": "clerk", "password": "pw-clerk"},
        HTTP_X_FORWARDED_PROTO="https",
    )
    assert response.cookies["sessionid"]["secure"]
    assert response["Strict-Transport-Security"].startswith("max-age=31536000")
    assert settings.SESSION_COOKIE_AGE == 10 * 3600
