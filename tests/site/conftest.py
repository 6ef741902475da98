from __future__ import annotations

from ..ledger.conftest import World, world

__all__ = ["World", "world"]
