"""PostgreSQL out of reach under a connected page: its post is refused with a message (the page
keeps the text), the socket stays open, no traceback; once the database is back, it posts.

A real uvicorn server reaches the test database through a relay of the test's own, which the
test cuts (every connection dropped, the port closed) and restores: the shared PostgreSQL is
never touched.
"""

import contextlib
import os
import socket
import threading

import pytest
from websockets.exceptions import ConnectionClosed, InvalidStatus

from rooms.errors import RoomError
from rooms.models import Message
from tests.factories import join, make_room, make_user
from tests.test_healthz import Server, free_port

from .test_multiprocess import RoomSocket, database_url, session_cookie
from .test_multiprocess import pytestmark as multiprocess_marks

pytestmark = multiprocess_marks


class Relay:
    """A TCP relay to PostgreSQL that can be cut and restored on the same port."""

    def __init__(self, host: str, port: int):
        self.target = (host, port)
        self.port = free_port()
        self.pairs: list[tuple[socket.socket, socket.socket]] = []
        self.listener = None

    def start(self) -> None:
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(50)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def _accept(self, listener) -> None:
        while True:
            try:
                client, _address = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection(self.target)
            self.pairs.append((client, upstream))
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    @staticmethod
    def _pump(source, sink) -> None:
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                sink.sendall(data)
        for end in (source, sink):
            with contextlib.suppress(OSError):
                end.shutdown(socket.SHUT_RDWR)

    def cut(self) -> None:
        # Shut down first: a close alone leaves the port listening while accept() waits on it.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for pair in self.pairs:
            for end in pair:
                with contextlib.suppress(OSError):
                    end.shutdown(socket.SHUT_RDWR)
                end.close()
        self.pairs = []


@pytest.fixture
def relay_and_server(tmp_path, transactional_db):
    from django.conf import settings
    from django.db import connection

    db = connection.settings_dict
    host, port = db.get("HOST") or "127.0.0.1", int(db.get("PORT") or 5432)
    relay = Relay(host, port)
    relay.start()
    env = {
        "DATABASE_URL": database_url().replace(f"@{host}:{port}/", f"@127.0.0.1:{relay.port}/"),
        "REDIS_URL": os.environ["REDIS_URL"],
        "SECRET_KEY": settings.SECRET_KEY,
        # Without the pool: it would wait its timeout (DATABASE_POOL_TIMEOUT, 10 s) for a
        # connection before giving up. The consumer's answer is the same.
        "DATABASE_POOL_SIZE": "0",
    }
    server = Server("database-down", env, tmp_path)
    try:
        server.wait_until_listening()
        yield relay, server
    finally:
        server.stop()
        with contextlib.suppress(OSError):
            relay.cut()


def test_a_post_while_the_database_is_out_of_reach_is_refused_and_the_socket_stays(
    relay_and_server,
):
    relay, server = relay_and_server
    room = make_room()
    samira = make_user("Samira", preferred_language="en")
    join(samira, room)
    page = RoomSocket(server, room.slug, session_cookie(samira))
    try:
        page.open()
        before = page.post("Avant la coupure")
        page.next("message")

        relay.cut()
        during = page.post("Pendant la coupure")
        refusal = page.next("error")
        assert refusal == {
            "type": "error",
            "code": "unavailable",
            "message": str(RoomError.MESSAGES["unavailable"]),
            "client_id": during,  # the page keeps this post's text (room.js)
        }

        # A page that connects meanwhile is refused at the handshake (the session and the
        # user are read before any consumer runs), without a traceback; it retries later.
        newcomer = RoomSocket(server, room.slug, session_cookie(samira))
        with pytest.raises((InvalidStatus, ConnectionClosed)):
            newcomer.open()

        relay.start()  # back: the same socket posts again
        after = page.post("Pendant la coupure")
        assert page.next("message")["message"]["client_id"] == after
    finally:
        page.close()
    saved = Message.objects.filter(room=room).order_by("pk").values_list("client_id", flat=True)
    assert list(saved) == [before, after]
    output = server.output()
    assert "Traceback" not in output, output
    assert "database unreachable (OperationalError)" in output
    assert "Database unavailable, WebSocket refused" in output
