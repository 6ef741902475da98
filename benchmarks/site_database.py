"""The set-up every site benchmark shares: settings for a throwaway database (a fresh SQLite file
in a temporary directory, or the database GONGKAI_DATABASE_URL names), migrated and emptied."""

from __future__ import annotations

import os
import tempfile


def fresh_database() -> None:
    os.environ.setdefault("GONGKAI_DATA_DIR", tempfile.mkdtemp(prefix="gongkai-bench-"))
    os.environ["DJANGO_SETTINGS_MODULE"] = "gongkai.site.settings"
    os.environ.setdefault("GONGKAI_ALLOWED_HOSTS", "127.0.0.1,localhost")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("flush", interactive=False, verbosity=0)
