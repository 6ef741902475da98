"""The site's date: the one place the web app and its commands read the calendar.

Deadlines are counted in working days from dates the site takes as "today" (receipt of an online
application, a letter's date, the reminders' day). Setting `GONGKAI_TODAY` (an ISO date) fixes that
day: the tests run on a fixed date whatever the real calendar says, and a demonstration can be
shown as of a chosen day. Unset, it is the local date in `TIME_ZONE` (Asia/Shanghai).
"""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.utils import timezone


def current_date() -> date:
    fixed = getattr(settings, "GONGKAI_TODAY", None)
    if fixed:
        return fixed if isinstance(fixed, date) else date.fromisoformat(str(fixed))
    return timezone.localdate()
