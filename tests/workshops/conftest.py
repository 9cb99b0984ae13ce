"""Factories for the workshop tests: plain functions, each test builds what it reads."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone

from parents.models import Organisation, Territory
from workshops.models import Venue, Workshop

_counter = itertools.count(1)


def make_territory(code="02", name="Aisne", tz="Europe/Paris"):
    territory, _created = Territory.objects.get_or_create(
        code=code, defaults={"name": name, "timezone": tz}
    )
    return territory


def make_organisation(name="Ligue de l'Enseignement"):
    organisation, _created = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.ASSOCIATION}
    )
    return organisation


def make_venue(territory=None, organisation=None, commune="Laon", **fields):
    territory = territory or make_territory()
    organisation = organisation or make_organisation()
    return Venue.objects.create(
        organisation=organisation,
        territory=territory,
        name=fields.pop("name", f"Médiathèque {next(_counter)}"),
        address=fields.pop("address", "1 rue de la Paix"),
        commune=commune,
        **fields,
    )


def make_workshop(capacity=10, venue=None, starts_in=timedelta(days=7), **fields):
    venue = venue if venue is not None else make_venue()
    starts_at = fields.pop("starts_at", timezone.now() + starts_in)
    defaults = {
        "organisation": venue.organisation,
        "venue": venue,
        "title": f"Pronote pas à pas {next(_counter)}",
        "description": "Découvrir Pronote avec d'autres parents.",
        "topic": Workshop.Topic.PRONOTE,
        "languages": "fr",
        "starts_at": starts_at,
        "ends_at": fields.pop("ends_at", starts_at + timedelta(hours=2)),
        "capacity": capacity,
        "status": Workshop.Status.PUBLISHED,
        "waitlist_enabled": True,
    }
    defaults.update(fields)
    return Workshop.objects.create(**defaults)


@pytest.fixture
def workshop(db):
    return make_workshop(capacity=10)


def make_facilitator(organisation, email=None):
    from parents.models import OrganisationMembership, User

    user = User.objects.create_user(
        email=email or f"facilitator{next(_counter)}@example.org", password="x"
    )
    OrganisationMembership.objects.create(user=user, organisation=organisation)
    return user


def signed_in(user):
    from django.test import Client

    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client
