"""Watched words are kept in each process and read again only when the list has changed,
here or in another process; a post asks the shared cache once (rate limit and version)."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rooms import services, watched_words
from rooms.errors import RoomError
from rooms.models import WatchedWord
from tests.factories import join, make_room, make_user

ON_REDIS = isinstance(caches["default"], RedisCache)
BASE_DIR = settings.BASE_DIR


def reads_of_the_list(function, *args) -> int:
    with CaptureQueriesContext(connection) as queries:
        function(*args)
    return sum('"rooms_watchedword"' in query["sql"] for query in queries.captured_queries)


@pytest.mark.django_db
def test_the_list_is_read_again_only_after_it_changed():
    room = make_room()
    samira = make_user()
    join(samira, room)
    services.post_message(samira, room, "Bonjour")  # the process reads the list once
    assert reads_of_the_list(services.post_message, samira, room, "Encore") == 0

    WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.MASK)
    assert reads_of_the_list(services.post_message, samira, room, "Une arnaque") == 1
    assert services.post_message(samira, room, "Une arnaque ?").text == "Une *** ?"

    # The version gone from the cache (emptied, Redis restarted without its data): read again,
    # and a new version set for every process.
    cache.delete(watched_words.VERSION_KEY)
    assert reads_of_the_list(services.post_message, samira, room, "Et là ?") == 1
    assert cache.get(watched_words.VERSION_KEY) is not None


@pytest.mark.django_db
@pytest.mark.skipif(not ON_REDIS, reason="round trips to Redis: needs REDIS_URL=redis://…")
def test_a_post_asks_redis_once(monkeypatch):
    """The rate limit's read and write and the watched words' version: one script."""
    from redis.connection import Connection

    room = make_room()
    samira = make_user()
    join(samira, room)
    services.post_message(samira, room, "Bonjour")  # (the script is loaded into Redis once)
    sent = []
    send = Connection.send_packed_command

    def counting(self, command, check_health=True):
        sent.append(command)
        return send(self, command, check_health)

    monkeypatch.setattr(Connection, "send_packed_command", counting)
    services.post_message(samira, room, "Encore")
    assert len(sent) == 1


def database_url() -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db.get('PORT') or 5432}/{db['NAME']}"


CHANGE_IN_ANOTHER_PROCESS = """
import django
django.setup()
from rooms.models import WatchedWord
WatchedWord.objects.create(word="crypto", action=WatchedWord.Action.BLOCK)
"""


@pytest.mark.django_db(transaction=True)
@pytest.mark.postgres
@pytest.mark.redis
@pytest.mark.skipif(
    not (ON_REDIS and connection.vendor == "postgresql"),
    reason="another process shares the database and the cache: needs PostgreSQL and Redis",
)
def test_a_word_added_in_another_process_is_applied_at_the_next_post_here():
    room = make_room()
    samira = make_user()
    join(samira, room)
    assert services.post_message(samira, room, "Parlons crypto").text == "Parlons crypto"

    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "DJANGO_SETTINGS_MODULE": "coeduc.settings",
        "SECRET_KEY": settings.SECRET_KEY,
        "DATABASE_URL": database_url(),
        "DATABASE_POOL_SIZE": "0",
        "REDIS_URL": os.environ["REDIS_URL"],
    }
    done = subprocess.run(
        [sys.executable, "-c", CHANGE_IN_ANOTHER_PROCESS],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr

    with pytest.raises(RoomError) as refused:
        services.post_message(samira, room, "Encore crypto")
    assert refused.value.code == "blocked_word"
