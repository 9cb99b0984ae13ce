"""Voice messages: recordings checked from their bytes (type, whole, length, size), kept
privately and served with byte ranges to who may listen, sent like any other room message
(numbered, broadcast as metadata, caught up), moderated, and erased with the account.

The recordings are made in Python (tests/rooms/audio.py) or are real ones, small, in
tests/rooms/audio/ (Chromium's MediaRecorder, espeak-ng + opusenc).
"""

import json
import os

import pytest
from channels.db import database_sync_to_async
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from core.audio import byte_range
from core.personal_data import Person, export_person
from rooms import events, moderation, services
from rooms.models import Message, ModerationAction, Room, WatchedWord
from rooms.voice_formats import read_recording
from tests.factories import (
    join,
    make_ambassador,
    make_facilitator,
    make_room,
    make_territory,
    make_user,
)

from . import audio
from .stream import Stream
from .test_consumers import connect, drain, next_of

JSON = {"HTTP_ACCEPT": "application/json"}


def url(name, *args):
    return reverse(f"rooms:{name}", args=args)


def upload(data: bytes, name="voice.ogg", content_type="audio/ogg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(root) -> list:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def signed_in(user) -> Client:
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def post_voice(client, room, data, note="", **extra):
    return client.post(
        url("voice_post", room.slug), {"audio": upload(data, **extra), "note": note}, **JSON
    )


@pytest.fixture
def room_with_parents(db):
    room = make_room(slug="pronote-aisne")
    samira, julie = make_user("Samira"), make_user("Julie")
    join(samira, room)
    join(julie, room)
    return room, samira, julie


# --- What a file is ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("made", "content_type", "seconds"),
    [
        (lambda: audio.ogg_opus(7), "audio/ogg", 7.0),
        (lambda: audio.webm_opus(7), "audio/webm", 7.0),  # no Duration: read from the blocks
        (lambda: audio.webm_opus(7, duration_ms=7000), "audio/webm", 7.0),
        (lambda: audio.mp4_aac(7), "audio/mp4", 6.99),
        (lambda: audio.mp4_aac(7, fragmented=True), "audio/mp4", 6.99),  # header says 0
        (lambda: (audio.FIXTURES / "chromium-mediarecorder.webm").read_bytes(), "audio/webm", 1.5),
        (lambda: (audio.FIXTURES / "chromium-mediarecorder.mp4").read_bytes(), "audio/mp4", 1.38),
        (lambda: (audio.FIXTURES / "espeak-opusenc.opus").read_bytes(), "audio/ogg", 2.58),
    ],
    ids=["ogg", "webm", "webm-duration", "mp4", "mp4-fragmented", "chromium-webm",
         "chromium-mp4", "opusenc-ogg"],
)  # fmt: skip
def test_each_browser_s_recording_is_read_from_its_bytes(made, content_type, seconds):
    recording = read_recording(made())
    assert recording.content_type == content_type
    assert recording.seconds == pytest.approx(seconds, abs=0.02)


def test_a_header_cannot_understate_what_the_blocks_hold():
    """A WebM whose Duration says 1 s over three minutes of blocks lasts three minutes."""
    assert read_recording(audio.webm_opus(180, duration_ms=1000)).seconds == pytest.approx(180)


def test_byte_ranges_as_players_ask_for_them():
    assert byte_range("", 1000) is None
    assert byte_range("bytes=0-", 1000) == (0, 999)
    assert byte_range("bytes=100-199", 1000) == (100, 199)
    assert byte_range("bytes=900-5000", 1000) == (900, 999)
    assert byte_range("bytes=-10", 1000) == (990, 999)
    assert byte_range("bytes=0-1,5-6", 1000) is None  # several ranges: the whole file


# --- Posting -------------------------------------------------------------------------------


def test_a_recording_is_accepted_stored_privately_and_its_note_masked(
    room_with_parents, voice_root
):
    room, samira, _julie = room_with_parents
    data = audio.ogg_opus(7)
    # The browser's name and type are not believed: the bytes say Ogg.
    response = post_voice(
        signed_in(samira), room, data, note="Réunion mardi, appelez le 06 12 34 56 78",
        name="photo.jpg", content_type="image/jpeg",
    )  # fmt: skip

    assert response.status_code == 201
    message = Message.objects.get()
    assert response.json()["message"]["voice"] == {
        "url": f"/fr/rooms/pronote-aisne/voice/{message.pk}/",
        "type": "audio/ogg",
        "seconds": 7.0,
    }
    assert (message.voice_type, message.voice_seconds, message.seq) == ("audio/ogg", 7.0, 1)
    assert message.text == "Réunion mardi, appelez le ** ** ** ** **"
    [path] = stored_files(voice_root)
    assert path.read_bytes() == data and path.suffix == ".ogg"
    assert not path.resolve().is_relative_to(settings.MEDIA_ROOT.resolve())
    with pytest.raises(ValueError):
        message.voice.url  # noqa: B018 — no public address at all


def test_the_recording_is_served_with_ranges_to_the_room_and_refused_to_others(
    room_with_parents,
):
    room, samira, julie = room_with_parents
    data = audio.ogg_opus(7)
    post_voice(signed_in(samira), room, data)
    address = url("voice", room.slug, Message.objects.get().pk)
    julie_browser = signed_in(julie)

    whole = julie_browser.get(address)
    assert whole.status_code == 200
    assert b"".join(whole.streaming_content) == data
    assert whole["Content-Type"] == "audio/ogg"
    assert whole["Accept-Ranges"] == "bytes"
    assert whole["Cache-Control"] == "private, no-store"
    assert whole["X-Content-Type-Options"] == "nosniff"

    part = julie_browser.get(address, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert part.content == data[100:200]
    tail = julie_browser.get(address, HTTP_RANGE="bytes=-10")
    assert (tail.status_code, tail.content) == (206, data[-10:])
    beyond = julie_browser.get(address, HTTP_RANGE=f"bytes={len(data)}-")
    assert (beyond.status_code, beyond["Content-Range"]) == (416, f"bytes */{len(data)}")

    assert Client(HTTP_HOST="localhost").get(address).status_code == 403  # a visitor
    elsewhere = make_user("Nora", make_territory("95", "Val-d'Oise"))
    assert signed_in(elsewhere).get(address).status_code == 404  # not of the room
    banned = make_user("Bruno")
    join(banned, room, banned_at=room.created_at)
    assert signed_in(banned).get(address).status_code == 404
    assert signed_in(julie).get(url("voice", "autre-salle", 1)).status_code == 404


REFUSALS = {
    "a program renamed .ogg": (
        lambda: b"MZ\x90\x00\x03" + os.urandom(4000),
        "voice_type",
        "not a sound recording we can play",
    ),
    "a three-minute recording": (
        lambda: audio.ogg_opus(180),
        "voice_too_long",
        "a voice message lasts 120 seconds at most",
    ),
    "a three-minute WebM saying 1 s": (
        lambda: audio.webm_opus(180, duration_ms=1000),
        "voice_too_long",
        "a voice message lasts 120 seconds at most",
    ),
    "a 5 MB recording": (
        lambda: audio.ogg_opus(110, frame=b"\xfc" + os.urandom(1000)),
        "voice_too_big",
        "2 MB at most",
    ),
    "an empty file": (lambda: b"", "voice_empty", "This recording is empty"),
    "a cut-off recording": (
        lambda: audio.ogg_opus(7)[:-40],
        "voice_broken",
        "incomplete or damaged",
    ),
    "a film": (lambda: audio.mp4_aac(3, video=True), "voice_type", "not a sound recording"),
}


@pytest.mark.parametrize("case", REFUSALS)
def test_each_refused_recording_says_why_and_nothing_is_stored(room_with_parents, voice_root, case):
    room, samira, _julie = room_with_parents
    made, code, text = REFUSALS[case]
    data = made()
    if case == "a 5 MB recording":
        assert len(data) > 5 * 1024 * 1024
    response = post_voice(signed_in(samira), room, data, name="message.ogg")

    assert response.status_code == 400
    assert response.json()["code"] == code
    assert text in response.json()["message"]
    assert not Message.objects.exists()
    assert stored_files(voice_root) == []


def test_without_javascript_a_refusal_comes_back_on_the_page(room_with_parents, voice_root):
    room, samira, _julie = room_with_parents
    page = signed_in(samira).post(url("voice_post", room.slug), {"audio": upload(b"")}, follow=True)
    assert page.redirect_chain[-1][0] == url("room", room.slug) + "#voice"
    assert "This recording is empty. Record your message again." in page.content.decode()

    # No file chosen (the browser sends no file part): refused, never posted as a text.
    nothing = signed_in(samira).post(url("voice_post", room.slug), {"note": "Et ma note ?"}, **JSON)
    assert (nothing.status_code, nothing.json()["code"]) == (400, "voice_empty")
    assert not Message.objects.exists()

    sent = signed_in(samira).post(
        url("voice_post", room.slug), {"audio": upload(audio.ogg_opus(3))}
    )
    message = Message.objects.get()
    assert sent["Location"] == url("room", room.slug) + f"#m-{message.pk}"


def test_the_room_page_offers_a_phone_recording_and_labels_each_player(room_with_parents):
    room, samira, julie = room_with_parents
    post_voice(signed_in(samira), room, audio.ogg_opus(7), note="La réunion")
    message = Message.objects.get()

    html = signed_in(julie).get(url("room", room.slug)).content.decode()
    assert 'enctype="multipart/form-data"' in html
    assert 'type="file" id="id_audio" name="audio" accept="audio/*" capture' in html
    assert "At most 2 minutes and 2 MB." in html
    assert '<div class="voice-recorder" data-recorder hidden>' in html  # shown by voice.js
    assert "rooms/voice.js" in html and "defer" in html
    address = url("voice", room.slug, message.pk)
    assert f'<audio controls preload="none" src="{address}"' in html
    assert 'aria-label="Voice message from Samira, ' in html and ', 7 seconds"' in html
    assert "Voice message, 0:07" in html and "La réunion" in html
    assert "/media/" not in html


# --- Like any other message ----------------------------------------------------------------


def test_rate_limits_and_slow_mode_count_voice_messages(room_with_parents, voice_root, settings):
    room, samira, _julie = room_with_parents
    settings.ROOMS_RATE_LIMIT_MESSAGES = 2
    browser = signed_in(samira)
    services.post_message(samira, room, "Un")
    assert post_voice(browser, room, audio.ogg_opus(2)).status_code == 201
    refused = post_voice(browser, room, audio.ogg_opus(2))
    assert (refused.status_code, refused.json()["code"]) == (429, "rate_limited")
    assert len(stored_files(voice_root)) == 1

    settings.ROOMS_RATE_LIMIT_MESSAGES = 100
    slow = make_room(slow_mode_seconds=60)
    join(samira, slow)
    assert post_voice(browser, slow, audio.ogg_opus(2)).status_code == 201
    refused = post_voice(browser, slow, audio.ogg_opus(2))
    assert (refused.status_code, refused.json()["code"]) == (429, "slow_mode")
    assert len(stored_files(voice_root)) == 2


def test_watched_words_apply_to_the_note_and_moderators_listen_to_held_ones(
    room_with_parents, voice_root
):
    room, samira, julie = room_with_parents
    WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.BLOCK)
    WatchedWord.objects.create(word="crédit", action=WatchedWord.Action.HOLD)
    blocked = post_voice(signed_in(samira), room, audio.ogg_opus(2), note="Une arnaque")
    assert blocked.json()["code"] == "blocked_word"
    assert stored_files(voice_root) == []

    held = post_voice(signed_in(samira), room, audio.ogg_opus(2), note="Un crédit ?")
    assert (held.status_code, held.json()["code"]) == (202, "held_for_review")
    message = Message.objects.get()
    assert message.status == Message.Status.HELD
    address = url("voice", room.slug, message.pk)
    claire = make_facilitator()
    assert signed_in(julie).get(address).status_code == 404  # not shown yet
    assert signed_in(samira).get(address).status_code == 200  # her own
    assert signed_in(claire).get(address).status_code == 200  # to decide
    page = signed_in(claire).get(url("moderation", room.slug)).content.decode()
    assert f'src="{address}"' in page

    moderation.release(claire, room, message.pk, "Lu")
    assert signed_in(julie).get(address).status_code == 200


def test_a_moderator_hides_a_voice_message_reported_by_a_member(room_with_parents):
    room, samira, julie = room_with_parents
    post_voice(signed_in(samira), room, audio.ogg_opus(2))
    message = Message.objects.get()
    services.report_message(julie, room, message.pk, "Insultant")
    claire = make_facilitator()

    moderation.hide(claire, room, message.pk, "Insultant")
    address = url("voice", room.slug, message.pk)
    assert signed_in(julie).get(address).status_code == 404
    assert signed_in(claire).get(address).status_code == 200
    logged = ModerationAction.objects.get()
    assert (logged.kind, logged.message, logged.target_user) == ("hide", message, samira)


def test_in_a_private_thread_the_parent_and_the_ambassador_talk_by_voice(db):
    room = make_room()
    parent, other = make_user("Samira"), make_user("Julie")
    join(parent, room)
    join(other, room)
    karim = make_ambassador()
    help_request = services.ask_for_help(parent, room, "Mon code ?", is_private=True)
    services.claim(karim, help_request.pk)
    thread = url("thread_voice_post", room.slug, help_request.pk)
    page = signed_in(karim).get(url("help_request", room.slug, help_request.pk)).content.decode()
    assert f'action="{thread}" class="room-voice"' in page and "rooms/voice.js" in page

    asked = signed_in(parent).post(thread, {"audio": upload(audio.ogg_opus(3))}, **JSON)
    answered = signed_in(karim).post(
        thread, {"audio": upload(audio.webm_opus(4), name="r.webm")}, **JSON
    )
    assert asked.status_code == answered.status_code == 201
    question, answer = Message.objects.order_by("pk")
    assert question.help_request == answer.help_request == help_request
    assert (question.seq, answer.seq) == (1, 2)  # the thread's own numbers
    for message in (question, answer):
        address = url("voice", room.slug, message.pk)
        assert signed_in(parent).get(address).status_code == 200
        assert signed_in(karim).get(address).status_code == 200
        assert signed_in(make_facilitator()).get(address).status_code == 200  # for safety
        assert signed_in(other).get(address).status_code == 404
    outsider = signed_in(other).post(thread, {"audio": upload(audio.ogg_opus(3))}, **JSON)
    assert outsider.status_code == 404


# --- Erasure -------------------------------------------------------------------------------


def test_the_export_gives_the_recording_and_erasure_deletes_it(
    room_with_parents, voice_root, django_capture_on_commit_callbacks
):
    import base64

    room, samira, julie = room_with_parents
    data = audio.ogg_opus(5)
    post_voice(signed_in(samira), room, data, note="Pour la réunion")
    message = Message.objects.get()
    [exported] = export_person(Person.for_user(samira))["rooms.voice"]
    assert base64.b64decode(exported["base64"]) == data
    assert (exported["note"], exported["type"], exported["seconds"]) == (
        "Pour la réunion",
        "audio/ogg",
        5.0,
    )

    browser = signed_in(samira)
    with django_capture_on_commit_callbacks(execute=True):
        assert browser.post(reverse("parents:delete"), {"confirm": "on"}).status_code == 302
    assert stored_files(voice_root) == []
    message.refresh_from_db()
    assert (message.erased, message.voice.name, message.voice_type) == (True, "", "")
    assert signed_in(julie).get(url("voice", room.slug, message.pk)).status_code == 404


def test_a_room_deleted_takes_its_recordings_along(
    room_with_parents, voice_root, django_capture_on_commit_callbacks
):
    room, samira, _julie = room_with_parents
    post_voice(signed_in(samira), room, audio.ogg_opus(2))
    assert len(stored_files(voice_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        Room.objects.filter(pk=room.pk).delete()
    assert stored_files(voice_root) == []


# --- Live ----------------------------------------------------------------------------------


db_async = database_sync_to_async


@pytest.mark.django_db(transaction=True)
async def test_a_voice_message_reaches_the_room_live_as_metadata_and_is_caught_up():
    room = await db_async(make_room)(slug="salle-vocale")
    samira, julie = await db_async(make_user)("Samira"), await db_async(make_user)("Julie")
    await db_async(join)(samira, room)
    await db_async(join)(julie, room)
    page = Stream()
    ws = await connect(julie, room)
    await ws.send_json_to(page.hello())
    page.receive(await next_of(ws, "history"))

    def send():
        return post_voice(signed_in(samira), room, audio.ogg_opus(3), note="Écoutez")

    response = await db_async(send)()
    assert response.status_code == 201
    event = await next_of(ws, "message")
    message = await db_async(Message.objects.get)()
    assert event["seq"] == message.seq == 1
    assert event["message"]["voice"]["url"] == f"/fr/rooms/salle-vocale/voice/{message.pk}/"
    assert event["message"]["html"] == "Écoutez"
    assert len(json.dumps(event)) < 1000  # the sound never goes through the layer
    page.receive(event)
    await drain(ws)
    await ws.disconnect()

    late = Stream(seq=0)  # a page rendered before it, reconnecting
    ws = await connect(julie, room)
    await ws.send_json_to(late.hello())
    late.receive(await next_of(ws, "history"))
    assert [m["voice"]["seconds"] for m in late.shown()] == [3.0]
    assert page.shown() == late.shown()
    await ws.disconnect()


def test_only_the_recording_s_metadata_goes_through_the_layer(room_with_parents):
    """The event's text, serialised once for the whole room, holds the recording's address and
    length, never its bytes: a long recording weighs what a text message does."""
    room, samira, _julie = room_with_parents
    post_voice(signed_in(samira), room, audio.ogg_opus(100))
    message = Message.objects.get()
    text = json.dumps(events.message_event(message))
    assert "OggS" not in text and len(text) < 600


def test_the_recordings_may_not_be_kept_where_anyone_can_fetch_them(settings):
    from rooms.checks import voice_root_is_private

    assert voice_root_is_private() == []
    settings.ROOMS_VOICE_ROOT = settings.MEDIA_ROOT / "voice"
    [error] = voice_root_is_private()
    assert error.id == "rooms.E001" and "MEDIA_ROOT" in error.msg
