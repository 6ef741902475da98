"""Rate limits for the public form, the status lookup and staff logins, by address and by identity.

Counts live in Django's cache, which the site keeps in its database (CACHES): they hold across
every process of the site. Behind a reverse proxy, the client's address comes from the proxy's
X-Forwarded-For only when the direct peer is a trusted proxy (GONGKAI_TRUSTED_PROXIES).
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


@dataclass(frozen=True)
class Limit:
    name: str
    count: int
    seconds: int


APPLY_BY_ADDRESS = Limit("apply-address", 10, 3600)
APPLY_BY_IDENTITY = Limit("apply-identity", 5, 3600)
LOOKUP_BY_ADDRESS = Limit("lookup-address", 30, 600)
LOOKUP_BY_CODE = Limit("lookup-code", 10, 600)


def client_address(request: HttpRequest) -> str:
    """The client's address: the direct peer, unless that is a trusted proxy; then the nearest
    address in X-Forwarded-For (read from the right) that is not a trusted proxy. Entries left of
    it are the client's own claims and never read."""
    address = str(request.META.get("REMOTE_ADDR", "")) or "unknown"
    forwarded = str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    while _trusted(address) and forwarded:
        hop = forwarded.pop().strip()
        if not hop:
            break
        address = hop
    return address


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.GONGKAI_TRUSTED_PROXIES)


def _key(limit: Limit, key: str) -> str:
    return f"gongkai:throttle:{limit.name}:{key}"


def exceeded(limit: Limit, key: str) -> bool:
    """Whether the limit is reached already, without counting an attempt."""
    return int(cache.get(_key(limit, key), 0)) >= limit.count


def forget(limit: Limit, key: str) -> None:
    cache.delete(_key(limit, key))


def hit(limit: Limit, key: str) -> bool:
    """Count one attempt; False when the limit is exceeded (the attempt is refused)."""
    cache_key = _key(limit, key)
    if cache.add(cache_key, 1, timeout=limit.seconds):
        return True
    try:
        return int(cache.incr(cache_key)) <= limit.count
    except ValueError:  # expired between add and incr
        cache.add(cache_key, 1, timeout=limit.seconds)
        return True
