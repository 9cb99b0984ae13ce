"""300 WebSocket clients arrive and leave at the same moment on Redis: none is dropped.

redis-py 8's default pool (100 connections, 5 s idle read timeout) made channels-redis drop
clients past ~100 simultaneous connects or leaves (django/channels_redis#422); the settings
give the layer an explicit pool. Checked for both layers `CHANNEL_LAYER` can choose.
"""

import asyncio
import os

import pytest
from channels.layers import get_channel_layer
from django.conf import settings as django_settings

from parents.consumers import notification_group
from tests.test_websocket import communicator, signed_in_session

CLIENTS = 300

pytestmark = [
    pytest.mark.redis,
    pytest.mark.serial,  # hundreds of sockets at once: the limits it checks are the machine's
    pytest.mark.skipif(not os.environ.get("REDIS_URL"), reason="needs REDIS_URL=redis://…"),
]


@pytest.fixture(params=sorted(django_settings.CHANNEL_LAYER_BACKENDS))
def layer_backend(request, settings):
    """The project's channel layer settings, with each backend in turn (same pool)."""
    layers = {
        "default": {
            **settings.CHANNEL_LAYERS["default"],
            "BACKEND": settings.CHANNEL_LAYER_BACKENDS[request.param],
        }
    }
    settings.CHANNEL_LAYERS = layers  # Channels drops its cached layers on this change
    return settings.CHANNEL_LAYER_BACKENDS[request.param]


def test_the_layer_pool_is_explicit_and_large_enough():
    (host,) = django_settings.CHANNEL_LAYERS["default"]["CONFIG"]["hosts"]
    assert host["max_connections"] >= CLIENTS
    assert host["socket_timeout"] is None


@pytest.mark.django_db(transaction=True)
async def test_300_clients_connect_and_leave_at_once_and_none_is_dropped(layer_backend):
    layer = get_channel_layer()
    assert f"{type(layer).__module__}.{type(layer).__name__}" == layer_backend
    user, session_key = await signed_in_session()
    sockets = [communicator(session_key=session_key) for _ in range(CLIENTS)]

    results = await asyncio.gather(*(ws.connect(timeout=30) for ws in sockets))
    try:
        assert [connected for connected, _ in results] == [True] * CLIENTS
        await layer.group_send(notification_group(user.pk), {"type": "notify", "text": "all"})
        received = await asyncio.gather(*(ws.receive_json_from(timeout=30) for ws in sockets))
        assert received == [{"type": "notification", "text": "all"}] * CLIENTS
    finally:
        # All leave at once too (each leave is a group_discard on Redis).
        await asyncio.gather(*(ws.disconnect(timeout=30) for ws in sockets))
    # Every consumer ended cleanly: an exception in one (a pool error) would be there.
    assert all(ws.future.done() and ws.future.exception() is None for ws in sockets)

    # And the layer still works for the next arrivals.
    late = communicator(session_key=session_key)
    assert (await late.connect(timeout=10))[0]
    try:
        await layer.group_send(notification_group(user.pk), {"type": "notify", "text": "next"})
        assert await late.receive_json_from(timeout=10) == {"type": "notification", "text": "next"}
    finally:
        await late.disconnect(timeout=10)
    await layer.flush()
