"""Fixtures shared by the whole suite."""

import io
from collections.abc import Callable, Iterator

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.db import connections, transaction
from django.test import Client
from django.utils import translation

from core.sms import MemoryBackend
from tests.migrated_template import migrate_or_copy

# ALLOWED_HOSTS defaults to localhost, 127.0.0.1 and [::1], so the test client's usual
# "testserver" would be refused. The demo's Wagtail site is "localhost" too.
TEST_HOST = "localhost"


def clear_cache() -> None:
    """Empty the cache. On Redis, only Coéduc's keys (the cache's and the channel layer's):
    the database may be shared.

    `django.core.cache.cache` is a proxy (never an instance of the backend's class): the
    backend itself is `caches["default"]`.
    """
    backend = caches["default"]
    if isinstance(backend, RedisCache):
        redis = backend._cache.get_client(write=True)
        for pattern in (backend.make_key("*"), f"{settings.CHANNEL_LAYER_PREFIX}*"):
            keys = list(redis.scan_iter(match=pattern, count=1000))
            if keys:
                redis.delete(*keys)
    else:
        backend.clear()


@pytest.fixture(scope="session")
def _sqlite_migrated_once():
    """While pytest-django creates the test databases (and only then: `django_db_setup` undoes
    it), each SQLite one's `migrate` goes through tests/migrated_template.py."""
    import django.core.management as management

    migrate_for_real = management.call_command

    def call_command(name, *args, **options):
        alias = options.get("database", "default")
        if name != "migrate" or connections[alias].vendor != "sqlite":
            return migrate_for_real(name, *args, **options)
        return migrate_or_copy(lambda: migrate_for_real(name, *args, **options), alias)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(management, "call_command", call_command)
        yield patch


@pytest.fixture(scope="session")
def django_db_setup(_sqlite_migrated_once, django_db_setup):
    """pytest-django's, with `_sqlite_migrated_once` in place while it runs (asked for first)."""
    _sqlite_migrated_once.undo()
    yield


@pytest.fixture(autouse=True)
def english_by_default(request):
    """Behaviour tests read the English source strings (and reverse() gives /en/ URLs);
    tests about languages ask for theirs in the URL. Browser tests read pages as users do."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    with translation.override("en"):
        yield


@pytest.fixture(autouse=True)
def _clean_cache_and_outboxes():
    """Rate limits are counted in the cache, and each test reads only its own SMS."""
    clear_cache()
    MemoryBackend.outbox.clear()
    yield
    clear_cache()
    MemoryBackend.outbox.clear()


@pytest.fixture
def client():
    return Client(HTTP_HOST=TEST_HOST)


@pytest.fixture
def demo(db):
    """The demo content of `manage.py load_demo` (territories, accounts, home pages)."""
    call_command("load_demo", stdout=io.StringIO())


def for_the_module(django_db_blocker, build: Callable[[], object]) -> Iterator[object]:
    """What `build` makes, once for a whole test module, in a transaction rolled back at its
    end (a module-scoped fixture yields from this).

    Like Django's `TestCase.setUpTestData`: each test's own transaction is a savepoint inside
    this one, so whatever a test changes is undone before the next test. Not for
    `transaction=True` tests.
    """
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build()
        except BaseException:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            raise
    try:
        yield built
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def _demo_for_the_module(django_db_setup, django_db_blocker):
    """`load_demo` once for a whole test module (see `for_the_module`)."""
    yield from for_the_module(
        django_db_blocker, lambda: call_command("load_demo", stdout=io.StringIO())
    )


@pytest.fixture
def shared_demo(_demo_for_the_module, db):
    """The demo content, loaded once per test module (`load_demo` takes seconds).

    Not for `transaction=True` tests. Once a test of a module has asked for it, the demo
    content stays there for the module's later tests: they must not collide with it.
    """
