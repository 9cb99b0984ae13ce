"""The project's ASGI application plus a bare re-broadcast consumer, for bench/rooms_fanout.py.

`/ws/bare/<room>/` is the floor the rooms consumer is measured against: the same server,
middleware (origin check, session) and channel layer, and a consumer that does nothing but
send each text frame it receives to its group and forward what the group sends. Never deployed.
"""

from channels.auth import AuthMiddlewareStack
from channels.generic.websocket import AsyncWebsocketConsumer
from channels.routing import ProtocolTypeRouter, URLRouter
from channels.security.websocket import AllowedHostsOriginValidator
from django.urls import path

from coeduc.asgi import django_asgi_app
from coeduc.routing import websocket_urlpatterns


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


application = ProtocolTypeRouter(
    {
        "http": django_asgi_app,
        "websocket": AllowedHostsOriginValidator(
            AuthMiddlewareStack(
                URLRouter(
                    [
                        path("ws/bare/<slug:room>/", BareRebroadcastConsumer.as_asgi()),
                        *websocket_urlpatterns,
                    ]
                )
            )
        ),
    }
)
