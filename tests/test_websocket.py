"""Notifications over WebSocket, through the whole ASGI application (origin check, session).

The WebSocket client is tests/websocket.py's (channels.testing imports Daphne, which Coéduc
does not install).
"""

import asyncio
import os

import pytest
from asgiref.sync import sync_to_async
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import Client

from coeduc.asgi import application
from parents.consumers import CLOSE_UNAUTHENTICATED, notification_group
from parents.models import User
from tests.websocket import WebsocketCommunicator

PATH = "/ws/notifications/"
SAME_ORIGIN = b"http://localhost"


def communicator(*, origin: bytes = SAME_ORIGIN, session_key: str | None = None):
    headers = [(b"host", b"localhost"), (b"origin", origin)]
    if session_key:
        cookie = f"{settings.SESSION_COOKIE_NAME}={session_key}"
        headers.append((b"cookie", cookie.encode()))
    return WebsocketCommunicator(application, PATH, headers=headers)


@database_sync_to_async
def signed_in_session(email: str = "parent@example.org", **fields) -> tuple[User, str]:
    """A person and the session cookie of a browser where they are signed in."""
    user = User.objects.create_user(email=email, display_name="Samira", **fields)
    browser = Client(HTTP_HOST="localhost")
    browser.force_login(user)
    return user, browser.cookies[settings.SESSION_COOKIE_NAME].value


async def assert_refused(ws: WebsocketCommunicator, code: int | None = None) -> None:
    connected, close_code = await ws.connect(timeout=5)
    assert connected is False
    if code is not None:
        assert close_code == code
    # The server then reports the closed socket; the application must end without error.
    await ws.disconnect(code=close_code)


# Flushing the database after a `transaction=True` test takes seconds on PostgreSQL: the
# refusals are checked together, and only where a session is needed. (The others still get
# the `django_db` mark: Channels touches the worker thread's connection on every connect.)


@pytest.mark.django_db
async def test_anonymous_client_is_refused():
    """No session cookie: nothing to look up, refused with 4401."""
    await assert_refused(communicator(), CLOSE_UNAUTHENTICATED)


@pytest.mark.django_db
async def test_cross_origin_client_is_refused_without_a_session():
    await assert_refused(communicator(origin=b"http://evil.example"))


@pytest.mark.django_db(transaction=True)
async def test_refused_sessions():
    _active, active_key = await signed_in_session("active@example.org")
    _inactive, inactive_key = await signed_in_session("inactive@example.org", is_active=False)
    _gone, gone_key = await signed_in_session("signed-out@example.org")
    # Signed out elsewhere: the session is deleted server-side.
    await sync_to_async(Session.objects.filter(session_key=gone_key).delete)()

    # A real session, but from another site's page (cross-site WebSocket hijacking).
    await assert_refused(communicator(origin=b"http://evil.example", session_key=active_key))
    await assert_refused(communicator(origin=b"null", session_key=active_key))
    await assert_refused(communicator(session_key="not-a-session"), CLOSE_UNAUTHENTICATED)
    await assert_refused(communicator(session_key=gone_key), CLOSE_UNAUTHENTICATED)
    await assert_refused(communicator(session_key=inactive_key), CLOSE_UNAUTHENTICATED)
    # The same active session from the right origin is let in: the refusals above are real.
    ws = communicator(session_key=active_key)
    assert (await ws.connect(timeout=5))[0]
    await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_signed_in_client_gets_pong_and_its_notifications():
    user, session_key = await signed_in_session()
    ws = communicator(session_key=session_key)

    connected, _subprotocol = await ws.connect(timeout=5)
    assert connected
    try:
        await ws.send_json_to({"type": "ping"})
        assert await ws.receive_json_from(timeout=5) == {"type": "pong"}

        # Anything else a client says is ignored.
        await ws.send_json_to({"type": "notify", "text": "spoofed"})
        assert await ws.receive_nothing(timeout=0.2)

        await get_channel_layer().group_send(
            f"notifications.user.{user.pk}", {"type": "notify", "text": "hi"}
        )
        assert await ws.receive_json_from(timeout=5) == {"type": "notification", "text": "hi"}
    finally:
        await ws.disconnect()


@pytest.mark.django_db(transaction=True)
async def test_notifications_reach_only_their_person_while_connected():
    samira, samira_key = await signed_in_session("samira@example.org")
    _claire, claire_key = await signed_in_session("claire@example.org")
    samira_ws = communicator(session_key=samira_key)
    claire_ws = communicator(session_key=claire_key)
    assert (await samira_ws.connect(timeout=5))[0]
    assert (await claire_ws.connect(timeout=5))[0]
    layer = get_channel_layer()
    try:
        await layer.group_send(
            notification_group(samira.pk), {"type": "notify", "text": "a place is free"}
        )

        assert await samira_ws.receive_json_from(timeout=5) == {
            "type": "notification",
            "text": "a place is free",
        }
        assert await claire_ws.receive_nothing(timeout=0.3)
    finally:
        await samira_ws.disconnect()
        await claire_ws.disconnect()

    # Gone: the group is left, and a later message breaks nothing.
    await layer.group_send(notification_group(samira.pk), {"type": "notify", "text": "late"})
    if hasattr(layer, "groups"):  # InMemoryChannelLayer
        assert not layer.groups.get(notification_group(samira.pk))


# --- Many connections through Redis (django/channels_redis#422) ----------------------------

CONNECTIONS = 150


@pytest.mark.redis
@pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL=redis://…")
@pytest.mark.django_db(transaction=True)
async def test_many_simultaneous_connections_through_redis():
    layer = get_channel_layer()
    # The Redis layer CHANNEL_LAYER chose (pub/sub by default), never the in-memory one.
    assert f"{type(layer).__module__}.{type(layer).__name__}" == settings.CHANNEL_LAYER_BACKEND
    assert type(layer).__module__.startswith("channels_redis.")
    user, session_key = await signed_in_session()
    sockets = [communicator(session_key=session_key) for _ in range(CONNECTIONS)]

    results = await asyncio.gather(*(ws.connect(timeout=20) for ws in sockets))

    try:
        assert [connected for connected, _ in results] == [True] * CONNECTIONS
        await layer.group_send(notification_group(user.pk), {"type": "notify", "text": "all"})
        received = await asyncio.gather(*(ws.receive_json_from(timeout=20) for ws in sockets))
        assert received == [{"type": "notification", "text": "all"}] * CONNECTIONS
    finally:
        await asyncio.gather(*(ws.disconnect(timeout=20) for ws in sockets))
    # Every consumer ended cleanly (an exception in one would be raised by disconnect()).
    assert all(ws.future.done() and ws.future.exception() is None for ws in sockets)
