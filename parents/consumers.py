"""Personal notifications over WebSocket (a place freed on a waiting list, a validated step…).

Only a signed-in person may connect, and they only ever hear their own group
(`core.notify.notification_group`, where `core.notify` pushes). The session is read again on
every message and the socket closes when its session signs out (`SessionCheckedConsumerMixin`).
"""

import hashlib
from importlib import import_module
from types import SimpleNamespace

from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from channels.layers import get_channel_layer
from django.conf import settings
from django.contrib import auth

from core.notify import notification_group

__all__ = [
    "CLOSE_UNAUTHENTICATED",
    "NotificationConsumer",
    "SessionCheckedConsumerMixin",
    "notification_group",
    "signed_in_user",
]

# Close codes in the 4000–4999 range are free for applications; 4401 mirrors HTTP 401.
CLOSE_UNAUTHENTICATED = 4401
LOGOUT_EVENT = "session.logout"


def session_fingerprint(session_key: str) -> str:
    """Names a session in channel-layer messages without carrying the key (a credential)."""
    return hashlib.sha256(session_key.encode()).hexdigest()


def signed_in_user(scope):
    """The person the scope's session still signs in, read afresh from the session store and
    the database (active, same person, password unchanged), else None. Synchronous, for a
    consumer that re-checks in a worker thread along with the rest of its database work."""
    user = scope.get("user")
    session = scope.get("session")
    if user is None or not user.is_authenticated or session is None:
        return None
    if not session.session_key:
        return None
    # A fresh store: the scope's session is the one loaded at connect time.
    fresh = import_module(settings.SESSION_ENGINE).SessionStore(session.session_key)
    current = auth.get_user(SimpleNamespace(session=fresh))
    if current.is_authenticated and current.is_active and current.pk == user.pk:
        return current
    return None


class SessionCheckedConsumerMixin:
    """For consumers of signed-in people: every message first re-reads the session from the
    session store, so a socket opened before a logout (here or on another page), a session
    deleted server-side or a deactivated account is closed with 4401 instead of answered.

    Put it before the Channels consumer class; consumers that join the person's group
    (`notification_group`) also close at once when that session logs out (`session_logout`).
    """

    async def session_is_still_signed_in(self) -> bool:
        return await database_sync_to_async(signed_in_user)(self.scope) is not None

    async def receive(self, text_data=None, bytes_data=None, **kwargs):
        if not await self.session_is_still_signed_in():
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        await super().receive(text_data=text_data, bytes_data=bytes_data, **kwargs)

    async def session_logout(self, event):
        """`{"type": "session.logout", "session": fingerprint}` sent to the person's group:
        the person's other sessions (another device) stay open."""
        session = self.scope.get("session")
        key = session.session_key if session is not None else None
        if key and event.get("session") == session_fingerprint(key):
            await self.close(code=CLOSE_UNAUTHENTICATED)


def close_sockets_of_session(sender, request, user, **kwargs):
    """`user_logged_out` receiver: the sockets of the session that logs out close now."""
    session = getattr(request, "session", None)
    if user is None or session is None or not session.session_key:
        return
    layer = get_channel_layer()
    if layer is None:
        return
    async_to_sync(layer.group_send)(
        notification_group(user.pk),
        {"type": LOGOUT_EVENT, "session": session_fingerprint(session.session_key)},
    )


class NotificationConsumer(SessionCheckedConsumerMixin, AsyncJsonWebsocketConsumer):
    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        self.group_name = notification_group(user.pk)
        await self.channel_layer.group_add(self.group_name, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        if hasattr(self, "group_name"):
            await self.channel_layer.group_discard(self.group_name, self.channel_name)

    async def receive_json(self, content, **kwargs):
        # The only thing a client may say is "are you there?"; everything else is ignored.
        if isinstance(content, dict) and content.get("type") == "ping":
            await self.send_json({"type": "pong"})

    async def notify(self, event):
        """Called for `{"type": "notify", "text": …}` sent to the person's group (core.notify
        adds the kind and a link to the page where to act)."""
        message = {"type": "notification", "text": event["text"]}
        for key in ("kind", "url"):
            if event.get(key):
                message[key] = event[key]
        await self.send_json(message)
