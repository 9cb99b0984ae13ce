"""Factories for the rooms tests: plain functions, each test builds what it reads."""

import itertools

import pytest
from channels.layers import channel_layers
from django.utils import timezone

from ambassadors.models import Stage, Volunteer
from parents.models import Organisation, OrganisationMembership, Territory, User
from rooms import services
from rooms.models import Member, Room

_counter = itertools.count(1)


@pytest.fixture(autouse=True)
def fresh_channel_layer():
    """A new channel layer for each test: Redis's is bound to the event loop of the test that
    first used it, and each async test runs in a loop of its own."""
    channel_layers.backends.clear()
    yield
    channel_layers.backends.clear()


def make_territory(code="02", name="Aisne"):
    return Territory.objects.get_or_create(code=code, defaults={"name": name})[0]


def make_user(name="Samira", territory=None, **fields):
    return User.objects.create_user(
        email=f"person{next(_counter)}@example.org",
        display_name=name,
        territory=territory or make_territory(),
        **fields,
    )


def make_facilitator(territory_codes=("02",), name="Claire"):
    organisation = Organisation.objects.create(
        name=f"Association {next(_counter)}", kind=Organisation.Kind.ASSOCIATION
    )
    organisation.territories.add(*[make_territory(code, f"T{code}") for code in territory_codes])
    user = make_user(name=name, territory=make_territory(territory_codes[0], "T"))
    OrganisationMembership.objects.create(user=user, organisation=organisation)
    return user


# The seeded path (a migration), made again after a transactional test's flush.
STAGES = {"volunteer": 0, "in-training": 1, "ambassador": 2, "mentor": 3}


def _stage(slug) -> Stage:
    return Stage.objects.get_or_create(
        slug=slug,
        defaults={"name": slug, "order": STAGES[slug], "issues_badge": slug == "ambassador"},
    )[0]


def make_ambassador(name="Karim", territory=None, at="ambassador"):
    territory = territory or make_territory()
    user = make_user(name=name, territory=territory)
    Volunteer.objects.create(
        user=user,
        territory=territory,
        stage=_stage(at),
        motivation="Aider.",
        availability="Le mercredi",
        consent_at=timezone.now(),
    )
    return user


def make_room(slug=None, territory=None, language="fr", **fields):
    return Room.objects.create(
        slug=slug or f"salle-{next(_counter)}",
        name=fields.pop("name", "Pronote et vie scolaire"),
        territory=territory if territory is not None else make_territory(),
        language=language,
        rules=fields.pop("rules", "Soyez bienveillants."),
        **fields,
    )


def join(user, room, **fields) -> Member:
    """A member who has accepted the rules."""
    services.accept_rules(user, room)
    member = Member.objects.get(user=user, room=room)
    for name, value in fields.items():
        setattr(member, name, value)
    if fields:
        member.save()
    return member
