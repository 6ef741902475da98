from __future__ import annotations

from typing import Any

from django.db.models import Model

from gongkai.ledger.access import Actor
from gongkai.ledger.models import Agency, AuditEntry


def audit(*, actor: Actor, agency: Agency | None, action: str, obj: Model, **details: Any) -> None:
    """Record who did what. Callers pass ids and codes only, never personal data."""
    AuditEntry.objects.create(
        user=actor,
        agency=agency,
        action=action,
        object_type=obj._meta.model_name or "",
        object_id=str(obj.pk),
        details={k: _plain(v) for k, v in details.items()},
    )


def _plain(value: Any) -> Any:
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, Model):
        return value.pk
    return value
