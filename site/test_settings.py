"""Settings for the test suite: the real settings, with what tests need on top.

The database and channel layer still come from DATABASE_URL and REDIS_URL, so the same
suite runs on SQLite/in-memory and on PostgreSQL/Redis.
"""

import atexit
import os
import secrets
import shutil
import tempfile
from urllib.parse import urlsplit, urlunsplit

os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(50))
os.environ.setdefault("SMS_BACKEND", "core.sms.MemoryBackend")


def _redis_url_of_this_worker(url: str, worker: str) -> str:
    """The Redis database of one pytest-xdist worker: gw0 keeps the given one, gw1 the one
    below it, and so on. Each worker empties its cache keys around every test and has rooms of
    its own; on one database they would wipe each other's rate limits and hear each other's
    rooms. Servers the tests start inherit the changed REDIS_URL, so they share the worker's."""
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0)
    index = int(worker.removeprefix("gw"))
    return urlunsplit(parts._replace(path=f"/{(database - index) % 16}"))


# Once per worker process: the servers it starts import these settings again.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")
if _worker and os.environ.get("REDIS_URL") and os.environ.get("COEDUC_TEST_WORKER") != _worker:
    os.environ["REDIS_URL"] = _redis_url_of_this_worker(os.environ["REDIS_URL"], _worker)
    os.environ["COEDUC_TEST_WORKER"] = _worker

# Recordings written by the tests (the demo's question asked by voice among them) go to a
# folder of this run, removed at its end, never to the checkout's var/private/voice; the
# servers a test starts inherit it.
if "ROOMS_VOICE_ROOT" not in os.environ:
    os.environ["ROOMS_VOICE_ROOT"] = tempfile.mkdtemp(prefix="coeduc-test-voice-")
    atexit.register(shutil.rmtree, os.environ["ROOMS_VOICE_ROOT"], True)

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
