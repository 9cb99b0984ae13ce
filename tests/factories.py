"""Factories for the whole suite: plain functions, each test builds what it reads.

One module (fixtures stay in the conftest files): a territory, an organisation, a person or a
workshop is made the same way by the workshops, ambassadors, rooms and observatory tests.
"""

import itertools
from datetime import timedelta

from django.test import Client
from django.utils import timezone
from wagtail.models import Page

from ambassadors.models import Criterion, Stage, StageChange, Volunteer
from guides.models import GuideProgress
from parents.models import Organisation, OrganisationMembership, Territory, User
from rooms import services as room_services
from rooms.models import Member, Room
from workshops import services_running as workshop_running
from workshops.models import Registration, Venue, Workshop

_counter = itertools.count(1)

# --- People and places -------------------------------------------------------------------


def make_territory(code="02", name="Aisne", tz="Europe/Paris"):
    return Territory.objects.get_or_create(code=code, defaults={"name": name, "timezone": tz})[0]


def make_organisation(name="Ligue de l'Enseignement", territories=("02",)):
    organisation = Organisation.objects.get_or_create(
        name=name, defaults={"kind": Organisation.Kind.ASSOCIATION}
    )[0]
    organisation.territories.add(
        *[make_territory(code, f"Territoire {code}") for code in territories]
    )
    return organisation


def make_user(name="Samira", territory=None, email=None, **fields):
    return User.objects.create_user(
        email=email or f"person{next(_counter)}@example.org",
        display_name=name,
        territory=territory or make_territory(),
        **fields,
    )


def make_facilitator(organisation=None, email=None, *, name="Claire"):
    """A member of `organisation` (an Organisation, or the territory codes of a new one;
    by default the Ligue de l'Enseignement in the Aisne)."""
    if isinstance(organisation, tuple | list):
        codes = organisation
        organisation = Organisation.objects.create(
            name=f"Association {next(_counter)}", kind=Organisation.Kind.ASSOCIATION
        )
        organisation.territories.add(*[make_territory(code, f"T{code}") for code in codes])
    organisation = organisation or make_organisation()
    territory = organisation.territories.order_by("pk").first()
    user = make_user(name=name, territory=territory, email=email)
    OrganisationMembership.objects.create(user=user, organisation=organisation)
    return user


def signed_in(user):
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


# --- Workshops ---------------------------------------------------------------------------


def make_venue(territory=None, organisation=None, commune="Laon", **fields):
    return Venue.objects.create(
        organisation=organisation or make_organisation(),
        territory=territory or make_territory(),
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


def make_past_workshop(organisation=None, territory=None):
    organisation = organisation or make_organisation()
    venue = make_venue(
        territory=territory, organisation=organisation, name=f"Salle {next(_counter)}"
    )
    return make_workshop(
        venue=venue,
        title=f"Atelier {next(_counter)}",
        starts_in=-timedelta(days=10),
        status=Workshop.Status.CLOSED,
        waitlist_enabled=False,
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
        rows.append(workshop_running.set_attendance(registration, attended))
    return rows


# --- Guides ------------------------------------------------------------------------------


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


# --- The ambassador path -----------------------------------------------------------------

# The seeded path (a migration), made again after a transactional test's flush.
STAGES = {"volunteer": 0, "in-training": 1, "ambassador": 2, "mentor": 3}


def stage(slug) -> Stage:
    return Stage.objects.get_or_create(
        slug=slug,
        defaults={"name": slug, "order": STAGES[slug], "issues_badge": slug == "ambassador"},
    )[0]


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


def make_ambassador(name="Karim", territory=None, at="ambassador"):
    """An ambassador's account (a volunteer at the ambassador stage)."""
    territory = territory or make_territory()
    return make_volunteer(
        user=make_user(name=name, territory=territory), territory=territory, at=at
    ).user


# --- Rooms -------------------------------------------------------------------------------


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
    room_services.accept_rules(user, room)
    member = Member.objects.get(user=user, room=room)
    for name, value in fields.items():
        setattr(member, name, value)
    if fields:
        member.save()
    return member


# --- Observatory -------------------------------------------------------------------------


def add_registrations(workshop, count, *, attended=True, seats=1, prefix="family"):
    """`count` confirmed families of a past workshop, as its history (present or not)."""
    rows = []
    for index in range(count):
        rows.append(
            Registration.objects.create(
                workshop=workshop,
                first_name=f"Parent {index}",
                email=f"{prefix}-{workshop.pk}-{index}@example.org",
                seats=seats,
                consent_at=workshop.starts_at - timedelta(days=3),
                created_at=workshop.starts_at - timedelta(days=3),
                status=Registration.Status.CONFIRMED,
                attended=attended,
            )
        )
    return rows
