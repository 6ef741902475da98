"""The set-up every site benchmark shares: settings for a throwaway database (a fresh SQLite file
in a temporary directory, or the database GONGKAI_DATABASE_URL names), migrated and emptied."""

from __future__ import annotations

import os
import tempfile


def fresh_database() -> None:
    os.environ["GONGKAI_HOME"] = tempfile.mkdtemp(prefix="gongkai-bench-")  # never the real data
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.site.settings"
    os.environ.setdefault("GONGKAI_ALLOWED_HOSTS", "127.0.0.1,localhost")
    from gongkai.site.home import setup_django

    setup_django()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)  # the rate limits' counts, as `gongkai serve`
    call_command("flush", interactive=False, verbosity=0)
