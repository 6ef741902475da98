"""Shift every Python process of a test run to another day (issue 12: no test depends on today).

CI runs the whole suite again with `PYTHONPATH=tests/shifted_clock` and
`GONGKAI_SHIFTED_CLOCK=2026-12-20T10:00:00` (then `2027-06-01T10:00:00`): Python imports this module
at start-up in the test process and in every Python process it starts (`gongkai` in a subprocess,
pool workers), and their wall clock starts at that moment, in Beijing time, and ticks on. The
monotonic clock is left alone, so timeouts and sleeps behave. libfaketime was tried first: with
Python 3.11 it either hangs every lock taken with a timeout or fails every sleep.
"""

from __future__ import annotations

import os

_moment = os.environ.get("GONGKAI_SHIFTED_CLOCK")
if _moment:
    from datetime import datetime
    from zoneinfo import ZoneInfo

    import time_machine

    _start = datetime.fromisoformat(_moment).replace(tzinfo=ZoneInfo("Asia/Shanghai"))
    time_machine.travel(_start, tick=True).start()
