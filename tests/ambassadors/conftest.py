"""Factories for the ambassador tests: plain functions, each test builds what it reads."""

import itertools
from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import Page

from ambassadors.models import Criterion, Stage, StageChange, Volunteer
from guides.models import GuideProgress
from parents.models import Organisation, OrganisationMembership, Territory, User
from workshops import services as workshop_services
from workshops.models import Registration, Venue, Workshop

_counter = itertools.count(1)


def make_territory(code="02", name="Aisne"):
    return Territory.objects.get_or_create(code=code, defaults={"name": name})[0]


def make_organisation(name="Ligue de l'Enseignement", territories=("02",)):
    organisation = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.ASSOCIATION}
    )[0]
    organisation.territories.add(
        *[make_territory(code, f"Territoire {code}") for code in territories]
    )
    return organisation


def make_user(name="Samira", territory=None, email=None):
    return User.objects.create_user(
        email=email or f"person{next(_counter)}@example.org",
        display_name=name,
        territory=territory or make_territory(),
    )


def make_facilitator(organisation=None, name="Claire"):
    user = make_user(name=name)
    OrganisationMembership.objects.create(
        user=user, organisation=organisation or make_organisation()
    )
    return user


def stage(slug) -> Stage:
    return Stage.objects.get(slug=slug)


def make_volunteer(user=None, territory=None, at="volunteer", since=None, **fields):
    """A volunteer put directly at a stage (set-up only: the tests of moves use services)."""
    territory = territory or make_territory()
    user = user or make_user(territory=territory)
    now = timezone.now()
    volunteer = Volunteer.objects.create(
        user=user,
        territory=territory,
        stage=stage(at),
        stage_since=since or now,
        motivation=fields.pop("motivation", "Aider les autres parents."),
        availability=fields.pop("availability", "Le mercredi"),
        languages=fields.pop("languages", "fr"),
        consent_at=now,
        **fields,
    )
    StageChange.objects.create(volunteer=volunteer, kind="application", to_stage=volunteer.stage)
    return volunteer


def make_past_workshop(organisation=None, territory=None):
    organisation = organisation or make_organisation()
    venue = Venue.objects.create(
        organisation=organisation,
        territory=territory or make_territory(),
        name=f"Salle {next(_counter)}",
        address="1 rue de la Paix",
        commune="Laon",
    )
    starts_at = timezone.now() - timedelta(days=10)
    return Workshop.objects.create(
        organisation=organisation,
        venue=venue,
        title=f"Atelier {next(_counter)}",
        topic=Workshop.Topic.PRONOTE,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=10,
        status=Workshop.Status.CLOSED,
    )


def attend(user, count=1, attended=True):
    """`count` real attendance rows, recorded by the check-in service as at the door."""
    rows = []
    for _index in range(count):
        registration = Registration.objects.create(
            workshop=make_past_workshop(),
            first_name=user.display_name,
            email=user.email,
            user=user,
            consent_at=timezone.now(),
            status=Registration.Status.CONFIRMED,
        )
        rows.append(workshop_services.set_attendance(registration, attended))
    return rows


def make_guide_page(title=None):
    root = Page.get_first_root_node()
    title = title or f"Guide {next(_counter)}"
    return root.add_child(instance=Page(title=title, slug=f"guide-{next(_counter)}"))


def use_training_guides(*pages):
    """Make the training-guide criteria count these pages (the configurable list)."""
    Criterion.objects.filter(kind=Criterion.Kind.TRAINING_GUIDES).update(
        guide_page_ids=[page.pk for page in pages]
    )


def complete_guide(user, page, completed=True):
    return GuideProgress.objects.create(
        user=user,
        page=page,
        completed_steps=[0, 1, 2],
        completed_at=timezone.now() if completed else None,
    )


@pytest.fixture
def aisne(db):
    return make_territory("02", "Aisne")


@pytest.fixture
def ligue(aisne):
    return make_organisation("Ligue de l'Enseignement", ("02",))


@pytest.fixture
def facilitator(ligue):
    return make_facilitator(ligue)


@pytest.fixture
def guides(db):
    pages = [make_guide_page("Guide de formation 1"), make_guide_page("Guide de formation 2")]
    use_training_guides(*pages)
    return pages
