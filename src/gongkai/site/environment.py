"""Settings read from the environment, each checked with a Chinese message when malformed.

A configuration error raises InputError (a GongkaiError): the commands print it as one line.
Imported by the settings, so it does not import Django.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping

from gongkai.errors import InputError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
CHANNELS = ("sms", "email")
_DOTTED = re.compile(r"[A-Za-z_]\w*(\.[A-Za-z_]\w*)+")


def flag(name: str, environ: Mapping[str, str] = os.environ) -> bool:
    value = environ.get(name, "").strip().lower()
    if value in ("", "0", "false", "no", "off"):
        return False
    if value in ("1", "true", "yes", "on"):
        return True
    raise InputError(f"环境变量 {name} 的值“{value}”无效，请写 1（开启）或 0（关闭）")


def integer(name: str, default: int, environ: Mapping[str, str] = os.environ) -> int:
    value = environ.get(name, "").strip()
    if not value:
        return default
    if not value.isascii() or not value.isdigit():
        raise InputError(f"环境变量 {name} 的值“{value}”无效，请写一个非负整数")
    return int(value)


def words(name: str, environ: Mapping[str, str] = os.environ) -> list[str]:
    return [part.strip() for part in environ.get(name, "").split(",") if part.strip()]


def senders(environ: Mapping[str, str] = os.environ) -> dict[str, str]:
    """GONGKAI_SENDERS="sms=机构.短信.send,email=gongkai.ledger.notify.email_sender"."""
    found: dict[str, str] = {}
    for part in words("GONGKAI_SENDERS", environ):
        channel, _, path = (s.strip() for s in part.partition("="))
        if channel not in CHANNELS or not _DOTTED.fullmatch(path):
            raise InputError(
                f"环境变量 GONGKAI_SENDERS 中的“{part}”无效，"
                "应写作 渠道=函数路径，渠道为 sms 或 email，"
                "如 email=gongkai.ledger.notify.email_sender"
            )
        found[channel] = path
    return found


def networks(name: str, environ: Mapping[str, str] = os.environ) -> tuple[Network, ...]:
    """Addresses or CIDR blocks, e.g. GONGKAI_TRUSTED_PROXIES="127.0.0.1,10.0.0.0/8"."""
    found = []
    for part in words(name, environ):
        try:
            found.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise InputError(
                f"环境变量 {name} 中的“{part}”不是 IP 地址或网段，应写作 10.0.0.0/8 或 127.0.0.1"
            ) from None
    return tuple(found)
