"""The rooms' demo content: loaded through the services, idempotent."""

import io

import pytest
from django.core.management import call_command

from rooms import permissions, selectors
from rooms.models import HelpRequest, Member, Message, OnDuty, Room

pytestmark = pytest.mark.django_db


def counts():
    return [model.objects.count() for model in (Room, Message, HelpRequest, Member, OnDuty)] + [
        list(Message.objects.values_list("text", flat=True).order_by("pk"))
    ]


def test_demo_rooms_conversations_and_a_resolved_question(shared_demo):
    arabic = Room.objects.get(slug="parents-arabophones-aisne")
    assert arabic.language == "ar" and arabic.is_rtl
    assert Message.objects.in_room(arabic).count() == 3
    mourad = OnDuty.objects.get().user
    assert mourad.email == "ambassadeur@demo.coeduc.fr"
    assert permissions.is_ambassador(mourad)
    resolved = HelpRequest.objects.get(status=HelpRequest.Status.RESOLVED)
    assert resolved.claimed_by == mourad and resolved.asker.email == "parent2@demo.coeduc.fr"
    assert resolved.messages.count() == 4
    claire = mourad.__class__.objects.get(email="animatrice@demo.coeduc.fr")
    assert [r.question for r in selectors.unanswered_for(claire)] == [
        "Comment ajouter mon deuxième enfant à mon compte EduConnect ?",
        "كلمة سر EduConnect منسية",  # Amina's, asked by voice 45 minutes ago (the oldest first)
    ]
    spoken = HelpRequest.objects.exclude(voice="").get()
    assert (spoken.asker.email, spoken.room, spoken.voice_type) == (
        "amina@demo.coeduc.fr",
        arabic,
        "audio/ogg",
    )
    # Read from the file itself when it was loaded (the file, under the folder of whichever
    # test loaded the demo first, may be gone since: the demo's rows outlive it).
    assert 11 < spoken.voice_seconds < 14 and spoken.voice.name.endswith(".ogg")

    before = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
