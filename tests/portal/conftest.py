from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache

from ..ledger.conftest import World, world

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.fixture(autouse=True)
def _fresh_limits_and_uploads(
    db: None, tmp_path: Path, settings: pytest.FixtureRequest
) -> Iterator[None]:
    """The counts live in the database cache (a table that a transactional test's flush keeps)."""
    cache.clear()
    settings.GONGKAI_UPLOAD_DIR = tmp_path / "uploads"  # type: ignore[attr-defined]
    yield
    cache.clear()


def application_form(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "applicant_kind": "natural_person",
        "applicant_name": "张敏",
        "id_number": "110101199001011237",
        "phone": "139 1234 5678",
        "email": "zhang@example.com",
        "address": "示例市人民路 2 号",
        "description": "申请公开某地块征收补偿方案",
        "form_wanted": "电子",
        "delivery": "电子邮件",
        "confirm": "on",
    }
    data.update(overrides)
    return data


__all__ = ["PNG", "World", "application_form", "world"]
