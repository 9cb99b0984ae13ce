"""The rooms' WebSocket consumers (protocol: rooms/PROTOCOL.md). Thin: parse, re-check who is
connected, call a service, answer. Broadcasts arrive already serialised and are forwarded."""

import asyncio
import json
import logging
import weakref
from urllib.parse import parse_qs

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer
from django.conf import settings
from django.db import InterfaceError, OperationalError, connection
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from parents.consumers import signed_in_user

from . import events, fanout, moderation, permissions, services
from .errors import RoomError
from .models import HelpRequest, Member, Room

logger = logging.getLogger(__name__)

CLOSE_UNAUTHENTICATED = 4401
CLOSE_FORBIDDEN = 4403
CLOSE_NOT_FOUND = 4404
CLOSE_TOO_BIG = 1009
CLOSE_TRY_AGAIN_LATER = 1013  # the database is unreachable: the page retries with its backoff
MAX_FRAME = 16 * 1024
# The database is unreachable (PostgreSQL down, restarting, out of connections): a frame is
# refused with a message, the socket stays open, nothing is half-done (one transaction each).
DATABASE_DOWN = (OperationalError, InterfaceError)


# Each frame's database work (re-check, then the action) runs in the thread pool, not in the
# one thread every socket of the process would otherwise queue behind: measured in
# bench/rooms_fanout.py, that queue, not the CPU, limited a room's rate. SQLite serialises
# writes anyway (and its in-memory test database is one connection), so it keeps one thread.
FRAMES_IN_ONE_THREAD = connection.vendor == "sqlite"

# A presence list goes to the whole room at most once per PRESENCE_DELAY a room and process:
# sending it on every arrival cost 200 × 200 frames when 200 people came in.
PRESENCE_DELAY = 0.5
_presence_due: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # loop → room ids
_presence_tasks: set = set()


def presence_changed(room_id: int) -> None:
    """Tell the room who is here, once, shortly (arrivals in between share the message)."""
    loop = asyncio.get_running_loop()
    due = _presence_due.setdefault(loop, set())
    if room_id in due:
        return
    due.add(room_id)

    async def send():
        due.discard(room_id)
        try:
            await database_sync_to_async(services.broadcast_presence)(room_id)
        except DATABASE_DOWN as error:
            reason = type(error).__name__
            logger.warning("room %s: presence not sent, database unreachable (%s)", room_id, reason)

    def start():
        task = loop.create_task(send())
        _presence_tasks.add(task)  # a task nobody holds may be collected before it runs
        task.add_done_callback(_presence_tasks.discard)

    loop.call_later(PRESENCE_DELAY, start)


class _Closed(Exception):
    def __init__(self, code: int, error: RoomError | None = None):
        self.code = code
        self.error = error


def fresh_user(scope):
    """The connected person as the session and the database have them now (still signed in,
    active, territory, roles)."""
    user = signed_in_user(scope)
    if user is None:
        raise _Closed(CLOSE_UNAUTHENTICATED)
    return user


class RoomSocket(AsyncWebsocketConsumer):
    """One socket in one room: history, posts, read markers, reports, moderation, duty.
    (Used through `RoomConsumer`, which re-reads the session before every frame.)"""

    room: Room | None = None
    tracks_presence = True
    language = "fr"
    # The audiences of the room's events this socket hears beside everyone's (rooms.events):
    # the others get a "skip" in their place (rooms.fanout).
    audiences: frozenset = frozenset()

    async def connect(self):
        user = self.scope.get("user")
        if user is None or not user.is_authenticated or not user.is_active:
            await self.close(code=CLOSE_UNAUTHENTICATED)
            return
        try:
            groups, greeting = await database_sync_to_async(self.open)()
        except _Closed as closed:
            await self.close(code=closed.code)
            return
        except DATABASE_DOWN as error:
            reason = type(error).__name__
            logger.warning("rooms: connection refused, database unreachable (%s)", reason)
            await self.close(code=CLOSE_TRY_AGAIN_LATER)
            return
        self.groups_joined = groups
        for group in groups:
            await self.join(group)
        await self.accept()
        if self.tracks_presence:
            try:
                here = await database_sync_to_async(services.connected)(
                    self.user, self.room, self.channel_name
                )
            except DATABASE_DOWN:
                await self.close(code=CLOSE_TRY_AGAIN_LATER)
                return
            await self.reply(here)
            presence_changed(self.room.pk)
        for event in greeting:
            await self.send(text_data=json.dumps(event, ensure_ascii=False))

    def open(self) -> tuple[list[str], list[dict]]:
        """(groups to join, first events) or _Closed."""
        self.user = fresh_user(self.scope)
        self.language = _language(self.scope, self.user)
        slug = self.scope["url_route"]["kwargs"]["slug"]
        self.room = Room.objects.active().select_related("territory").filter(slug=slug).first()
        if self.room is None:
            raise _Closed(CLOSE_NOT_FOUND)
        if not permissions.can_read_room(self.user, self.room):
            raise _Closed(CLOSE_FORBIDDEN)
        if permissions.can_help_in_room(self.user, self.room):
            self.audiences = frozenset({events.AMBASSADORS})
        greeting = [{"type": "on_duty", "people": services.on_duty_people(self.room)}]
        return [self.room.group_name], greeting

    async def join(self, group: str) -> None:
        # The room's own group, heard by every socket of the room, is heard once per process.
        if group == self.room.group_name:
            await fanout.join(group, self)
        else:
            await self.channel_layer.group_add(group, self.channel_name)

    async def leave(self, group: str) -> None:
        if group == self.room.group_name:
            await fanout.leave(group, self)
        else:
            await self.channel_layer.group_discard(group, self.channel_name)

    async def disconnect(self, code):
        for group in getattr(self, "groups_joined", []):
            await self.leave(group)
        if self.tracks_presence and getattr(self, "groups_joined", None) and self.room:
            try:
                await database_sync_to_async(services.disconnected)(self.room.pk, self.channel_name)
            except DATABASE_DOWN:
                return  # its presence row stays until the database is back and it is swept
            presence_changed(self.room.pk)

    async def receive(self, text_data=None, bytes_data=None):
        if text_data is None:
            await self.reply(self.translated(_error, "malformed"))
            return
        if len(text_data) > MAX_FRAME:
            await self.close(code=CLOSE_TOO_BIG)
            return
        try:
            content = json.loads(text_data)
        except ValueError:
            content = None
        if not isinstance(content, dict) or not isinstance(content.get("type"), str):
            await self.reply(self.translated(_error, "malformed"))
            return
        try:
            answers = await database_sync_to_async(
                self.handle, thread_sensitive=FRAMES_IN_ONE_THREAD
            )(content)
        except _Closed as closed:
            if closed.error is not None:
                await self.reply(self.translated(closed.error.as_event))
            await self.close(code=closed.code)
            return
        except DATABASE_DOWN as error:
            kind = content["type"] if content["type"] in self.TYPES else "unknown"
            reason = type(error).__name__
            logger.warning("rooms: a %s frame refused, database unreachable (%s)", kind, reason)
            # Made in the page's language: a RoomError's message is translated when it is made.
            answers = [self.translated(_unavailable, _client_id(content))]
        for answer in answers:
            await self.reply(answer)

    def translated(self, function, *args):
        with translation.override(self.language):
            return function(*args)

    async def reply(self, event: dict) -> None:
        await self.send(text_data=json.dumps(event, ensure_ascii=False))

    async def room_event(self, event):
        """A broadcast, serialised once by the service: forwarded as it is (or, for an
        audience this socket is not in, the skip of its number)."""
        audience = event.get("audience")
        heard = audience is None or audience in self.audiences
        await self.send(text_data=event["text"] if heard else event["others"])

    # --- In a worker thread: one re-check, then the action --------------------------------

    def recheck(self) -> Member | None:
        """Who is connected, and may they still be here? Raises _Closed when not."""
        self.user = fresh_user(self.scope)
        # One query for a member (most who write), two for a reader who never joined.
        member = (
            Member.objects.select_related("room")
            .filter(room_id=self.room.pk, user=self.user, room__is_active=True)
            .first()
        )
        room = (
            member.room if member else Room.objects.filter(pk=self.room.pk, is_active=True).first()
        )
        if room is None:
            raise _Closed(CLOSE_NOT_FOUND)
        self.room = room
        if not permissions.can_read_room(self.user, room, member):
            banned = member is not None and member.is_banned
            raise _Closed(CLOSE_FORBIDDEN, RoomError("banned" if banned else "forbidden"))
        return member

    def handle(self, content: dict) -> list[dict]:
        with translation.override(self.language):
            return self._handle(content)

    def _handle(self, content: dict) -> list[dict]:
        member = self.recheck()
        handler = getattr(self, "on_" + content["type"], None)
        if handler is None or content["type"] not in self.TYPES:
            return [_error("unknown_type")]
        try:
            return handler(content, member) or []
        except RoomError as error:
            return [error.as_event(_client_id(content))]

    TYPES = frozenset(
        {
            "hello",
            "post",
            "read",
            "report",
            "ping",
            "hide",
            "restore",
            "mute",
            "ban",
            "duty",
            "claim",
        }
    )

    def on_ping(self, content, member):
        return [{"type": "pong"}]

    def on_hello(self, content, member):
        return [self.catch_up(content, private=permissions.can_help_in_room(self.user, self.room))]

    def catch_up(self, content, private=False, help_request=None) -> dict:
        """Everything of the stream after the page's number `seq` (rooms.events)."""
        after = content.get("seq")
        valid = isinstance(after, int) and not isinstance(after, bool) and after >= 0
        if after is not None and not valid:
            raise RoomError("invalid")
        return events.catch_up(self.room, after, help_request, private)

    def on_post(self, content, member):
        message = services.post_message(
            self.user, self.room, content.get("text"), _client_id(content), member=member
        )
        if message.status == message.Status.HELD:
            return [RoomError("held_for_review").as_event(message.client_id)]
        return []

    def on_read(self, content, member):
        services.mark_read(self.user, self.room, content.get("up_to"))
        return []

    def on_report(self, content, member):
        services.report_message(
            self.user, self.room, content.get("message_id"), content.get("reason")
        )
        return []

    def on_hide(self, content, member):
        moderation.hide(self.user, self.room, content.get("message_id"), content.get("reason"))

    def on_restore(self, content, member):
        moderation.restore(self.user, self.room, content.get("message_id"), content.get("reason"))

    def on_mute(self, content, member):
        moderation.mute(
            self.user,
            self.room,
            content.get("user_id"),
            content.get("minutes"),
            content.get("reason"),
        )

    def on_ban(self, content, member):
        moderation.ban(self.user, self.room, content.get("user_id"), content.get("reason"))

    def on_duty(self, content, member):
        if not isinstance(content.get("on"), bool):
            raise RoomError("invalid")
        services.set_duty(self.user, content["on"])

    def on_claim(self, content, member):
        help_request = services.claim(self.user, content.get("help_request_id"))
        return [{"type": "claimed_by_you", "help_request_id": help_request.pk}]


class RoomConsumer(RoomSocket):
    """Before every frame, `RoomSocket.handle` reads again the session (signed out: closed with
    4401), the account, the room and the membership (muted, banned, moved to another
    territory), in the worker thread that then does the frame's work."""


class ThreadConsumer(RoomConsumer):
    """A help request's private thread: the parent, the ambassador who claimed it, and the
    room's facilitators (who read it for safety)."""

    TYPES = frozenset({"hello", "post", "ping", "hide", "restore"})
    tracks_presence = False

    def open(self):
        self.user = fresh_user(self.scope)
        self.language = _language(self.scope, self.user)
        kwargs = self.scope["url_route"]["kwargs"]
        self.help_request = (
            HelpRequest.objects.select_related("room")
            .filter(pk=kwargs["pk"], room__slug=kwargs["slug"], room__is_active=True)
            .first()
        )
        if self.help_request is None:
            raise _Closed(CLOSE_NOT_FOUND)
        self.room = self.help_request.room
        if not permissions.can_read_thread(self.user, self.help_request):
            raise _Closed(CLOSE_FORBIDDEN)
        return [self.help_request.thread_group], []

    def recheck(self):
        self.user = fresh_user(self.scope)
        help_request = (
            HelpRequest.objects.select_related("room")
            .filter(pk=self.help_request.pk, room__is_active=True)
            .first()
        )
        if help_request is None:
            raise _Closed(CLOSE_NOT_FOUND)
        if not permissions.can_read_thread(self.user, help_request):
            raise _Closed(CLOSE_FORBIDDEN, RoomError("forbidden"))
        self.help_request, self.room = help_request, help_request.room
        return None

    def on_hello(self, content, member):
        return [self.catch_up(content, help_request=self.help_request)]

    def on_post(self, content, member):
        message = services.post_message(
            self.user,
            self.room,
            content.get("text"),
            _client_id(content),
            help_request=self.help_request,
        )
        if message.status == message.Status.HELD:
            return [RoomError("held_for_review").as_event(message.client_id)]
        return []


def _client_id(content: dict) -> str:
    """A post's own id, given back with its echo or its refusal (the page keeps the text)."""
    client_id = content.get("client_id") if content.get("type") == "post" else ""
    return client_id[:64] if isinstance(client_id, str) else ""


def _language(scope, user) -> str:
    """The page's language (?lang=), else the person's: error messages are in it."""
    codes = dict(settings.LANGUAGES)
    asked = parse_qs(scope.get("query_string", b"").decode("latin-1")).get("lang", [""])[0]
    if asked in codes:
        return asked
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in codes else settings.LANGUAGE_CODE


ERRORS = {
    "malformed": _("This frame is not a JSON object with a type."),
    "unknown_type": _("Unknown message type."),
}


def _unavailable(client_id: str) -> dict:
    return RoomError("unavailable").as_event(client_id)


def _error(code: str) -> dict:
    return RoomError(code, ERRORS[code]).as_event()
