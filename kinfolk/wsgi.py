"""WSGI entry point (gunicorn kinfolk.wsgi)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kinfolk.settings")
application = get_wsgi_application()
