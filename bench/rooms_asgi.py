"""The project's ASGI application plus a bare re-broadcast consumer, for bench/rooms_fanout.py.

`/ws/bare/<room>/` is the floor the rooms consumer is measured against: the same server,
middleware (origin check, session) and channel layer, and a consumer that does nothing but
send each text frame it receives to its group and forward what the group sends. Never deployed.
"""

import json

from channels.auth import AuthMiddlewareStack
from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from coeduc.asgi import django_asgi_app
from coeduc.routing import websocket_urlpatterns
from rooms.consumers import MAX_FRAME, RoomConsumer, _Closed


class BareRebroadcastConsumer(AsyncWebsocketConsumer):
    """Joins the room's group; every frame received goes to the group, as is."""

    async def connect(self):
        self.group = f"bench.bare.{self.scope['url_route']['kwargs']['room']}"
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()

    async def disconnect(self, code):
        await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data=None, bytes_data=None):
        await self.channel_layer.group_send(self.group, {"type": "relay", "text": text_data})

    async def relay(self, event):
        await self.send(text_data=event["text"])


class ParallelRoomConsumer(RoomConsumer):
    """The rooms consumer with one change, to measure it: each frame's database work runs in
    the thread pool (`thread_sensitive=False`), not in the one thread every socket shares."""

    async def receive(self, text_data=None, bytes_data=None):
        if text_data is None or len(text_data) > MAX_FRAME:
            await super().receive(text_data, bytes_data)
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            content = None
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await super().receive(text_data, bytes_data)
            return
        try:
            events = await database_sync_to_async(self.handle, thread_sensitive=False)(content)
        except _Closed as closed:
            if closed.error is not None:
                await self.reply(self.translated(closed.error.as_event))
            await self.close(code=closed.code)
            return
        for event in events:
            await self.reply(event)


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(
                URLRouter(
                    [
                        path("ws/bare/<slug:room>/", BareRebroadcastConsumer.as_asgi()),
                        path("ws/rooms-parallel/<slug:slug>/", ParallelRoomConsumer.as_asgi()),
                        *websocket_urlpatterns,
                    ]
                )
            )
        ),
    }
)
