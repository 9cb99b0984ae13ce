"""A WebSocket client for tests, speaking ASGI to the application (like channels.testing's).

`channels.testing` cannot be imported here: its package imports Daphne (for its live-server
test case), which Coéduc does not install. This is the same small client, on the same base
(asgiref's ApplicationCommunicator).
"""

import json

from asgiref.testing import ApplicationCommunicator
from channels.db import database_sync_to_async
from django.conf import settings
from django.test import Client

SAME_ORIGIN = b"http://localhost"


class WebsocketCommunicator(ApplicationCommunicator):
    """A WebSocket client speaking ASGI to the application, like channels.testing's."""

    def __init__(self, application, path: str, headers: list[tuple[bytes, bytes]]):
        path, _, query = path.partition("?")
        scope = {
            "type": "websocket",
            "path": path,
            "query_string": query.encode(),
            "headers": headers,
            "subprotocols": [],
        }
        super().__init__(application, scope)

    async def connect(self, timeout: float = 1) -> tuple[bool, int | str | None]:
        """(True, subprotocol) when accepted, (False, close code) when refused."""
        await self.send_input({"type": "websocket.connect"})
        response = await self.receive_output(timeout)
        if response["type"] == "websocket.close":
            return False, response.get("code", 1000)
        assert response["type"] == "websocket.accept", response
        return True, response.get("subprotocol")

    async def send_json_to(self, data) -> None:
        await self.send_input({"type": "websocket.receive", "text": json.dumps(data)})

    async def send_text_to(self, text: str) -> None:
        await self.send_input({"type": "websocket.receive", "text": text})

    async def receive_json_from(self, timeout: float = 1):
        """The next event; the events of a batch frame (rooms/fanout.py) one by one."""
        if getattr(self, "batched", None):
            return self.batched.pop(0)
        response = await self.receive_output(timeout)
        assert response["type"] == "websocket.send", response
        event = json.loads(response["text"])
        if event.get("type") == "batch":
            self.batched = event["events"]
            return self.batched.pop(0)
        return event

    async def receive_nothing(self, timeout: float = 0.1, interval: float = 0.01) -> bool:
        if getattr(self, "batched", None):
            return False  # events of a batch frame are still to be read
        return await super().receive_nothing(timeout, interval)

    async def disconnect(self, code: int = 1000, timeout: float = 1) -> None:
        await self.send_input({"type": "websocket.disconnect", "code": code})
        await self.wait(timeout)


def headers_for(session_key: str | None = None, origin: bytes = SAME_ORIGIN):
    headers = [(b"host", b"localhost"), (b"origin", origin)]
    if session_key:
        cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
        headers.append((b"cookie", cookie.encode()))
    return headers


def session_key_for(user) -> str:
    """The session cookie of a browser where `user` is signed in (sync)."""
    browser = Client(HTTP_HOST="localhost")
    browser.force_login(user)
    return browser.cookies[settings.SESSION_COOKIE_NAME].value


async_session_key_for = database_sync_to_async(session_key_for)
