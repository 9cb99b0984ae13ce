"""Redis restarts under connected people: they catch up by event number, nothing missing.

A Redis of the test's own (a free port, nothing saved to disk) is stopped and started again
while a real uvicorn server has people connected; the shared Redis is never touched. The
clients behave as the rooms' browser script does: when a socket closes they reconnect and
say hello with the event number they have everything up to, and the server answers with what
they missed.
"""

import contextlib
import json
import shutil
import socket
import subprocess
import threading
import time
import uuid

import pytest
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from rooms.models import Message
from tests.factories import join, make_room, make_user
from tests.rooms.test_multiprocess import (
    WAIT_SECONDS,
    RoomSocket,
    session_cookie,
    start_server,
)
from tests.rooms.test_multiprocess import pytestmark as multiprocess_marks
from tests.test_healthz import free_port

REDIS_SERVER = shutil.which("redis-server")
pytestmark = [
    *multiprocess_marks,
    pytest.mark.skipif(REDIS_SERVER is None, reason="needs redis-server on the PATH"),
]
CATCH_UP_SECONDS = 30


class OwnRedis:
    """A redis-server of the test's own (nothing saved to disk), restartable on the same port;
    the production layout's fault tests use it too (tests/deploy/layout.py)."""

    def __init__(self, log_dir, port: int | None = None):
        self.port = port or free_port()
        self.log_path = log_dir / "redis.log"
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--logfile", str(self.log_path)],
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            with (
                contextlib.suppress(OSError),
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5),
            ):
                return
            time.sleep(0.05)
        pytest.fail(f"redis-server did not start on port {self.port}")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def redis_and_server(tmp_path, transactional_db):
    redis = OwnRedis(tmp_path)
    redis.start()
    server = None
    try:
        server = start_server("restart", tmp_path, redis_url=redis.url)
        yield redis, server
    finally:
        if server is not None:
            server.stop()
        redis.stop()


def reopen(person: RoomSocket, deadline: float) -> None:
    """Reconnects (the server may refuse while Redis is away) and catches up by number."""
    person.close()
    while True:
        try:
            person.open()
            return
        except (OSError, ConnectionClosed, InvalidHandshake, InvalidStatus, TimeoutError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def catch_up(person: RoomSocket, expected: list[str]) -> list[str]:
    """What this person has once `expected` arrived, live or through reconnections."""
    deadline = time.monotonic() + CATCH_UP_SECONDS
    while [m["client_id"] for m in person.received] != expected:
        if time.monotonic() > deadline:
            break
        try:
            person.next("message", timeout=1)
        except TimeoutError:
            if person.page.waiting:
                person.ask_again()  # a gap that lasts: room.js asks after 3 s
            continue
        except (ConnectionClosed, OSError):
            reopen(person, deadline)
    return [m["client_id"] for m in person.received]


def post_until_saved(person: RoomSocket, text: str) -> str:
    """Posts as the browser script does: when the socket is closed before the post is echoed,
    it reconnects, catches up, and posts again only if the message is not in what it missed."""
    client_id = str(uuid.uuid4())
    frame = json.dumps({"type": "post", "text": text, "client_id": client_id})
    deadline = time.monotonic() + CATCH_UP_SECONDS
    sent = False
    while True:
        try:
            if not sent:
                person.socket.send(frame)
                sent = True
            while client_id not in [m["client_id"] for m in person.received]:
                if person.next_event(timeout=WAIT_SECONDS)["type"] == "error":
                    raise ConnectionClosed(None, None)  # refused for now: retry as after a close
            return client_id
        except (ConnectionClosed, OSError, TimeoutError):
            reopen(person, deadline)
            sent = client_id in [m["client_id"] for m in person.received]


def test_people_catch_up_after_redis_restarts_with_nothing_missing(redis_and_server):
    redis, server = redis_and_server
    room = make_room()
    people = [make_user(name) for name in ("Samira", "Karim", "Lina")]
    for person in people:
        join(person, room)
    samira, karim, lina = (RoomSocket(server, room.slug, session_cookie(p)) for p in people)
    everyone = (samira, karim, lina)
    try:
        for person in everyone:
            person.open()
        before = samira.post("Avant la coupure")
        for person in everyone:
            assert catch_up(person, [before]) == [before]

        redis.stop()
        # Redis comes back in 3 s; meanwhile Karim posts (and his browser retries if need be).
        restart = threading.Timer(3.0, redis.start)
        restart.start()
        during = post_until_saved(karim, "Pendant la coupure")
        restart.join()
        if not answers_ping(lina):
            reopen(lina, time.monotonic() + CATCH_UP_SECONDS)
        after = lina.post("Après la coupure")

        expected = [before, during, after]
        for person in everyone:
            assert catch_up(person, expected) == expected, server.output()
        # Each once in the database too: no post was lost, none saved twice by a retry.
        saved = Message.objects.filter(room=room).order_by("pk")
        assert list(saved.values_list("client_id", flat=True)) == expected
    finally:
        for person in everyone:
            person.close()


def answers_ping(person: RoomSocket) -> bool:
    """Is this socket still open and served (else the server closed it meanwhile)?"""
    try:
        person.socket.send('{"type": "ping"}')
        person.next("pong", timeout=WAIT_SECONDS)
    except (ConnectionClosed, OSError, TimeoutError):
        return False
    return True
