"""The rooms' event streams: what an event says (rooms/PROTOCOL.md), its number, its broadcast,
and the catch-up of a page that reconnects.

A room is one stream (its messages, their hiding and restoring, its help requests asked and
claimed), and each help request's private thread another. Every event a page must not miss
takes the stream's next number, `seq`, in the same transaction as the change it tells: the
stream's row (`last_event_seq`) stays locked until that transaction commits, so the numbers
commit in their order, without gaps. What is changed keeps the number of its last change
(`Message.seq`, `HelpRequest.room_seq`, `HelpRequest.resolved_seq`).

Why numbers and not message ids: frames run in parallel, so two events may be published in
the other order than they were committed, and a held message published later keeps its old id.
A page knows the last number it has *every* event up to; after a drop it sends it, and gets
each thing changed since, once, in its current state, in order. A state rather than a log
of every event: there is no log to keep and prune, and a message hidden since is not shown
on the way. Presence and who is on duty are not numbered: they are sent whole on connect.
(The one change of a shown message's text, an account's erasure, is numbered too.)
"""

import json
import logging

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import translation
from redis.exceptions import RedisError

from core.notify import is_quiet
from core.sanitize import plain_text_to_html

from . import selectors
from .errors import RoomError
from .models import HelpRequest, Message, Room

logger = logging.getLogger(__name__)

# An event only some of the room may hear (a private question, its claim) goes to the room
# with this audience; the others get {"type": "skip", "seq": n} so that their count goes on.
AMBASSADORS = "ambassadors"


def display_name(user) -> str:
    """The first name others see: never an e-mail address or a phone number."""
    name = (getattr(user, "display_name", "") or "").strip()
    return name.split()[0] if name else ""


def person(user) -> dict:
    return {"id": user.pk, "name": display_name(user)} if user else {"id": None, "name": ""}


def recording_view(row: Message | HelpRequest) -> str:
    """The view that serves a row's recording: a question's, or a voice message's."""
    return "rooms:question_voice" if isinstance(row, HelpRequest) else "rooms:voice"


def serialize_voice(row: Message | HelpRequest) -> dict | None:
    """A recording (a voice message's, a question's) as pages see it: where to fetch it (the
    view checks who asks, every time), its type and its length in seconds. Never the sound."""
    if not row.voice or row.erased:
        return None
    # One address for every page, whatever its language: the event is serialised once.
    with translation.override(settings.LANGUAGE_CODE):
        url = reverse(recording_view(row), args=[row.room.slug, row.pk])
    return {"url": url, "type": row.voice_type, "seconds": round(row.voice_seconds, 2)}


def serialize_message(message: Message) -> dict:
    return {
        "id": message.pk,
        "room": message.room.slug,
        "author": person(message.author),
        "html": "" if message.erased else plain_text_to_html(message.text),
        "erased": message.erased,
        "created_at": message.created_at.isoformat(),
        "client_id": message.client_id,
        "voice": serialize_voice(message),
    }


def serialize_help_request(help_request: HelpRequest) -> dict:
    return {
        "id": help_request.pk,
        "room": help_request.room.slug,
        "asker": person(help_request.asker),
        "html": plain_text_to_html(help_request.question),
        "voice": serialize_voice(help_request),
        "private": help_request.is_private,
        "status": help_request.status,
        "created_at": help_request.created_at.isoformat(),
    }


# --- Numbers -------------------------------------------------------------------------------


def take_number(stream: Room | HelpRequest) -> int:
    """The stream's next number, in the caller's transaction (which keeps the row locked)."""
    if not connection.in_atomic_block:
        raise RuntimeError("an event's number is taken in the transaction of its change")
    table = connection.ops.quote_name(type(stream)._meta.db_table)
    with connection.cursor() as cursor:
        # One statement: the row lock and the number (PostgreSQL and SQLite ≥ 3.35).
        cursor.execute(
            f"UPDATE {table} SET last_event_seq = last_event_seq + 1 "  # noqa: S608 — a model's table
            "WHERE id = %s RETURNING last_event_seq",
            [stream.pk],
        )
        row = cursor.fetchone()
    if row is None:
        raise RoomError("not_found")  # the room or the question was deleted meanwhile
    stream.last_event_seq = row[0]
    return row[0]


def save_numbered(message: Message, stream: Room | HelpRequest) -> None:
    """INSERT a new message with its stream's next number.

    On PostgreSQL one statement takes the number and inserts the row: the stream's row is
    locked while it runs and commits, never across a round trip of ours (nor while this thread
    waits for Python's GIL, as a busy process makes it wait between two statements); and a
    post stays one round trip. Elsewhere (SQLite serialises every write anyway) the number,
    then the INSERT, in a transaction."""
    if connection.vendor != "postgresql":
        with transaction.atomic():
            message.seq = take_number(stream)
            message.save(force_insert=True)
        return
    fields = [f for f in Message._meta.concrete_fields if not f.primary_key and f.name != "seq"]
    values = [f.get_db_prep_save(f.pre_save(message, True), connection) for f in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(f.column) for f in fields)
    sql = (
        f"WITH number AS (UPDATE {quote(type(stream)._meta.db_table)} "  # noqa: S608 — tables
        "SET last_event_seq = last_event_seq + 1 WHERE id = %s RETURNING last_event_seq) "
        f"INSERT INTO {quote(Message._meta.db_table)} ({columns}, {quote('seq')}) "
        f"SELECT {', '.join(['%s'] * len(values))}, last_event_seq FROM number "
        f"RETURNING {quote(Message._meta.pk.column)}, {quote('seq')}"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [stream.pk, *values])
        row = cursor.fetchone()
    if row is None:
        raise RoomError("not_found")  # the room or the question was deleted meanwhile
    message.pk, message.seq = row
    message._state.adding, message._state.db = False, connection.alias
    stream.last_event_seq = message.seq


def message_stream(message: Message) -> Room | HelpRequest:
    return message.help_request if message.help_request_id else message.room


def group_of(stream: Room | HelpRequest) -> str:
    return stream.group_name if isinstance(stream, Room) else stream.thread_group


# --- Events --------------------------------------------------------------------------------


def message_event(message: Message, restored: bool = False) -> dict:
    """A message as it is now: shown (new, published, `restored`) or gone (hidden)."""
    if message.status == Message.Status.VISIBLE:
        kind = "restored" if restored else "message"
        return {"type": kind, "message": serialize_message(message), "seq": message.seq}
    return {"type": "hidden", "message_id": message.pk, "seq": message.seq}


def help_request_event(help_request: HelpRequest) -> dict:
    """A question as the room sees it now: waiting, or taken by an ambassador."""
    if help_request.status == HelpRequest.Status.OPEN:
        payload = serialize_help_request(help_request)
        return {"type": "help_request", "help_request": payload, "seq": help_request.room_seq}
    return {
        "type": "claimed",
        "help_request_id": help_request.pk,
        "by": person(help_request.claimed_by),
        "seq": help_request.room_seq,
    }


def resolved_event(help_request: HelpRequest) -> dict:
    seq = help_request.resolved_seq
    return {"type": "resolved", "help_request_id": help_request.pk, "seq": seq}


def _text(event: dict) -> str:
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"))


def broadcast(group: str, event: dict, audience: str | None = None) -> None:
    """Send `event` to everyone in `group` after the commit, serialised once (and to `audience`
    only, the others of the room hearing that its number passed)."""
    if is_quiet():
        return
    message = {"type": "room.event", "text": _text(event)}
    if audience is not None:
        message["audience"] = audience
        message["others"] = _text({"type": "skip", "seq": event["seq"]})

    def send():
        layer = get_channel_layer()
        if layer is None:
            return
        try:
            async_to_sync(layer.group_send)(group, message)
        except (RedisError, OSError) as error:
            # Saved and numbered already: the pages catch up by number once the layer is back.
            # Raised here, it failed the frame after the commit and dropped the socket unclosed.
            logger.warning("Room event not broadcast (%s): pages catch up", type(error).__name__)

    transaction.on_commit(send)


def publish_message(message: Message, restored: bool = False) -> None:
    broadcast(group_of(message_stream(message)), message_event(message, restored))


def publish_changed(messages) -> None:
    """Messages changed in place (their author's account erased): each takes its stream's
    next number, and pages get it again as it is now. Last in the caller's transaction."""
    for message in messages:
        message.seq = take_number(message_stream(message))
        Message.objects.filter(pk=message.pk).update(seq=message.seq)
        publish_message(message)


def publish_help_request(help_request: HelpRequest) -> None:
    audience = AMBASSADORS if help_request.is_private else None
    broadcast(help_request.room.group_name, help_request_event(help_request), audience)


# --- Catch-up ------------------------------------------------------------------------------


def catch_up(room: Room, after, help_request=None, private=False) -> dict:
    """The `history` answer: each thing of the stream changed after number `after`, in its
    state now, in order (the last 50 messages when `after` is None), and the stream's number
    they bring the page to. `private`: the room's private questions are included."""
    # Read first: every change numbered up to it is committed, so the reads below see it.
    if help_request is None:
        number = selectors.stream_number(room)
    else:
        number, resolved_seq = selectors.thread_numbers(help_request)
    if after is None:
        events = [message_event(m) for m in selectors.history(room, help_request)]
        return {"type": "history", "events": events, "seq": number, "complete": True}
    messages, complete = selectors.messages_changed(room, after, help_request)
    events = [message_event(m) for m in messages]
    if help_request is None:
        requests, all_requests = selectors.help_requests_changed(room, after, private)
        events += [help_request_event(r) for r in requests]
        complete = complete and all_requests
    elif resolved_seq > after:
        help_request.resolved_seq = resolved_seq
        events.append(resolved_event(help_request))
    events.sort(key=lambda event: event["seq"])
    return {"type": "history", "events": events, "seq": number, "complete": complete}
