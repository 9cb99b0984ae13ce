"""The people and things of the permission matrix, built with the shared factories.

Territory X (02) and organisation A own everything: the workshop, the volunteers, the rooms,
the figures. Organisation B works in territory Y (95), so its facilitator and Y's pilot are
the "other" ones who must be refused. Also used by the WebSocket tests (transactional: the
database is flushed before, so groups and stages are made again when missing).
"""

import contextlib
from datetime import timedelta
from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone

from ambassadors import badges
from ambassadors.models import Mentorship
from core.vocabularies import Topic
from parents.models import OrganisationMembership, TerritoryPilot, User
from parents.permissions import EDITORS_GROUP
from rooms.models import HelpRequest, Message, Report
from rooms.services import RoomError
from rooms.storage import voice_storage
from tests.factories import (
    join,
    make_organisation,
    make_room,
    make_territory,
    make_user,
    make_venue,
    make_volunteer,
    make_workshop,
    stage,
)
from tests.rooms import audio
from workshops.models import Registration

from .tables import ROLES


def build_people() -> SimpleNamespace:
    x, y = make_territory("02", "Aisne"), make_territory("95", "Val-d'Oise")
    org_a = make_organisation("Organisation A", territories=("02",))
    org_b = make_organisation("Organisation B", territories=("95",))
    users = {
        "parent": make_user("Paula", x),
        "facilitator": make_user("Fatou", x),
        "facilitator_other": make_user("Farid", y),
        "pilot": make_user("Pierre", x),
        "pilot_other": make_user("Pauline", y),
        # Platform people belong to no territory.
        "editor": User.objects.create_user(email="editor@example.org", display_name="Edith"),
        "staff": User.objects.create_user(
            email="staff@example.org", display_name="Sam", is_staff=True, is_superuser=True
        ),
    }
    volunteer = make_volunteer(make_user("Victor", x), x, at="volunteer", organisation=org_a)
    ambassador = make_volunteer(make_user("Amina", x), x, at="ambassador", organisation=org_a)
    users["volunteer"], users["ambassador"] = volunteer.user, ambassador.user
    OrganisationMembership.objects.create(user=users["facilitator"], organisation=org_a)
    OrganisationMembership.objects.create(user=users["facilitator_other"], organisation=org_b)
    TerritoryPilot.objects.create(user=users["pilot"], territory=x)
    TerritoryPilot.objects.create(user=users["pilot_other"], territory=y)
    Group.objects.get_or_create(name=EDITORS_GROUP)[0].user_set.add(users["editor"])
    assert set(users) == set(ROLES) - {"anonymous"}
    return SimpleNamespace(
        x=x,
        y=y,
        org_a=org_a,
        org_b=org_b,
        users=users,
        volunteer=volunteer,
        ambassador=ambassador,
        # Other parents of X, who ask, write and are moderated.
        nadia=make_user("Nadia", x),
        bruno=make_user("Bruno", x),
        carla=make_user("Carla", x),
    )


def build_rooms(w: SimpleNamespace) -> None:
    """Room X, where everyone who may read has accepted the rules, and a second room of X
    where the ambassador is a moderator (the role given to a member)."""
    w.room = make_room("salle-x", territory=w.x)
    w.moderated_room = make_room("salle-moderee", territory=w.x)
    for person in [*w.users.values(), w.nadia, w.bruno, w.carla]:
        with contextlib.suppress(RoomError):  # outside their territory: they may not read it
            join(person, w.room)
    join(w.bruno, w.room, banned_at=timezone.now())  # for "unban"; Carla is banned live
    join(w.users["ambassador"], w.moderated_room, is_moderator=True)
    join(w.nadia, w.moderated_room)

    def message(text, room=None, **fields):
        return Message.objects.create(room=room or w.room, author=w.nadia, text=text, **fields)

    w.message = message("Comment ouvrir Pronote ?")
    w.to_report = message("Un message à signaler")
    w.hidden = message("Un message caché", status=Message.Status.HIDDEN)
    w.held = message("Un message retenu", status=Message.Status.HELD)
    w.reported = message("Un message signalé")
    w.report = Report.objects.create(message=w.reported, reporter=w.carla, reason="Pas gentil")
    w.moderated_message = message("Bonjour", room=w.moderated_room)
    # Both questions were asked by voice too (the note written beside the recording).
    w.open_request = HelpRequest.objects.create(
        room=w.room, asker=w.nadia, question="Pronote ?", **_voice(w.room)
    )
    # The parent's private question, taken by the ambassador: their thread.
    w.thread = HelpRequest.objects.create(
        room=w.room,
        asker=w.users["parent"],
        question="Mon code ne marche plus",
        is_private=True,
        status=HelpRequest.Status.CLAIMED,
        claimed_by=w.users["ambassador"],
        claimed_at=timezone.now(),
        **_voice(w.room),
    )
    w.thread_message = Message.objects.create(
        room=w.room, help_request=w.thread, author=w.users["parent"], text="Merci !"
    )
    # Voice messages: Nadia's in the room, the parent's in her private thread.
    w.voice_message = message("", voice=_recording(w.room), voice_type="audio/ogg", voice_seconds=2)
    w.thread_voice = Message.objects.create(
        room=w.room,
        help_request=w.thread,
        author=w.users["parent"],
        text="",
        voice=_recording(w.room),
        voice_type="audio/ogg",
        voice_seconds=2,
    )
    w.thread_hidden = Message.objects.create(
        room=w.room,
        help_request=w.thread,
        author=w.users["parent"],
        text="Caché",
        status=Message.Status.HIDDEN,
    )


def _voice(room) -> dict:
    return {"voice": _recording(room), "voice_type": "audio/ogg", "voice_seconds": 2}


def _recording(room) -> str:
    """A recording in the voice messages' storage (the tests point it to a folder of theirs)."""
    return voice_storage.save(f"room-{room.pk}/world.ogg", ContentFile(audio.ogg_opus(2)))


def build_workshops(w: SimpleNamespace) -> None:
    venue = make_venue(territory=w.x, organisation=w.org_a)
    w.workshop = make_workshop(venue=venue, organisation=w.org_a)
    w.registration = Registration.objects.create(
        workshop=w.workshop,
        first_name="Nadia",
        email="nadia-guest@example.org",
        consent_at=timezone.now(),
        status=Registration.Status.CONFIRMED,
    )


def build_path(w: SimpleNamespace) -> None:
    """The ambassador's badge and mentorships with the parent (family) at each status."""
    w.badge = badges.issue_badge(w.ambassador, stage("ambassador"))

    def mentorship(status, ambassador=w.ambassador, **fields):
        return Mentorship.objects.create(
            family=w.users["parent"],
            ambassador=ambassador,
            territory=w.x,
            topic=Topic.choices[0][0],
            status=status,
            **fields,
        )

    now = timezone.now()
    w.requested = mentorship(Mentorship.Status.REQUESTED)
    w.active = mentorship(Mentorship.Status.ACTIVE, accepted_at=now - timedelta(days=9))
    w.closed = mentorship(Mentorship.Status.CLOSED, accepted_at=now, closed_at=now)
    w.unassigned = mentorship(Mentorship.Status.REQUESTED, ambassador=None)
