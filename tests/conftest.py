"""Fixtures shared by the whole suite."""

import io

import pytest
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.core.management import call_command
from django.test import Client

from parents.sms import MemoryBackend

# ALLOWED_HOSTS defaults to localhost, 127.0.0.1 and [::1], so the test client's usual
# "testserver" would be refused. The demo's Wagtail site is "localhost" too.
TEST_HOST = "localhost"


def clear_cache() -> None:
    """Empty the cache. On Redis, only Coéduc's keys: the database may be shared."""
    if isinstance(cache, RedisCache):
        redis = cache._cache.get_client(write=True)
        keys = list(redis.scan_iter(match=cache.make_key("*"), count=1000))
        if keys:
            redis.delete(*keys)
    else:
        cache.clear()


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
