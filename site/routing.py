"""WebSocket routes. Each consumer checks who may do what, on connect and on every message."""

from django.urls import path

from parents.consumers import NotificationConsumer

websocket_urlpatterns = [
    path("ws/notifications/", NotificationConsumer.as_asgi()),
]
