"""Tracking codes: shown once to the applicant, stored only as a keyed hash."""

from __future__ import annotations

import hmac
import re
import secrets

from gongkai.site.home import keyed_hash

# No 0/O, 1/I/L: codes are read aloud and typed from paper.
ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
GROUPS, GROUP_SIZE = 3, 4


def new_code() -> str:
    """「K7QM-3XRT-9CWD」: 60 bits of randomness."""
    raw = "".join(secrets.choice(ALPHABET) for _ in range(GROUPS * GROUP_SIZE))
    return "-".join(raw[i : i + GROUP_SIZE] for i in range(0, len(raw), GROUP_SIZE))


def normalise(code: str) -> str:
    return re.sub(r"[^0-9A-Z]", "", code.upper().replace("O", "0").replace("I", "1"))


def code_hash(code: str) -> str:
    return keyed_hash("tracking", normalise(code))


def same_phone(given: str, stored: str) -> bool:
    """Compare phone numbers by their digits, in constant time."""
    a = re.sub(r"\D", "", given)[-11:]
    b = re.sub(r"\D", "", stored)[-11:]
    return bool(a) and hmac.compare_digest(a.encode(), b.encode())
