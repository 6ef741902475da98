"""Shared fixtures: where the seed reports and their gold files are."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SEEDS / "gold"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    assert GOLD.is_dir(), f"the seed gold files are expected at {GOLD}"
    return GOLD


def gold(name: str) -> Path:
    """The gold file whose name starts with `name` (e.g. "001")."""
    (path,) = GOLD.glob(f"{name}_*.json")
    return path


def pytest_configure(config: pytest.Config) -> None:
    """Tests create many users; the production password hasher is slow on purpose."""
    from django.conf import settings

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
