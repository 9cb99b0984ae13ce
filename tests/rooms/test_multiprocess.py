"""Two real uvicorn processes on one Redis: a message posted through one reaches the other's.

The servers share the test database (PostgreSQL) and the test's Redis; each test's people and
room are committed (`transaction=True`) so that the servers see them.
"""

import contextlib
import json
import os
import time
import uuid

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from rooms.models import Message
from tests.factories import join, make_room, make_user
from tests.test_healthz import Server

from .stream import Stream

pytestmark = [
    pytest.mark.redis,
    pytest.mark.postgres,
    pytest.mark.serial,  # two servers and their clients, timed deliveries (and the Redis restart)
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL=redis://…"),
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="the servers share the test database: needs DATABASE_URL=postgres://…",
    ),
]

WAIT_SECONDS = 10


def database_url() -> str:
    """The test database, as the servers' DATABASE_URL."""
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db.get("PASSWORD") else ""
    host = db.get("HOST") or "127.0.0.1"
    port = db.get("PORT") or 5432
    return f"postgres://{db['USER']}{password}@{host}:{port}/{db['NAME']}"


def start_server(name: str, log_dir, redis_url: str | None = None) -> Server:
    """A uvicorn process on the test database, with the test's secret key (sessions)."""
    env = {
        "DATABASE_URL": database_url(),
        "REDIS_URL": redis_url or os.environ["REDIS_URL"],
        "SECRET_KEY": settings.SECRET_KEY,
        "CHANNEL_LAYER": os.environ.get("CHANNEL_LAYER", settings.CHANNEL_LAYER),
        # A short pool: several servers and the test share PostgreSQL's 100 connections.
        "DATABASE_POOL_SIZE": "4",
    }
    server = Server(name, env, log_dir)
    server.wait_until_listening()
    return server


def session_cookie(user) -> str:
    browser = Client(HTTP_HOST="127.0.0.1")
    browser.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={browser.cookies[settings.SESSION_COOKIE_NAME].value}"


class RoomSocket:
    """A browser's socket on a room, speaking the rooms protocol; keeps the room's stream as
    the page does (tests/rooms/stream.py), across reconnections."""

    def __init__(self, server: Server, slug: str, cookie: str):
        self.server, self.slug, self.cookie = server, slug, cookie
        self.page = Stream()
        self.batched: list[dict] = []  # events of the last frame not yet read
        self.socket = None

    @property
    def received(self) -> list[dict]:
        """Every message, live or caught up, as the page shows them (one per id, by id)."""
        return self.page.shown()

    def open(self) -> dict:
        """Connects and says hello with the page's number; returns the history answer."""
        origin = f"http://127.0.0.1:{self.server.port}"
        self.socket = connect(
            f"ws://127.0.0.1:{self.server.port}/ws/rooms/{self.slug}/",
            origin=origin,
            additional_headers={"Cookie": self.cookie},
            open_timeout=WAIT_SECONDS,
            legacy=True,  # a socket kept open across calls, not a `with` block
        )
        self.batched = []
        self.socket.send(json.dumps(self.page.hello()))
        return self.next("history")

    def ask_again(self) -> None:
        """What room.js does when a gap lasts: hello again with its number."""
        self.socket.send(json.dumps(self.page.hello()))

    def next_event(self, timeout: float = WAIT_SECONDS) -> dict:
        """The next event, whatever it is (the page keeps it); the events of a batch frame
        one by one."""
        if not self.batched:
            event = json.loads(self.socket.recv(timeout=timeout))
            self.batched = event["events"] if event["type"] == "batch" else [event]
        event = self.batched.pop(0)
        self.page.receive(event)
        return event

    def next(self, kind: str, timeout: float = WAIT_SECONDS) -> dict:
        """The next event of this kind (presence, duty… in between are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            event = self.next_event(max(0.01, deadline - time.monotonic()))
            if event["type"] == kind:
                return event

    def post(self, text: str) -> str:
        client_id = str(uuid.uuid4())
        self.socket.send(json.dumps({"type": "post", "text": text, "client_id": client_id}))
        return client_id

    def close(self) -> None:
        if self.socket is not None:
            with contextlib.suppress(OSError, ConnectionClosed):
                self.socket.close()


@pytest.fixture
def two_servers(tmp_path, transactional_db):
    servers = []
    try:
        for name in ("a", "b"):
            servers.append(start_server(name, tmp_path))
        yield servers
    finally:
        for server in servers:
            server.stop()


def test_a_message_posted_on_one_server_reaches_a_client_of_the_other(two_servers):
    server_a, server_b = two_servers
    room = make_room()
    samira, karim = make_user("Samira"), make_user("Karim")
    join(samira, room)
    join(karim, room)
    on_a = RoomSocket(server_a, room.slug, session_cookie(samira))
    on_b = RoomSocket(server_b, room.slug, session_cookie(karim))
    try:
        on_a.open()
        on_b.open()

        client_id = on_a.post("Bonjour, qui utilise Pronote ?")
        received = on_b.next("message")["message"]

        assert received["client_id"] == client_id
        assert received["html"] == "Bonjour, qui utilise Pronote ?"
        assert received["author"] == {"id": samira.pk, "name": "Samira"}
        # Saved before it was sent: the id is the database's.
        assert Message.objects.get(client_id=client_id).pk == received["id"]
        # The sender's own process delivers it too, once.
        assert on_a.next("message")["message"]["client_id"] == client_id

        # And the other way round.
        answer_id = on_b.post("Moi !")
        assert on_a.next("message")["message"]["client_id"] == answer_id
        assert on_b.next("message")["message"]["client_id"] == answer_id
        assert [m["client_id"] for m in on_a.received] == [client_id, answer_id]
        assert [m["client_id"] for m in on_b.received] == [client_id, answer_id]
    finally:
        on_a.close()
        on_b.close()
    for server in two_servers:
        assert "Traceback" not in server.output(), server.output()
