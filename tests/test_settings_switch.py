"""coeduc.settings picks SQLite/in-memory or PostgreSQL/Redis from the environment.

Each case imports the settings module in a fresh interpreter with a clean environment, the
way a server process starts: nothing leaks from the environment the suite runs in.
"""

import json
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
GOOD_SECRET_KEY = secrets.token_urlsafe(50)

DUMP_SETTINGS = """
import json
from coeduc import settings
print(json.dumps({
    "engine": settings.DATABASES["default"]["ENGINE"],
    "database": settings.DATABASES["default"].get("NAME"),
    "channel_layers": settings.CHANNEL_LAYERS,
    "caches": settings.CACHES,
    "debug": settings.DEBUG,
}))
"""


def run_python(code: str, **env: str) -> subprocess.CompletedProcess:
    clean_env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **env}
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=BASE_DIR,
        env=clean_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def load_settings(**env: str) -> dict:
    result = run_python(DUMP_SETTINGS, **{"SECRET_KEY": GOOD_SECRET_KEY, **env})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_without_urls_everything_is_local():
    settings = load_settings()

    assert settings["engine"] == "django.db.backends.sqlite3"
    assert settings["database"] == str(BASE_DIR / "db.sqlite3")
    assert settings["channel_layers"]["default"]["BACKEND"] == (
        "channels.layers.InMemoryChannelLayer"
    )
    assert settings["caches"]["default"]["BACKEND"] == (
        "django.core.cache.backends.locmem.LocMemCache"
    )


def test_database_url_selects_postgresql():
    settings = load_settings(DATABASE_URL="postgres://postgres@127.0.0.1:5432/coeduc")

    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["database"] == "coeduc"
    # The database alone does not bring Redis in.
    assert settings["channel_layers"]["default"]["BACKEND"] == (
        "channels.layers.InMemoryChannelLayer"
    )


def test_redis_url_selects_the_redis_channel_layer_and_cache():
    # The core layer, asked for by name; the default with Redis is pub/sub (test below).
    settings = load_settings(REDIS_URL="redis://127.0.0.1:6379/3", CHANNEL_LAYER="core")

    layer = settings["channel_layers"]["default"]
    assert layer["BACKEND"] == "channels_redis.core.RedisChannelLayer"
    host = layer["CONFIG"]["hosts"][0]
    assert host["address"] == "redis://127.0.0.1:6379/3"
    # redis-py's default pool (100) ran out past ~100 WebSocket connects (channels_redis#422),
    # and its 5 s read timeout broke idle receive loops.
    assert host["max_connections"] >= 1000
    assert "socket_timeout" in host
    assert host["socket_timeout"] is None
    cache = settings["caches"]["default"]
    assert cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert cache["LOCATION"] == "redis://127.0.0.1:6379/3"
    assert settings["engine"] == "django.db.backends.sqlite3"


def test_redis_url_selects_the_pubsub_layer_by_default_with_the_same_pool():
    """Chosen with bench/rooms_fanout.py: one PUBLISH a message, fanned out in each process."""
    layer = load_settings(REDIS_URL="redis://127.0.0.1:6379/3")["channel_layers"]["default"]
    assert layer["BACKEND"] == "channels_redis.pubsub.RedisPubSubChannelLayer"
    host = layer["CONFIG"]["hosts"][0]
    assert (host["max_connections"] >= 1000, host["socket_timeout"]) == (True, None)


def test_both_urls_together():
    settings = load_settings(
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/coeduc_ci",
        REDIS_URL="redis://127.0.0.1:6379/0",
        CHANNEL_LAYER="core",
    )

    assert settings["engine"] == "django.db.backends.postgresql"
    assert settings["channel_layers"]["default"]["BACKEND"] == (
        "channels_redis.core.RedisChannelLayer"
    )


@pytest.mark.parametrize(
    "secret_key",
    [
        pytest.param(None, id="unset"),
        pytest.param("", id="empty"),
        pytest.param("x" * 49, id="too-short"),
        pytest.param("django-insecure-" + "x" * 50, id="django-insecure"),
    ],
)
def test_production_settings_refuse_a_missing_or_weak_secret_key(secret_key):
    env = {} if secret_key is None else {"SECRET_KEY": secret_key}

    result = run_python("import coeduc.settings", **env)

    assert result.returncode != 0
    assert "django.core.exceptions.ImproperlyConfigured" in result.stderr
    assert "SECRET_KEY" in result.stderr


def test_production_settings_accept_a_long_secret_key():
    result = run_python("import coeduc.settings", SECRET_KEY="k" * 50)

    assert result.returncode == 0, result.stderr


def test_debug_works_without_a_secret_key():
    settings = load_settings(DEBUG="1", SECRET_KEY="")

    assert settings["debug"] is True
