"""Questions to the ambassadors asked by voice: sent from the room page (a file without
JavaScript, the page's recorder with it), checked as a voice message is, heard by whoever sees
the question and nobody else, sent live as metadata, exported and erased with the account.
"""

import base64

import pytest
from django.urls import reverse

from core.personal_data import Person, export_person
from rooms import events, services
from rooms.models import HelpRequest, Room, WatchedWord
from tests.factories import (
    join,
    make_ambassador,
    make_facilitator,
    make_room,
    make_territory,
    make_user,
)

from . import audio
from .test_voice import JSON, REFUSALS, signed_in, stored_files, upload, url


def ask_by_voice(client, room, data, note="", private=False, **extra):
    fields = {"audio": upload(data), "note": note}
    if private:
        fields["is_private"] = "on"
    return client.post(url("ask_voice", room.slug), fields, **extra)


@pytest.fixture
def room_with_parents(db):
    territory = make_territory()
    room = make_room(slug="educonnect-aisne", territory=territory)
    samira, julie = make_user("Samira", territory), make_user("Julie", territory)
    join(samira, room)
    join(julie, room)
    return room, samira, julie


def test_without_javascript_a_parent_asks_with_a_recording_and_lands_on_her_question(
    room_with_parents, voice_root
):
    room, samira, julie = room_with_parents
    page = signed_in(samira).get(url("room", room.slug)).content.decode()
    action = url("ask_voice", room.slug)
    assert f'action="{action}" class="room-voice" id="ask-voice"' in page
    assert 'type="file" id="ask-voice_audio" name="audio" accept="audio/*" capture' in page
    assert page.count('id="id_audio"') == 1  # the room's voice message keeps its own field

    answer = ask_by_voice(signed_in(samira), room, audio.ogg_opus(6))
    question = HelpRequest.objects.get()
    assert answer["Location"] == url("help_request", room.slug, question.pk)
    assert (question.question, question.voice_type, question.voice_seconds) == (
        "",
        "audio/ogg",
        pytest.approx(6.0),
    )
    assert len(stored_files(voice_root)) == 1
    assert question.room_seq == 1  # numbered in the room's stream, like a written question

    address = url("question_voice", room.slug, question.pk)
    shown = signed_in(julie).get(url("help_request", room.slug, question.pk)).content.decode()
    assert f'<audio controls preload="none" src="{address}"' in shown
    assert 'aria-label="Voice question from Samira, ' in shown and ', 6 seconds"' in shown
    listing = signed_in(julie).get(url("room", room.slug)).content.decode()
    assert "Voice question, 0:06" in listing  # no note: the list says what it is


def test_with_the_page_s_recorder_the_answer_says_where_to_go(room_with_parents):
    room, samira, _julie = room_with_parents
    answer = ask_by_voice(
        signed_in(samira), room, audio.webm_opus(4), note="Le code EduConnect", private=True, **JSON
    )
    question = HelpRequest.objects.get()
    assert answer.status_code == 201
    assert answer.json() == {
        "type": "asked",
        "location": url("help_request", room.slug, question.pk),
    }
    assert (question.question, question.is_private, question.voice_type) == (
        "Le code EduConnect",
        True,
        "audio/webm",
    )


@pytest.mark.parametrize("case", REFUSALS)
def test_each_refused_recording_says_why_and_nothing_is_asked_or_stored(
    room_with_parents, voice_root, case
):
    room, samira, _julie = room_with_parents
    made, code, text = REFUSALS[case]
    answer = ask_by_voice(signed_in(samira), room, made(), note="Ma question", **JSON)

    assert answer.status_code == 400
    assert (answer.json()["code"], text in answer.json()["message"]) == (code, True)
    assert not HelpRequest.objects.exists()
    assert stored_files(voice_root) == []


def test_without_javascript_a_refusal_comes_back_to_the_form_with_its_message(room_with_parents):
    room, samira, _julie = room_with_parents
    page = ask_by_voice(signed_in(samira), room, b"", follow=True)
    assert page.redirect_chain[-1][0] == url("room", room.slug) + "#ask-voice"
    assert "This recording is empty. Record your message again." in page.content.decode()
    # No file at all (the browser sends no file part): refused, never asked without a question.
    nothing = signed_in(samira).post(url("ask_voice", room.slug), {"note": "Et alors ?"}, **JSON)
    assert (nothing.status_code, nothing.json()["code"]) == (400, "voice_empty")
    assert not HelpRequest.objects.exists()


def test_watched_words_apply_to_the_note(room_with_parents, voice_root):
    room, samira, _julie = room_with_parents
    WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.BLOCK)
    answer = ask_by_voice(signed_in(samira), room, audio.ogg_opus(2), note="Une arnaque", **JSON)
    assert answer.json()["code"] == "blocked_word"
    assert not HelpRequest.objects.exists()
    assert stored_files(voice_root) == []


def test_who_sees_the_question_hears_it_and_nobody_else(room_with_parents, client):
    room, samira, julie = room_with_parents
    karim = make_ambassador(territory=room.territory)
    claire = make_facilitator((room.territory.code,))
    ask_by_voice(signed_in(samira), room, audio.ogg_opus(3))
    ask_by_voice(signed_in(samira), room, audio.ogg_opus(3), private=True)
    public, private = HelpRequest.objects.order_by("pk")
    elsewhere = make_user("Nora", make_territory("95", "Val-d'Oise"))

    for question, hears in ((public, {samira, julie, karim, claire}), (private, {samira, karim})):
        address = url("question_voice", room.slug, question.pk)
        assert client.get(address).status_code == 403  # a visitor
        assert signed_in(elsewhere).get(address).status_code == 404
        for person in (samira, julie, karim):
            expected = 200 if person in hears else 404
            assert signed_in(person).get(address).status_code == expected, person
        heard = signed_in(karim).get(address, HTTP_RANGE="bytes=0-99")
        assert (heard.status_code, len(heard.content)) == (206, 100)
        assert heard["Cache-Control"] == "private, no-store"
        assert heard["Content-Type"] == "audio/ogg"
    # The facilitator of the territory hears the private one too, for the families' safety.
    address = url("question_voice", room.slug, private.pk)
    assert signed_in(claire).get(address).status_code == 200


def test_the_question_reaches_the_room_as_metadata_only(room_with_parents):
    room, samira, _julie = room_with_parents
    ask_by_voice(signed_in(samira), room, audio.ogg_opus(110))
    event = events.serialize_help_request(HelpRequest.objects.get())
    assert event["voice"] == {
        "url": f"/fr/rooms/educonnect-aisne/help/{event['id']}/recording/",  # one for all pages
        "type": "audio/ogg",
        "seconds": 110.0,
    }
    assert event["html"] == ""
    assert len(repr(event)) < 1000  # the sound never goes through the channel layer


def test_the_export_gives_the_recording_and_erasure_deletes_it(
    room_with_parents, voice_root, django_capture_on_commit_callbacks
):
    room, samira, julie = room_with_parents
    data = audio.ogg_opus(5)
    ask_by_voice(signed_in(samira), room, data, note="Les notes de mon fils")
    question = HelpRequest.objects.get()
    [exported] = export_person(Person.for_user(samira))["rooms.voice"]
    assert base64.b64decode(exported["base64"]) == data
    assert (exported["question"], exported["note"], exported["seconds"]) == (
        question.pk,
        "Les notes de mon fils",
        5.0,
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert (
            signed_in(samira).post(reverse("parents:delete"), {"confirm": "on"}).status_code == 302
        )
    assert stored_files(voice_root) == []
    question.refresh_from_db()
    assert (question.erased, question.question, question.voice.name) == (True, "", "")
    assert signed_in(julie).get(url("question_voice", room.slug, question.pk)).status_code == 404


def test_a_room_deleted_takes_its_questions_recordings_along(
    room_with_parents, voice_root, django_capture_on_commit_callbacks
):
    room, samira, _julie = room_with_parents
    services.ask_for_help(samira, room, "", voice=upload(audio.ogg_opus(2)))
    assert len(stored_files(voice_root)) == 1
    with django_capture_on_commit_callbacks(execute=True):
        Room.objects.filter(pk=room.pk).delete()
    assert stored_files(voice_root) == []
