"""Settings for the test suite: the real settings, with what tests need on top.

The database and channel layer still come from DATABASE_URL and REDIS_URL, so the same
suite runs on SQLite/in-memory and on PostgreSQL/Redis.
"""

import os
import secrets

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("SMS_BACKEND", "core.sms.MemoryBackend")

from .settings import *  # noqa: E402, F403
from .settings import STORAGES  # noqa: E402

# Background tasks run at once, in the test's own transaction.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# No collectstatic before tests: plain storage, WhiteNoise serves from the finders.
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
