"""Personal notifications over WebSocket (a place freed on a waiting list, a validated step…).

Only a signed-in person may connect, and they only ever hear their own group.
"""

from channels.generic.websocket import AsyncJsonWebsocketConsumer

# Close codes in the 4000–4999 range are free for applications; 4401 mirrors HTTP 401.
CLOSE_UNAUTHENTICATED = 4401


def notification_group(user_id: int) -> str:
    return f"notifications.user.{user_id}"


class NotificationConsumer(AsyncJsonWebsocketConsumer):
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
        """Called for `{"type": "notify", "text": …}` sent to the person's group."""
        await self.send_json({"type": "notification", "text": event["text"]})
