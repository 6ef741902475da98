"""The WSGI entry for any server (`gongkai serve` runs it on waitress)."""

import os

from django.core.wsgi import get_wsgi_application

from gongkai.site.home import prepare

prepare()  # before the settings are read: the data directory and its keys
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gongkai.site.settings")
application = get_wsgi_application()
