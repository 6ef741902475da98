"""The public portal through the Django test client: apply, track, and what it must not leak."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from gongkai.application.identity import resident_check
from gongkai.ledger.models import Application, OutboxMessage
from gongkai.portal.models import Attachment, Tracking

from .conftest import PNG, World, application_form


def submit(client: Client, world: World, **overrides: object) -> tuple[Client, str]:
    response = client.post(f"/open/{world.agency.pk}/apply/", application_form(**overrides))
    assert response.status_code == 200
    body = response.content.decode()
    match = re.search(r'id="tracking-code">([A-Z0-9-]+)<', body)
    assert match, body[:2000]
    return client, match.group(1)


def lookup(client: Client, code: str, phone: str) -> str:
    return client.post("/open/track/", {"code": code, "phone": phone}).content.decode()


def test_public_pages_need_no_login(world: World) -> None:
    client = Client()
    for url in (
        "/open/",
        f"/open/{world.agency.pk}/",
        f"/open/{world.agency.pk}/catalogue/",
        f"/open/{world.agency.pk}/reports/",
        f"/open/{world.agency.pk}/apply/",
        "/open/track/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        assert "政府信息公开" in response.content.decode()


def test_apply_online_then_track(world: World, django_capture_on_commit_callbacks: object) -> None:
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        client, code = submit(Client(), world)
    app = Application.objects.get()
    assert app.channel == "online" and app.agency == world.agency and app.due_on is not None
    assert app.id_number_hash and Tracking.objects.get().application == app
    assert code not in str(Tracking.objects.values_list("code_hash", flat=True)[0])
    page = lookup(client, code.lower().replace("-", " "), "13912345678")
    assert "办理中" in page and app.serial in page
    assert "张敏" not in page and "110101199001011237" not in page and "13912345678" not in page
    sent = OutboxMessage.objects.filter(application=app)
    assert {m.channel for m in sent} == {"sms", "email"} and app.serial in sent[0].body


def test_lookup_never_says_which_part_was_wrong(world: World) -> None:
    client, code = submit(Client(), world)
    wrong_phone = lookup(client, code, "13900000000")
    wrong_code = lookup(client, "AAAA-BBBB-CCCC", "13912345678")
    assert "没有找到" in wrong_phone
    strip = lambda page: re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*"', "", page)  # noqa: E731
    assert strip(wrong_phone) == strip(wrong_code)


def test_the_form_needs_the_contents_of_article_29(world: World) -> None:
    response = Client().post(
        f"/open/{world.agency.pk}/apply/", application_form(description="", confirm="")
    )
    assert response.status_code == 200 and Application.objects.count() == 0
    assert "这个字段是必填项" in response.content.decode() or "必填" in response.content.decode()


def test_rate_limit_by_address(world: World) -> None:
    client = Client()
    for i in range(10):
        first = f"11010119900101{i:03d}"
        submit(client, world, id_number=first + resident_check(first))
    response = client.post(
        f"/open/{world.agency.pk}/apply/", application_form(id_number="110101199001019992")
    )
    assert "提交过于频繁" in response.content.decode()
    assert Application.objects.count() == 10


def test_rate_limit_by_identity(world: World) -> None:
    for i in range(5):
        submit(Client(REMOTE_ADDR=f"10.0.0.{i}"), world)
    response = Client(REMOTE_ADDR="10.0.0.99").post(
        f"/open/{world.agency.pk}/apply/", application_form()
    )
    assert "提交过于频繁" in response.content.decode()


def test_rate_limit_on_lookup(world: World) -> None:
    client = Client()
    for _ in range(30):
        lookup(client, "AAAA-BBBB-CCCC", "13912345678")
    assert "查询过于频繁" in lookup(client, "AAAA-BBBB-CCCC", "13912345678")


def _upload(name: str, data: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="application/octet-stream")


def test_identity_upload_is_checked_and_stored_outside_the_web_root(world: World) -> None:
    submit(Client(), world, identity_files=[_upload("身份证.png", PNG)])
    item = Attachment.objects.get()
    assert item.content_type == "image/png" and item.size == len(PNG)
    stored = Path(settings.GONGKAI_UPLOAD_DIR) / item.stored_name
    assert stored.read_bytes() == PNG
    assert Path(settings.STATIC_ROOT) not in stored.parents


@pytest.mark.parametrize(
    ("files", "words"),
    [
        ([("virus.png", b"MZ\x90\x00" + b"\x00" * 64)], "不是 JPG、PNG 或 PDF"),
        ([("big.pdf", b"%PDF-1.4" + b"\x00" * (5 * 1024 * 1024))], "超过 5 MB"),
        ([(f"{i}.png", PNG) for i in range(4)], "最多上传 3 个文件"),
    ],
)
def test_bad_uploads_are_refused(world: World, files: list[tuple[str, bytes]], words: str) -> None:
    data = application_form(identity_files=[_upload(n, d) for n, d in files])
    response = Client().post(f"/open/{world.agency.pk}/apply/", data)
    assert words in response.content.decode()
    assert Application.objects.count() == 0 and Attachment.objects.count() == 0


def test_attachments_only_for_the_agencys_own_staff(world: World) -> None:
    submit(Client(), world, identity_files=[_upload("id.png", PNG)])
    item = Attachment.objects.get()
    for user, status in ((world.clerk, 200), (world.stranger, 404), (world.supervisor, 404)):
        client = Client()
        client.force_login(user)
        response = client.get(f"/attachments/{item.pk}/")
        assert response.status_code == status, user
        if status == 200:
            assert b"".join(response.streaming_content) == PNG  # type: ignore[attr-defined]
    assert Client().get(f"/attachments/{item.pk}/").status_code == 302  # to the login page


def test_hostile_input_is_escaped_everywhere(world: World) -> None:
    submit(
        Client(),
        world,
        applicant_name="<script>alert(1)</script>",
        description="<img src=x onerror=alert(1)>",
    )
    app = Application.objects.get()
    client = Client()
    client.force_login(world.clerk)
    for url in (f"/applications/{app.pk}/", "/", "/outbox/"):
        body = client.get(url).content.decode()
        assert "<script>alert(1)" not in body and "<img src=x" not in body


def test_csrf_is_enforced(world: World) -> None:
    client = Client(enforce_csrf_checks=True)
    response = client.post(f"/open/{world.agency.pk}/apply/", application_form())
    assert response.status_code == 403 and Application.objects.count() == 0


def test_large_text_mode(world: World) -> None:
    client = Client()
    response = client.get(f"/open/text-size/?next=/open/{world.agency.pk}/")
    assert response.status_code == 302 and response.cookies["large"].value == "1"
    assert 'class="large"' in client.get(f"/open/{world.agency.pk}/").content.decode()
    assert client.get("/open/text-size/?next=https://evil.example/")["Location"] == "/open/"


def test_a_published_report_is_shown_as_locked(world: World) -> None:
    from datetime import date

    world.register(received_on=date(2025, 3, 3))
    world.lock(2025)
    world.register(received_on=date(2025, 4, 1), correction_reason="补登记")  # after publication
    listing = Client().get(f"/open/{world.agency.pk}/reports/").content.decode()
    assert "2025 年政府信息公开工作年度报告" in listing
    page = Client().get(f"/open/{world.agency.pk}/reports/2025/").content.decode()
    assert "第三部分 收到和处理政府信息公开申请情况" in page
    # The page shows the report as published: one application, not the one added since.
    assert re.search(r"一、本年新收政府信息公开申请数量</th>\s*<td>\s*1</td>", page)
