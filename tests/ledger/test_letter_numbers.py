"""Every issued letter has the agency's number: a pattern per agency and kind, counted per
pattern and year without gaps, and unique when clerks issue at the same moment (through a live
server, on PostgreSQL in CI and on SQLite here)."""

from __future__ import annotations

import re
import threading
import urllib.parse
import urllib.request
from datetime import date

import pytest

from gongkai.application.outcome import Outcome
from gongkai.errors import GongkaiError
from gongkai.ledger import actions
from gongkai.ledger.actions.letter import letter_issue, letter_settings_save
from gongkai.ledger.models import Letter, LetterNumbering
from gongkai.letters import LetterKind, MissingFacts

from .conftest import World, make_world
from .test_concurrency import _session as session

K = LetterKind


def issue(world: World, app: object, kind: LetterKind, on: date, **typed: str) -> Letter:
    return letter_issue(actor=world.clerk, application=app, kind=kind, on=on, **typed)  # type: ignore[arg-type]


def save_settings(world: World, **changes: object) -> None:
    """The agency's letter settings, as its administrator saves them."""
    given: dict[str, object] = {
        "reconsideration_body": "示例区人民政府",
        "court": "",
        "fee_payment_instructions": "",
        "letter_number_pattern": "〔{year}〕第{serial}号",
        "kind_patterns": {},
        "on": date(2025, 1, 2),
    }
    letter_settings_save(actor=world.admin, agency=world.agency, **{**given, **changes})  # type: ignore[arg-type]


def test_numbers_follow_the_pattern_per_kind_and_year_without_gaps(world: World) -> None:
    save_settings(
        world,
        letter_number_pattern="示政办告〔{year}〕第{serial}号",
        kind_patterns={K.CORRECTION_REQUEST: "示政办补〔{year}〕{serial}号"},
    )
    app = world.register(received_on=date(2025, 12, 1))
    first = issue(world, app, K.CORRECTION_REQUEST, date(2025, 12, 2), details="写明文号")
    granted = issue(world, app, K.GRANTED, date(2025, 12, 10))
    published = issue(world, app, K.GRANTED_PUBLISHED, date(2025, 12, 10), details="门户网站")
    with pytest.raises(MissingFacts):  # refused: takes no number
        issue(world, app, K.DENIED_STATE_SECRET, date(2025, 12, 11))
    denied = issue(world, app, K.DENIED_STATE_SECRET, date(2025, 12, 11), reasons="属于绝密")
    next_year = issue(world, app, K.GRANTED, date(2026, 1, 5))
    assert [first.number, granted.number, published.number, denied.number, next_year.number] == [
        "示政办补〔2025〕1号",
        "示政办告〔2025〕第1号",
        "示政办告〔2025〕第2号",
        "示政办告〔2025〕第3号",
        "示政办告〔2026〕第1号",
    ]
    assert granted.text.splitlines()[1] == "示政办告〔2025〕第1号"  # under the title
    assert LetterNumbering.objects.get().kind == K.CORRECTION_REQUEST


def test_a_pattern_without_serial_or_year_is_refused(world: World) -> None:
    for pattern, message in (("示政告〔{year}〕号", "{serial}"), ("示政告第{serial}号", "{year}")):
        with pytest.raises(GongkaiError, match=re.escape(message)):
            save_settings(world, letter_number_pattern=pattern)
    world.agency.refresh_from_db()
    assert world.agency.letter_number_pattern == "〔{year}〕第{serial}号"


CLIENTS = 12


def test_simultaneous_letters_get_unique_gapless_numbers(live_site: str) -> None:
    world = make_world()
    apps = []
    for i in range(CLIENTS):
        app = world.register(received_on=date(2025, 3, 3), applicant_name=f"申请人{i:02d}")
        apps.append(
            actions.application_close(
                actor=world.clerk, application=app, on=date(2025, 3, 20), outcome=Outcome.GRANTED
            )
        )
    sessions = [session(live_site) for _ in apps]
    barrier = threading.Barrier(CLIENTS)
    errors: list[str] = []

    def post(i: int) -> None:
        opener, token = sessions[i]
        data = urllib.parse.urlencode(
            {"csrfmiddlewaretoken": token, "kind": "granted", "on": "2025-03-20"}
        ).encode()
        request = urllib.request.Request(
            f"{live_site}/applications/{apps[i].pk}/letters/",
            data=data,
            headers={"Referer": live_site},
        )
        barrier.wait(timeout=60)
        try:
            with opener.open(request, timeout=120) as response:
                assert response.status == 200
        except Exception as exc:  # collected and reported by the assertion below
            errors.append(f"{i}: {exc}")

    threads = [threading.Thread(target=post, args=(i,)) for i in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)

    assert not errors, errors
    letters = Letter.objects.filter(application__agency=world.agency)
    assert sorted(letters.values_list("application_id", flat=True)) == [a.pk for a in apps]
    numbers = sorted(letters.values_list("number", flat=True), key=lambda n: int(n[7:-1]))
    assert numbers == [f"〔2025〕第{n}号" for n in range(1, CLIENTS + 1)]  # unique, no gaps
