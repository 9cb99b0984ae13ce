"""The WebSocket rows of the permission matrix: every frame type of the room and thread
consumers (rooms/PROTOCOL.md), tried by each role through the whole ASGI application.

One transactional test per role (the consumer works in other threads): it connects once to
room X, sends each frame in the table's order (each acts on its own message or person, so the
order does not matter), and after each a ping, so the frame is answered before the database
is read. Answers: "ok" (done, checked in the database), the protocol's error code, or the
close code of a refused connection (4401 not signed in, 4403 not allowed, 4404 no such room).
"""

import json

import pytest
from channels.db import database_sync_to_async
from channels.layers import channel_layers

from coeduc.asgi import application
from rooms.consumers import RoomSocket, ThreadConsumer
from rooms.models import HelpRequest, Member, Message, OnDuty, Report
from tests.websocket import WebsocketCommunicator, headers_for, session_key_for

from .tables import ROLES, WEBSOCKET
from .world import build_people, build_rooms

pytestmark = pytest.mark.django_db(transaction=True)

db = database_sync_to_async


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """Redis's layer is bound to the event loop of the test that first used it."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def test_every_frame_type_has_a_row():
    frames = {f"room: {kind}" for kind in RoomSocket.TYPES}
    frames |= {f"thread: {kind}" for kind in ThreadConsumer.TYPES}
    frames |= {"room: connect", "thread: connect", "notifications: connect"}
    assert frames == {key.split("#")[0] for key in WEBSOCKET}


def frames(w, user) -> dict[str, tuple[dict, object]]:
    """Each row's frame and its effect (a function of nothing, read after the frame)."""
    status = lambda obj, value: lambda: type(obj).objects.filter(pk=obj.pk, status=value).exists()  # noqa: E731
    member = lambda person: Member.objects.get(room=w.room, user=person)  # noqa: E731
    return {
        "room: hello": ({"type": "hello", "last_id": None}, None),
        "room: ping": ({"type": "ping"}, None),
        "room: post": (
            {"type": "post", "text": "Bonjour", "client_id": "c1"},
            lambda: Message.objects.filter(room=w.room, author=user, text="Bonjour").exists(),
        ),
        "room: read": (
            {"type": "read", "up_to": w.message.pk},
            lambda: Member.objects.filter(
                user=user, room=w.room, last_read_id=w.message.pk
            ).exists(),
        ),
        "room: report": (
            {"type": "report", "message_id": w.to_report.pk, "reason": "Pas gentil"},
            lambda: Report.objects.filter(message=w.to_report, reporter=user).exists(),
        ),
        "room: hide": (
            {"type": "hide", "message_id": w.message.pk, "reason": "Hors sujet"},
            status(w.message, Message.Status.HIDDEN),
        ),
        "room: restore": (
            {"type": "restore", "message_id": w.hidden.pk, "reason": "Erreur"},
            status(w.hidden, Message.Status.VISIBLE),
        ),
        "room: mute": (
            {"type": "mute", "user_id": w.nadia.pk, "minutes": 15, "reason": "Calme"},
            lambda: member(w.nadia).is_muted(),
        ),
        "room: ban": (
            {"type": "ban", "user_id": w.carla.pk, "reason": "Insultes"},
            lambda: member(w.carla).is_banned,
        ),
        "room: duty": (
            {"type": "duty", "on": True},
            lambda: OnDuty.objects.filter(user=user).exists(),
        ),
        "room: claim": (
            {"type": "claim", "help_request_id": w.open_request.pk},
            lambda: HelpRequest.objects.filter(pk=w.open_request.pk, claimed_by=user).exists(),
        ),
        "room: hide#the ambassador's room": (
            {"type": "hide", "message_id": w.moderated_message.pk, "reason": "Hors sujet"},
            status(w.moderated_message, Message.Status.HIDDEN),
        ),
        "thread: hello": ({"type": "hello", "last_id": None}, None),
        "thread: ping": ({"type": "ping"}, None),
        "thread: post": (
            {"type": "post", "text": "Voici", "client_id": "t1"},
            lambda: Message.objects.filter(help_request=w.thread, text="Voici").exists(),
        ),
        "thread: hide": (
            {"type": "hide", "message_id": w.thread_message.pk, "reason": "Numéro"},
            status(w.thread_message, Message.Status.HIDDEN),
        ),
        "thread: restore": (
            {"type": "restore", "message_id": w.thread_hidden.pk, "reason": "Erreur"},
            status(w.thread_hidden, Message.Status.VISIBLE),
        ),
    }


async def open_socket(key, path):
    """(the socket, None) when accepted, else (None, the close code)."""
    ws = WebsocketCommunicator(application, path + "?lang=en", headers_for(key))
    connected, code = await ws.connect(timeout=5)
    if not connected:
        await ws.disconnect(code=code)
        return None, code
    return ws, None


async def answer(ws, frame, effect):
    """Send the frame, then a ping: an error before the pong is the answer, else the effect."""
    await ws.send_json_to(frame)
    if frame["type"] != "ping":
        await ws.send_json_to({"type": "ping"})
    error = None
    while True:
        event = await ws.receive_output(timeout=5)
        if event["type"] == "websocket.close":
            return event.get("code", 1000)
        data = json.loads(event["text"])
        if data["type"] == "error":
            error = error or data["code"]
        if data["type"] == "pong":  # read up to it, so the next row starts clean
            break
    if error is not None:
        return error
    if effect is None:
        return "ok"
    return "ok" if await db(effect)() else "no"


async def answer_in(key, path, frame, effect):
    """The answer on a socket of its own (or the refusal of that socket)."""
    ws, refused = await open_socket(key, path)
    if ws is None:
        return refused
    try:
        return await answer(ws, frame, effect)
    finally:
        await ws.disconnect()


async def answers_of(role) -> dict[str, object]:
    w = await db(build_people)()
    await db(build_rooms)(w)
    user = w.users.get(role)
    key = await db(session_key_for)(user) if user else None
    rows = frames(w, user)
    found = {}
    sockets = {
        "room": f"/ws/rooms/{w.room.slug}/",
        "thread": f"/ws/rooms/{w.room.slug}/help/{w.thread.pk}/",
    }
    for kind, path in sockets.items():
        ws, refused = await open_socket(key, path)
        found[f"{kind}: connect"] = refused or "ok"
        for row, (frame, effect) in rows.items():
            if row.startswith(kind + ":"):
                if "ambassador's room" in row:
                    other_room = f"/ws/rooms/{w.moderated_room.slug}/"
                    found[row] = await answer_in(key, other_room, frame, effect)
                else:
                    found[row] = refused if ws is None else await answer(ws, frame, effect)
        if ws is not None:
            await ws.disconnect()
    ws, refused = await open_socket(key, "/ws/notifications/")
    found["notifications: connect"] = refused or "ok"
    if ws is not None:
        await ws.disconnect()
    return found


@pytest.mark.parametrize("role", ROLES)
async def test_each_frame_gets_the_answer_in_the_matrix(role):
    expected = {row: answers[ROLES.index(role)] for row, answers in WEBSOCKET.items()}
    assert await answers_of(role) == expected
