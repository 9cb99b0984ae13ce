"""The room's WebSocket through the whole ASGI application (origin, session, protocol).

Each test is transactional (the consumer works in other threads) and checks several things
in a row: flushing the database after each one is what costs time.
"""

import json

import pytest
from channels.db import database_sync_to_async
from django.contrib.sessions.models import Session

from coeduc.asgi import application
from core.notify import quietly
from rooms import moderation, services
from rooms.models import Member, Message, ModerationAction
from tests.factories import (
    join,
    make_ambassador,
    make_facilitator,
    make_room,
    make_territory,
    make_user,
)
from tests.websocket import WebsocketCommunicator, headers_for, session_key_for

from .stream import Stream

pytestmark = pytest.mark.django_db(transaction=True)

db = database_sync_to_async


def socket(session_key=None, path="/ws/rooms/{slug}/", slug="salle", origin=b"http://localhost"):
    return WebsocketCommunicator(
        application, path.format(slug=slug) + "?lang=en", headers_for(session_key, origin)
    )


async def connect(user, room, path="/ws/rooms/{slug}/"):
    key = await db(session_key_for)(user)
    ws = socket(key, path=path, slug=room.slug)
    connected, code = await ws.connect(timeout=5)
    assert connected, code
    return ws


async def next_of(ws, kind, timeout=5):
    """The next event of this type (presence and duty updates in between are skipped)."""
    for _ in range(20):
        event = await ws.receive_json_from(timeout=timeout)
        if event["type"] == kind:
            return event
    raise AssertionError(f"no {kind} event")


async def drain(ws) -> list[dict]:
    """Every event waiting for this socket."""
    events = []
    while not await ws.receive_nothing(timeout=0.3):
        events.append(await ws.receive_json_from())
    return events


async def closed_with(ws, timeout=5) -> int:
    """The close code, past presence and duty updates still on their way.

    `drain` stops at 0.3 s of quiet; on a loaded machine a presence update can come after it,
    before the close (a CI run failed so).
    """
    for _ in range(20):
        frame = await ws.receive_output(timeout)
        if frame["type"] == "websocket.close":
            return frame.get("code", 1000)
        event = json.loads(frame["text"])
        for each in event["events"] if event["type"] == "batch" else [event]:
            assert each["type"] in ("presence", "on_duty"), each
    raise AssertionError("the socket was not closed")


async def refused(ws) -> int:
    connected, code = await ws.connect(timeout=5)
    assert connected is False
    await ws.disconnect(code=code)
    return code


async def test_who_may_connect():
    room = await db(make_room)(slug="pronote-aisne")
    other_room = await db(make_room)(territory=await db(make_territory)("95", "Val-d'Oise"))
    samira = await db(make_user)("Samira")
    banned = await db(make_user)("Bruno")
    await db(join)(banned, room, banned_at=room.created_at)
    samira_key = await db(session_key_for)(samira)

    assert await refused(socket(slug=room.slug)) == 4401  # not signed in
    await refused(socket(samira_key, slug=room.slug, origin=b"http://evil.example"))
    assert await refused(socket(samira_key, slug="no-such-room")) == 4404
    assert await refused(socket(samira_key, slug=other_room.slug)) == 4403  # other territory
    banned_key = await db(session_key_for)(banned)
    assert await refused(socket(banned_key, slug=room.slug)) == 4403

    # The same person, same origin, own territory: let in, told who is on duty and present.
    ws = socket(samira_key, slug=room.slug)
    assert (await ws.connect(timeout=5))[0]
    assert await next_of(ws, "on_duty") == {"type": "on_duty", "people": []}
    presence = await next_of(ws, "presence")
    assert presence["present"] == [{"id": samira.pk, "name": "Samira"}]
    await ws.send_json_to({"type": "ping"})
    assert await next_of(ws, "pong") == {"type": "pong"}
    await ws.disconnect()


async def test_two_parents_talk_live_and_catch_up_after_a_reconnect():
    room = await db(make_room)(slug="salle")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    await db(join)(claire, room)
    earlier = await db(services.post_message)(claire, room, "Bonjour à toutes !")

    samira_ws = await connect(samira, room)
    claire_ws = await connect(claire, room)
    page = Stream()
    await samira_ws.send_json_to(page.hello())
    history = await next_of(samira_ws, "history")
    assert [e["message"]["id"] for e in history["events"]] == [earlier.pk]
    assert (history["seq"], history["complete"]) == (1, True)  # the room's one event so far
    page.receive(history)

    text = "<script>x</script> Appelez-moi au 06 12 34 56 78 ou samira@example.org, voir https://www.pronote.net"
    await samira_ws.send_json_to({"type": "post", "text": text, "client_id": "abc-1"})
    for ws in (samira_ws, claire_ws):
        event = await next_of(ws, "message")
        message = event["message"]
        assert event["seq"] == 2  # the room's next number
        assert message["author"] == {"id": samira.pk, "name": "Samira"}
        assert message["client_id"] == "abc-1"
        assert "&lt;script&gt;" in message["html"] and "<script>" not in message["html"]
        assert (
            "06 12 34 56 78" not in message["html"] and "samira@example.org" not in message["html"]
        )
        assert 'rel="nofollow noopener ugc"' in message["html"]
    page.receive(event)
    # Saved before it was sent, masked in the database too.
    saved = await db(Message.objects.get)(pk=message["id"])
    assert "06 12" not in saved.text and "** ** ** ** **" in saved.text

    # Samira's connection drops; Claire writes twice; Samira comes back with her last number.
    await samira_ws.disconnect()
    await claire_ws.send_json_to({"type": "post", "text": "Tu es là ?", "client_id": "c-1"})
    await claire_ws.send_json_to({"type": "post", "text": "Pronote marche ?", "client_id": "c-2"})
    await next_of(claire_ws, "message")
    await next_of(claire_ws, "message")
    samira_ws = await connect(samira, room)
    await samira_ws.send_json_to(page.hello())
    history = await next_of(samira_ws, "history")
    assert [e["message"]["client_id"] for e in history["events"]] == ["c-1", "c-2"]
    assert (history["seq"], history["complete"]) == (4, True)
    page.receive(history)

    # More than 50 missed: the last 50 only, and "complete" is false so the page offers a reload.
    with_no_broadcast = quietly  # (and no rate limit: the demo loader's way of writing)

    def fifty_five():
        with with_no_broadcast():
            for i in range(55):
                services.post_message(claire, room, f"n°{i}")

    await db(fifty_five)()
    await samira_ws.send_json_to(page.hello())
    history = await next_of(samira_ws, "history")
    assert len(history["events"]) == 50 and history["complete"] is False
    assert history["events"][-1]["message"]["html"] == "n°54"
    assert history["seq"] == 4 + 55

    # Read marker: forward only.
    newest = history["events"][-1]["message"]["id"]
    last_seen = page.shown()[-1]["id"]
    await samira_ws.send_json_to({"type": "read", "up_to": newest})
    await samira_ws.send_json_to({"type": "read", "up_to": last_seen})
    await samira_ws.send_json_to({"type": "ping"})
    await next_of(samira_ws, "pong")
    member = await db(Member.objects.get)(room=room, user=samira)
    assert member.last_read_id == newest
    await samira_ws.disconnect()
    await claire_ws.disconnect()


async def test_bad_input_gets_an_error_never_a_crash():
    room = await db(make_room)(slug="salle")
    elsewhere = await db(make_room)(territory=await db(make_territory)("95", "Val-d'Oise"))
    samira, stranger = await db(make_user)("Samira"), await db(make_user)("Zoé")
    await db(join)(samira, room)
    other_parent = await db(make_user)("Yann", territory=elsewhere.territory)
    await db(join)(other_parent, elsewhere)
    foreign = await db(services.post_message)(other_parent, elsewhere, "ailleurs")
    ws = await connect(samira, room)

    async def error_for(frame) -> str:
        if isinstance(frame, str):
            await ws.send_text_to(frame)
        else:
            await ws.send_json_to(frame)
        return (await next_of(ws, "error"))["code"]

    assert await error_for("{not json") == "malformed"
    assert await error_for("[1, 2]") == "malformed"
    assert await error_for({"no": "type"}) == "malformed"
    assert await error_for({"type": "launch_missiles"}) == "unknown_type"
    assert await error_for({"type": "room_event", "text": "spoofed"}) == "unknown_type"
    assert await error_for({"type": "post", "text": "x" * 1001}) == "too_long"
    assert await error_for({"type": "post", "text": "   "}) == "empty"
    assert await error_for({"type": "post", "text": 42}) == "invalid"
    assert await error_for({"type": "read", "up_to": foreign.pk}) == "not_found"
    assert await error_for({"type": "read", "up_to": "12"}) == "invalid"
    assert await error_for({"type": "read", "up_to": 10**12}) == "not_found"
    assert await error_for({"type": "report", "message_id": foreign.pk, "reason": "x"}) == (
        "not_found"
    )
    assert await error_for({"type": "hide", "message_id": foreign.pk}) == "forbidden"
    assert await error_for({"type": "mute", "user_id": other_parent.pk, "minutes": 5}) == (
        "forbidden"
    )
    assert await error_for({"type": "claim", "help_request_id": 999999}) == "not_found"
    assert await error_for({"type": "duty", "on": True}) == "forbidden"  # not an ambassador
    assert await error_for({"type": "hello", "seq": "abc"}) == "invalid"
    assert await error_for({"type": "hello", "seq": -1}) == "invalid"
    # The error message is translated text, in the page's language.
    await ws.send_json_to({"type": "post", "text": "x" * 1001})
    assert (await next_of(ws, "error"))["message"] == "This message is too long."

    # A member who has not accepted the rules yet may read but not post.
    stranger_ws = await connect(stranger, room)
    await stranger_ws.send_json_to({"type": "post", "text": "Bonjour"})
    assert (await next_of(stranger_ws, "error"))["code"] == "rules_not_accepted"
    await stranger_ws.disconnect()

    # Binary frames and oversized frames: closed with 1009, the application ends cleanly.
    await ws.send_input({"type": "websocket.receive", "bytes": b"\x00\x01"})
    assert (await next_of(ws, "error"))["code"] == "malformed"
    await ws.send_text_to(json.dumps({"type": "post", "text": "x" * 20000}))
    assert await closed_with(ws) == 1009
    await ws.disconnect()
    assert ws.future.done() and ws.future.exception() is None
    assert not await db(Message.objects.filter(room=room).exists)()


async def test_rate_limit_and_slow_mode():
    room = await db(make_room)(slug="salle")
    slow = await db(make_room)(slug="lente", slow_mode_seconds=60)
    samira = await db(make_user)("Samira")
    await db(join)(samira, room)
    await db(join)(samira, slow)
    ws = await connect(samira, room)
    for n in range(5):
        await ws.send_json_to({"type": "post", "text": f"message {n}"})
        await next_of(ws, "message")
    await ws.send_json_to({"type": "post", "text": "un de trop"})
    assert (await next_of(ws, "error"))["code"] == "rate_limited"
    await ws.disconnect()
    assert await db(Message.objects.filter(room=room).count)() == 5

    from django.core.cache import cache

    await db(cache.clear)()
    ws = await connect(samira, slow)
    await ws.send_json_to({"type": "post", "text": "premier"})
    await next_of(ws, "message")
    await ws.send_json_to({"type": "post", "text": "second trop tôt"})
    assert (await next_of(ws, "error"))["code"] == "slow_mode"
    await ws.disconnect()


async def test_mute_and_ban_apply_to_a_connected_member_at_their_next_message():
    room = await db(make_room)(slug="salle")
    claire = await db(make_facilitator)()
    bruno = await db(make_user)("Bruno")
    await db(join)(bruno, room)
    ws = await connect(bruno, room)
    await ws.send_json_to({"type": "post", "text": "avant"})
    await next_of(ws, "message")

    await db(moderation.mute)(claire, room, bruno.pk, 30, "Propos agressifs")
    await ws.send_json_to({"type": "post", "text": "pendant"})
    assert (await next_of(ws, "error"))["code"] == "muted"

    await db(moderation.ban)(claire, room, bruno.pk, "Insultes répétées")
    await ws.send_json_to({"type": "ping"})
    assert (await next_of(ws, "error"))["code"] == "banned"
    assert await closed_with(ws) == 4403
    await ws.disconnect()
    # Reconnecting does not get around it.
    key = await db(session_key_for)(bruno)
    assert await refused(socket(key, slug=room.slug)) == 4403
    kinds = await db(lambda: list(ModerationAction.objects.values_list("kind", flat=True)))()
    assert sorted(kinds) == ["ban", "mute"]


async def test_signed_out_elsewhere_is_refused_at_the_next_message():
    room = await db(make_room)(slug="salle")
    samira = await db(make_user)("Samira")
    ws = await connect(samira, room)
    await drain(ws)
    await db(lambda: Session.objects.all().delete())()
    await ws.send_json_to({"type": "ping"})
    assert await closed_with(ws) == 4401
    await ws.disconnect()


async def test_a_moderator_hides_and_restores_live_for_everyone():
    room = await db(make_room)(slug="salle")
    karim = await db(make_user)("Karim")
    samira = await db(make_user)("Samira")
    await db(join)(karim, room, is_moderator=True)
    await db(join)(samira, room)
    message = await db(services.post_message)(samira, room, "Achetez des abonnements ici")
    karim_ws, samira_ws = await connect(karim, room), await connect(samira, room)

    await samira_ws.send_json_to({"type": "hide", "message_id": message.pk})
    assert (await next_of(samira_ws, "error"))["code"] == "forbidden"
    await karim_ws.send_json_to({"type": "hide", "message_id": message.pk, "reason": "Spam"})
    for ws in (karim_ws, samira_ws):
        assert await next_of(ws, "hidden") == {"type": "hidden", "message_id": message.pk, "seq": 2}
    await samira_ws.send_json_to({"type": "hello", "seq": None})
    assert (await next_of(samira_ws, "history"))["events"] == []

    await karim_ws.send_json_to({"type": "restore", "message_id": message.pk, "reason": "Erreur"})
    for ws in (karim_ws, samira_ws):
        restored = await next_of(ws, "restored")
        assert (restored["message"]["id"], restored["seq"]) == (message.pk, 3)
    # A moderator is not muted by a peer; a stale id is not found.
    await karim_ws.send_json_to({"type": "hide", "message_id": message.pk + 1000})
    assert (await next_of(karim_ws, "error"))["code"] == "not_found"
    await karim_ws.disconnect()
    await samira_ws.disconnect()


async def test_ambassadors_on_duty_hear_a_question_and_one_claims_it():
    room = await db(make_room)(slug="salle")
    karim, sophie = await db(make_ambassador)("Karim"), await db(make_ambassador)("Sophie")
    samira, claire = await db(make_user)("Samira"), await db(make_user)("Claire")
    await db(join)(samira, room)
    karim_ws, sophie_ws = await connect(karim, room), await connect(sophie, room)
    claire_ws = await connect(claire, room)

    for ws in (karim_ws, sophie_ws, claire_ws):
        await drain(ws)
    await karim_ws.send_json_to({"type": "duty", "on": True})
    for ws in (karim_ws, sophie_ws, claire_ws):
        assert (await next_of(ws, "on_duty"))["people"] == [{"id": karim.pk, "name": "Karim"}]

    help_request = await db(services.ask_for_help)(
        samira, room, "Mon fils n'a plus accès à EduConnect", is_private=True
    )
    for ws in (karim_ws, sophie_ws):
        event = await next_of(ws, "help_request")
        assert event["help_request"]["id"] == help_request.pk
        assert event["help_request"]["private"] is True
    # A parent does not hear a private question.
    assert "help_request" not in [event["type"] for event in await drain(claire_ws)]
    await karim_ws.send_json_to({"type": "claim", "help_request_id": help_request.pk})
    assert (await next_of(karim_ws, "claimed_by_you"))["help_request_id"] == help_request.pk
    claimed = await next_of(sophie_ws, "claimed")
    assert claimed["by"] == {"id": karim.pk, "name": "Karim"}
    await sophie_ws.send_json_to({"type": "claim", "help_request_id": help_request.pk})
    assert (await next_of(sophie_ws, "error"))["code"] == "already_claimed"

    # The private thread: the parent and Karim talk; Sophie is not let in.
    samira_thread = await connect(samira, room, f"/ws/rooms/{{slug}}/help/{help_request.pk}/")
    karim_thread = await connect(karim, room, f"/ws/rooms/{{slug}}/help/{help_request.pk}/")
    sophie_key = await db(session_key_for)(sophie)
    path = f"/ws/rooms/{{slug}}/help/{help_request.pk}/"
    assert await refused(socket(sophie_key, path=path, slug=room.slug)) == 4403
    await samira_thread.send_json_to({"type": "post", "text": "Merci ! Il a 12 ans."})
    for ws in (samira_thread, karim_thread):
        assert (await next_of(ws, "message"))["message"]["html"] == "Merci ! Il a 12 ans."
    for ws in (karim_ws, sophie_ws, claire_ws, samira_thread, karim_thread):
        await ws.disconnect()


async def test_a_member_removed_from_the_room_s_territory_is_refused_at_the_next_message():
    room = await db(make_room)(slug="salle")
    samira = await db(make_user)("Samira")
    ws = await connect(samira, room)
    await drain(ws)
    samira.territory = await db(make_territory)("95", "Val-d'Oise")
    await db(samira.save)()
    await ws.send_json_to({"type": "ping"})
    assert (await next_of(ws, "error"))["code"] == "forbidden"
    assert await closed_with(ws) == 4403
    await ws.disconnect()


async def test_on_postgresql_a_frame_s_work_does_not_queue_behind_the_shared_thread(monkeypatch):
    """Every socket's frames went through asgiref's one thread (a flag read backwards): the
    room's rate was that thread's. On PostgreSQL they run in the pool; SQLite keeps one."""
    import threading

    from asgiref.sync import SyncToAsync
    from django.db import connection

    from rooms.consumers import RoomSocket

    shared = SyncToAsync.single_thread_executor.submit(threading.get_ident).result()
    threads = []
    handle = RoomSocket.handle

    def recording(self, content):
        threads.append(threading.get_ident())
        return handle(self, content)

    monkeypatch.setattr(RoomSocket, "handle", recording)
    room = await db(make_room)(slug="salle")
    samira = await db(make_user)("Samira")
    await db(join)(samira, room)
    ws = await connect(samira, room)
    await ws.send_json_to({"type": "ping"})
    assert (await next_of(ws, "pong"))["type"] == "pong"
    in_shared_thread = threads == [shared]
    assert in_shared_thread == (connection.vendor == "sqlite")
    await ws.disconnect()
