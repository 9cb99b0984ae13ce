"""WebSocket routes. Each consumer checks who may do what, on connect and on every message."""

from django.urls import path

from parents.consumers import NotificationConsumer
from rooms.consumers import RoomConsumer, ThreadConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
    path("ws/rooms/<slug:slug>/", RoomConsumer.as_asgi()),
    path("ws/rooms/<slug:slug>/help/<int:pk>/", ThreadConsumer.as_asgi()),
]
