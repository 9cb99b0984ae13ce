"""The rooms in the Wagtail admin: staff edit watched words (effective at once); the
moderation log is read-only."""

import pytest
from django.urls import reverse

from parents.models import User
from rooms import services
from rooms.models import ModerationAction, WatchedWord
from rooms.services import RoomError
from tests.factories import join, make_facilitator, make_room, make_user

pytestmark = pytest.mark.django_db


def test_staff_add_a_watched_word_and_it_applies_at_once(client):
    room = make_room()
    samira = make_user()
    join(samira, room)
    services.post_message(samira, room, "Un lien de crypto gratuit")  # the list is now cached
    client.force_login(User.objects.create_superuser("admin@example.org", "x"))
    assert client.get(reverse("watched_words:index")).status_code == 200
    response = client.post(reverse("watched_words:add"), {"word": "crypto", "action": "block"})
    assert response.status_code == 302
    assert WatchedWord.objects.get().word == "crypto"
    with pytest.raises(RoomError) as error:
        services.post_message(samira, room, "Encore de la crypto")
    assert error.value.code == "blocked_word"


def test_the_moderation_log_is_read_only_in_the_admin(client):
    from rooms import moderation

    room = make_room()
    bruno = make_user("Bruno")
    join(bruno, room)
    moderation.mute(make_facilitator(), room, bruno.pk, 15, "Calme")
    action = ModerationAction.objects.get()
    client.force_login(User.objects.create_superuser("admin@example.org", "x"))
    listing = client.get(reverse("moderation_log:index"))
    assert listing.status_code == 200 and "Calme" in listing.text
    assert client.get(reverse("moderation_log:inspect", args=[action.pk])).status_code == 200
    # Not even a superuser adds, edits or deletes a line of the log.
    assert client.post(reverse("moderation_log:add"), {"reason": "x"}).status_code != 200
    for name in ("edit", "delete"):
        response = client.post(reverse(f"moderation_log:{name}", args=[action.pk]), {"reason": "x"})
        assert response.status_code in (302, 403)
    assert list(ModerationAction.objects.values_list("reason", flat=True)) == ["Calme"]
    # Rooms are edited by staff too.
    assert client.get(reverse("help_rooms:edit", args=[room.pk])).status_code == 200
