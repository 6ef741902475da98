"""Rate limits for the public form and the status lookup, by address and by identity.

Counts live in Django's cache: the default in-process cache serves `gongkai serve` (one process);
several processes need a shared cache (e.g. Redis) configured in CACHES.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


APPLY_BY_ADDRESS = Limit("apply-address", 10, 3600)
APPLY_BY_IDENTITY = Limit("apply-identity", 5, 3600)
LOOKUP_BY_ADDRESS = Limit("lookup-address", 30, 600)
LOOKUP_BY_CODE = Limit("lookup-code", 10, 600)


def hit(limit: Limit, key: str) -> bool:
    """Count one attempt; False when the limit is exceeded (the attempt is refused)."""
    cache_key = f"gongkai:throttle:{limit.name}:{key}"
    if cache.add(cache_key, 1, timeout=limit.seconds):
        return True
    try:
        return int(cache.incr(cache_key)) <= limit.count
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=limit.seconds)
        return True
