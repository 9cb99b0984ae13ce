"""The rooms' services: every change checks the permission, saves, logs and broadcasts."""

import json
from datetime import timedelta

import pytest
from asgiref.sync import async_to_sync, sync_to_async
from channels.layers import get_channel_layer
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.personal_data import Person, erase_person, export_person
from rooms import moderation, selectors, services
from rooms.models import HelpRequest, Message, ModerationAction, Report, Room, WatchedWord
from rooms.services import RoomError
from tests.factories import (
    join,
    make_ambassador,
    make_facilitator,
    make_room,
    make_territory,
    make_user,
)

pytestmark = pytest.mark.django_db


def refusal(function, *args, **kwargs) -> str:
    with pytest.raises(RoomError) as error:
        function(*args, **kwargs)
    return error.value.code


def test_rules_are_accepted_before_the_first_post():
    room = make_room()
    samira = make_user()
    assert refusal(services.post_message, samira, room, "Bonjour") == "rules_not_accepted"
    services.accept_rules(samira, room)
    message = services.post_message(samira, room, "Bonjour")
    assert message.status == Message.Status.VISIBLE


def test_a_parent_of_another_territory_may_not_post_nor_accept_the_rules():
    room = make_room(territory=make_territory("95", "Val-d'Oise"))
    samira = make_user()
    assert refusal(services.accept_rules, samira, room) == "forbidden"
    assert refusal(services.post_message, samira, room, "Bonjour") == "forbidden"


def test_the_message_is_saved_before_it_is_broadcast_serialised_once(
    django_capture_on_commit_callbacks,
):
    room = make_room()
    samira = make_user()
    join(samira, room)
    layer = get_channel_layer()

    def post():
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            message = services.post_message(samira, room, "Mon numéro : 06 12 34 56 78", "id-1")
            # Saved first; sent only once the transaction commits.
            assert Message.objects.filter(pk=message.pk).exists()
        assert len(callbacks) == 1
        return message

    async def listen_and_post():
        # One event loop throughout: Redis's pub/sub layer keeps its channels per loop.
        channel = await layer.new_channel()
        await layer.group_add(room.group_name, channel)
        message = await sync_to_async(post)()
        return message, await layer.receive(channel)

    message, event = async_to_sync(listen_and_post)()
    assert event["type"] == "room.event" and isinstance(event["text"], str)
    payload = json.loads(event["text"])
    assert payload["message"]["id"] == message.pk
    assert payload["message"]["html"] == "Mon numéro : ** ** ** ** **"
    assert Message.objects.get(pk=message.pk).text == "Mon numéro : ** ** ** ** **"


def test_watched_words_block_mask_or_hold_and_the_cache_follows_the_list():
    room = make_room()
    samira = make_user()
    join(samira, room)
    word = WatchedWord.objects.create(word="arnaque garantie", action=WatchedWord.Action.BLOCK)
    assert refusal(services.post_message, samira, room, "Une ARNAQUE garantie !") == (
        "blocked_word"
    )
    word.action = WatchedWord.Action.MASK
    word.save()  # the cached list is rebuilt at once
    assert services.post_message(samira, room, "Une arnaque garantie !").text == "Une *** !"
    WatchedWord.objects.create(word="virement", action=WatchedWord.Action.HOLD)
    held = services.post_message(samira, room, "Faites un virement")
    assert held.status == Message.Status.HELD
    assert list(selectors.held_messages(room)) == [held]
    # Whole words only: "virements" is not "virement", "contact" is not "con".
    word.delete()
    assert services.post_message(samira, room, "arnaque garantie").text == "arnaque garantie"


def test_every_change_a_page_sees_takes_the_stream_s_next_number_in_its_transaction():
    room = make_room()
    samira = make_user()
    join(samira, room)
    karim = make_facilitator()
    WatchedWord.objects.create(word="virement", action=WatchedWord.Action.HOLD)
    first = services.post_message(samira, room, "Bonjour")
    held = services.post_message(samira, room, "Un virement ?")
    refused = services.post_message(samira, room, "Un autre virement ?")
    moderation.release(karim, room, held.pk)
    moderation.reject(karim, room, refused.pk)  # never seen, before or after: no number
    moderation.hide(karim, room, first.pk)
    question = services.ask_for_help(samira, room, "Pronote ?")
    assert [(m.pk, m.seq) for m in Message.objects.order_by("pk")] == [
        (first.pk, 3),
        (held.pk, 2),
        (refused.pk, 0),
    ]
    assert HelpRequest.objects.get(pk=question.pk).room_seq == 4
    assert Room.objects.get(pk=room.pk).last_event_seq == 4
    # A refusal takes none.
    WatchedWord.objects.create(word="arnaque", action=WatchedWord.Action.BLOCK)
    with pytest.raises(RoomError):
        services.post_message(samira, room, "Une arnaque")
    with pytest.raises(RoomError):
        moderation.hide(karim, room, first.pk)  # already hidden
    assert Room.objects.get(pk=room.pk).last_event_seq == 4


def test_a_room_saved_from_an_older_copy_keeps_its_event_number():
    room = make_room()
    samira = make_user()
    join(samira, room)
    open_in_the_admin = Room.objects.get(pk=room.pk)
    services.post_message(samira, room, "Bonjour")
    open_in_the_admin.name = "Pronote et ENT"
    open_in_the_admin.save()
    saved = Room.objects.get(pk=room.pk)
    assert (saved.name, saved.last_event_seq) == ("Pronote et ENT", 1)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's one statement")
def test_on_postgresql_a_post_takes_its_number_and_inserts_its_row_in_one_statement():
    room = make_room()
    samira = make_user()
    join(samira, room)
    with CaptureQueriesContext(connection) as queries:
        message = services.post_message(samira, room, "Bonjour")
    writes = [q["sql"] for q in queries.captured_queries if "rooms_room" in q["sql"]]
    assert len(writes) == 1
    assert writes[0].startswith('WITH number AS (UPDATE "rooms_room"')
    assert 'INSERT INTO "rooms_message"' in writes[0]
    assert Message.objects.get(pk=message.pk).seq == message.seq == 1


def test_rate_limit_per_person(settings):
    settings.ROOMS_RATE_LIMIT_MESSAGES = 3
    room = make_room()
    samira = make_user()
    join(samira, room)
    for n in range(3):
        services.post_message(samira, room, f"n°{n}")
    assert refusal(services.post_message, samira, room, "un de trop") == "rate_limited"
    assert Message.objects.count() == 3


def test_slow_mode_spares_the_moderators():
    room = make_room(slow_mode_seconds=30)
    samira, karim = make_user(), make_user("Karim")
    join(samira, room)
    join(karim, room, is_moderator=True)
    services.post_message(samira, room, "un")
    assert refusal(services.post_message, samira, room, "deux") == "slow_mode"
    services.post_message(karim, room, "un")
    services.post_message(karim, room, "deux")


def test_one_ambassador_claims_a_question_the_others_see_it_taken():
    room = make_room()
    samira = make_user()
    join(samira, room)
    karim, sophie = make_ambassador("Karim"), make_ambassador("Sophie")
    elsewhere = make_ambassador("Nadia", territory=make_territory("95", "Val-d'Oise"))
    trainee = make_ambassador("Julien", at="in-training")
    question = services.ask_for_help(samira, room, "Comment retrouver mon code EduConnect ?")

    assert refusal(services.claim, samira, question.pk) == "forbidden"  # the asker
    assert refusal(services.claim, elsewhere, question.pk) == "forbidden"  # other territory
    assert refusal(services.claim, trainee, question.pk) == "forbidden"  # not an ambassador
    services.claim(karim, question.pk)
    assert refusal(services.claim, sophie, question.pk) == "already_claimed"
    question.refresh_from_db()
    assert (question.status, question.claimed_by) == (HelpRequest.Status.CLAIMED, karim)

    # The private thread: the parent and Karim only; either marks it resolved.
    services.post_message(
        karim, room, "Bonjour, avez-vous l'adresse de l'ENT ?", help_request=question
    )
    assert (
        refusal(services.post_message, sophie, room, "Je peux aider", help_request=question)
        == "forbidden"
    )
    services.resolve(samira, question)
    question.refresh_from_db()
    assert question.status == HelpRequest.Status.RESOLVED
    assert refusal(services.post_message, karim, room, "Encore ?", help_request=question) == (
        "forbidden"
    )
    assert not Message.objects.in_room(room).exists()  # the thread is not the room


def test_ambassadors_on_duty_not_connected_are_told_by_email(django_capture_on_commit_callbacks):
    room = make_room()
    samira = make_user()
    join(samira, room)
    karim = make_ambassador("Karim")
    off_duty = make_ambassador("Sophie")
    services.set_duty(karim, True)
    with django_capture_on_commit_callbacks(execute=True):
        services.ask_for_help(
            samira, room, "Qui peut m'aider pour mon mot de passe ?", is_private=True
        )
    assert [message.to for message in mail.outbox] == [[karim.email]]
    assert "mot de passe" not in mail.outbox[0].body  # references only, never the question
    assert off_duty.email not in str([m.to for m in mail.outbox])
    services.set_duty(karim, False)
    assert services.on_duty_people(room) == []


def test_unanswered_questions_are_listed_for_the_facilitators_in_scope(settings):
    settings.ROOMS_UNANSWERED_AFTER_MINUTES = 30
    room = make_room()
    samira = make_user()
    join(samira, room)
    old = services.ask_for_help(samira, room, "Question ancienne")
    HelpRequest.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(hours=1))
    services.ask_for_help(samira, room, "Question récente")
    claire = make_facilitator(("02",))
    yann = make_facilitator(("95",), name="Yann")
    assert list(selectors.unanswered_for(claire)) == [old]
    assert list(selectors.unanswered_for(yann)) == []


def test_every_moderation_action_is_logged_and_the_log_is_append_only():
    room = make_room()
    claire = make_facilitator()
    bruno = make_user("Bruno")
    join(bruno, room)
    message = services.post_message(bruno, room, "Message limite")
    Report.objects.create(message=message, reporter=make_user(), reason="Insultant")
    moderation.hide(claire, room, message.pk, "Insultant")
    moderation.restore(claire, room, message.pk, "Finalement acceptable")
    moderation.mute(claire, room, bruno.pk, 60, "Calmez-vous")
    moderation.ban(claire, room, bruno.pk, "Récidive")
    moderation.unban(claire, room, bruno.pk, "Excuses reçues")
    moderation.set_slow_mode(claire, room, 30, "Trop de messages")
    log = list(ModerationAction.objects.order_by("pk"))
    assert [a.kind for a in log] == ["hide", "restore", "mute", "ban", "unban", "slow_mode"]
    assert {a.actor for a in log} == {claire}
    assert log[0].reason == "Insultant" and log[0].message == message
    assert log[2].details == {"minutes": 60}
    assert Report.objects.get().handled_by == claire  # hiding closes the report

    with pytest.raises(PermissionDenied):
        ModerationAction.objects.update(reason="")
    with pytest.raises(PermissionDenied):
        ModerationAction.objects.all().delete()
    with pytest.raises(PermissionDenied):
        log[0].save()
    with pytest.raises(PermissionDenied):
        log[0].delete()


def test_moderation_refusals():
    room = make_room()
    samira, karim = make_user(), make_user("Karim")
    join(samira, room)
    join(karim, room, is_moderator=True)
    claire = make_facilitator()
    yann = make_facilitator(("95",), name="Yann")
    message = services.post_message(samira, room, "Bonjour")
    assert refusal(moderation.hide, samira, room, message.pk) == "forbidden"
    assert refusal(moderation.hide, yann, room, message.pk) == "forbidden"  # other territory
    assert refusal(moderation.mute, claire, room, karim.pk, 60) == "forbidden"  # a moderator
    assert refusal(moderation.mute, claire, room, samira.pk, 0) == "invalid"
    assert refusal(moderation.mute, claire, room, 999999, 10) == "not_found"
    assert refusal(moderation.restore, claire, room, message.pk) == "invalid"  # not hidden
    assert refusal(moderation.set_slow_mode, claire, room, -1) == "invalid"
    moderation.hide(karim, room, message.pk, "Doublon")  # a member given the role


def test_personal_data_export_and_erasure_keep_the_thread_shape():
    room = make_room()
    samira, karim = make_user(), make_ambassador("Karim")
    join(samira, room)
    own = services.post_message(samira, room, "Mon message à moi")
    question = services.ask_for_help(samira, room, "Ma question")
    services.claim(karim, question.pk)
    services.post_message(karim, room, "Réponse de Karim", help_request=question)
    services.post_message(samira, room, "Merci", help_request=question)
    Report.objects.create(message=own, reporter=karim, reason="Hors sujet")

    exported = export_person(Person.for_user(samira))["rooms.messages"]
    assert {m["text"] for m in exported["messages"]} == {"Mon message à moi", "Merci"}
    assert exported["questions"][0]["question"] == "Ma question"

    erase_person(Person.for_user(samira))
    own.refresh_from_db()
    assert (own.text, own.erased) == ("", True)
    assert Message.objects.filter(help_request=question).count() == 2  # shape kept
    assert Message.objects.get(text="Réponse de Karim").erased is False
    question.refresh_from_db()
    assert (question.question, question.erased) == ("", True)
    report = Report.objects.get()
    assert (report.reason, report.reporter) == ("", None)  # a report received, anonymised
