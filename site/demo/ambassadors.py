"""Demo content of the ambassador path, for `manage.py load_demo` (after workshops and guides).

Volunteers at every stage in several territories, with real evidence (attendance at past
training workshops, training guides completed, charter signed) and real stage changes made
through the services, a few mentorships under way, and one deactivated ambassador whose
badge is revoked. The demo parent (parent@demo.coeduc.fr) has not applied: she has attended
two training workshops and read a training guide, so that applying shows a path in progress.

Idempotent: a person who is already on the path is left as they are; rows are looked up by
natural keys (e-mail, workshop title) before being created.
"""

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction
from django.utils import timezone

from ambassadors import mentoring, services
from ambassadors.models import Mentorship, Stage, Volunteer
from core.notify import quietly
from guides.models import GuidePage, GuideProgress
from parents.models import Organisation, OrganisationMembership, Territory, User
from workshops import services_running as workshop_running
from workshops.models import Registration, Venue, Workshop

DOMAIN = "demo.coeduc.fr"
LIGUE = "Ligue de l'Enseignement"
TROUSSE = "La Trousse à Projets"
POUSSEE = "La petite poussée"

# Facilitators of the other organisations, so that each territory's volunteers have one.
FACILITATORS = [
    ("animateur.trousse", "Yann", "95", TROUSSE),
    ("animatrice.poussee", "Léa", "38", POUSSEE),
]
DEMO_FACILITATOR = {
    LIGUE: "animatrice",
    TROUSSE: "animateur.trousse",
    POUSSEE: "animatrice.poussee",
}

# Past training workshops: (organisation, venue, title, days ago).
TRAINING_WORKSHOPS = [
    (LIGUE, "Médiathèque Suzanne-Martinet", "Devenir parent ambassadeur : séance 1", 40),
    (LIGUE, "Médiathèque Suzanne-Martinet", "Devenir parent ambassadeur : séance 2", 26),
    (LIGUE, "Centre social de la Belle de Mai", "Devenir parent ambassadeur à Marseille", 60),
    (TROUSSE, "Maison de quartier des Flanades", "Devenir parent ambassadeur : séance 1", 35),
    (TROUSSE, "Maison de quartier des Flanades", "Devenir parent ambassadeur : séance 2", 21),
    (POUSSEE, "Maison des habitants du Centre-Ville", "Devenir parent ambassadeur", 30),
]

# (local part, first name, territory, commune, languages, topics, stage reached, in directory,
#  workshops attended)
VOLUNTEERS = [
    ("amina", "Amina", "02", "Laon", "fr,ar", "pronote,ent", "volunteer", False, 0),
    ("julien", "Julien", "02", "Soissons", "fr", "educonnect", "in-training", False, 1),
    ("fatou", "Fatou", "02", "Saint-Quentin", "fr,wo", "ent,school", "ready", False, 2),
    ("karim", "Karim", "02", "Laon", "fr,ar", "pronote,ent,paperwork", "ambassador", True, 2),
    ("sophie", "Sophie", "02", "Chauny", "fr,en", "screens,safety,school", "ambassador", True, 2),
    ("nadia", "Nadia", "95", "Sarcelles", "fr,ar,tr", "pronote,educonnect", "ambassador", True, 2),
    ("thierry", "Thierry", "95", "Garges-lès-Gonesse", "fr", "equipment", "in-training", False, 1),
    ("lucie", "Lucie", "38", "Grenoble", "fr,es", "ent,screens", "ambassador", True, 1),
    ("mehdi", "Mehdi", "13", "Marseille", "fr,ar", "pronote", "deactivated", False, 1),
]

# Families accompanied: (family local part, first name, ambassador, topic, sessions, state)
MENTORSHIPS = [
    ("famille.durand", "Céline", "karim", "pronote", 2, "active"),
    ("famille.benali", "Yasmina", "karim", "ent", 1, "active"),
    ("famille.martin", "Paul", "sophie", "screens", 3, "closed"),
    ("famille.diallo", "Awa", "sophie", "school", 3, "active"),
    ("famille.ozturk", "Elif", "nadia", "educonnect", 0, "requested"),
]


def _email(local: str) -> str:
    return f"{local}@{DOMAIN}"


def _person(local, name, territory) -> User:
    user = User.objects.filter(email=_email(local)).first()
    if user is None:
        user = User.objects.create_user(email=_email(local), display_name=name, territory=territory)
        user.emailaddress_set.update_or_create(
            email=user.email, defaults={"verified": True, "primary": True}
        )
    return user


def _past(days: int, tz_name: str):
    starts_at = datetime.combine(
        timezone.localdate() - timedelta(days=days), time(18), tzinfo=ZoneInfo(tz_name)
    )
    return starts_at, starts_at + timedelta(hours=2)


def _training_workshops(organisations) -> dict:
    """{(organisation name, territory code): [workshops, oldest first]}"""
    found = {}
    for organisation, venue_name, title, days in TRAINING_WORKSHOPS:
        venue = Venue.objects.select_related("territory").get(
            organisation=organisations[organisation], name=venue_name
        )
        workshop = Workshop.objects.filter(
            organisation=organisations[organisation], title=title
        ).first()
        if workshop is None:
            starts_at, ends_at = _past(days, venue.territory.timezone)
            workshop = Workshop.objects.create(
                organisation=organisations[organisation],
                venue=venue,
                title=title,
                description="Atelier de formation des parents ambassadeurs.",
                topic=Workshop.Topic.PARENTS_SCHOOL,
                starts_at=starts_at,
                ends_at=ends_at,
                capacity=12,
                status=Workshop.Status.CLOSED,
            )
        found.setdefault((organisation, venue.territory.code), []).append(workshop)
    return found


def _attend(user, workshops) -> None:
    for workshop in workshops:
        if not Registration.objects.filter(workshop=workshop, email=user.email).exists():
            registration = Registration.objects.create(
                workshop=workshop,
                first_name=user.display_name,
                email=user.email,
                user=user,
                consent_at=workshop.starts_at - timedelta(days=7),
                created_at=workshop.starts_at - timedelta(days=7),
                status=Registration.Status.CONFIRMED,
            )
            # Attendance through the check-in service, as at the door (the path hears of it).
            workshop_running.set_attendance(registration, True, now=workshop.starts_at)


def _training_guide():
    return (
        GuidePage.objects.filter(is_training_guide=True, locale__language_code="fr")
        .order_by("path")
        .first()
    )


def _complete_guide(user, guide) -> None:
    if guide is None:
        return
    GuideProgress.objects.get_or_create(
        user=user,
        page=guide,
        defaults={"completed_steps": [], "completed_at": timezone.now() - timedelta(days=20)},
    )


def _organisation_of(code, organisations) -> str:
    return {"95": TROUSSE, "38": POUSSEE}.get(code, LIGUE)


def _walk(volunteer, target, facilitator) -> None:
    """Bring a new volunteer to `target` through the services, as a facilitator would."""
    stages = list(Stage.objects.order_by("order"))
    slugs = [stage.slug for stage in stages]
    goal = {"ready": "in-training", "deactivated": "ambassador"}.get(target, target)
    services.advance_automatically([volunteer.pk])
    volunteer.refresh_from_db()
    while slugs.index(volunteer.stage.slug) < slugs.index(goal):
        following = stages[slugs.index(volunteer.stage.slug) + 1]
        services.approve(
            facilitator,
            volunteer,
            to_stage=following,
            comment="Parcours de démonstration.",
            override_reason="Démonstration : parcours commencé avant l’ouverture de Coéduc.",
        )
        volunteer.refresh_from_db()
    if target == "deactivated":
        services.deactivate(
            facilitator, volunteer, reason="A déménagé et ne peut plus accompagner de familles."
        )


def _mentorships(volunteers, territories) -> None:
    for local, name, ambassador_local, topic, sessions, state in MENTORSHIPS:
        ambassador = volunteers[ambassador_local]
        family = _person(local, name, ambassador.territory)
        if Mentorship.objects.filter(family=family, ambassador=ambassador).exists():
            continue
        mentorship = mentoring.request_mentoring(
            family,
            territory=ambassador.territory,
            topic=topic,
            message="Nous aimerions être accompagnés.",
            ambassador=ambassador,
        )
        if state == "requested":
            continue
        mentoring.accept_mentorship(ambassador.user, mentorship)
        for index in range(sessions):
            mentoring.log_session(
                ambassador.user,
                mentorship,
                date=timezone.localdate() - timedelta(days=7 * (sessions - index)),
                duration_minutes=45,
                topics=[topic],
                private_note="Séance de démonstration.",
            )
        if state == "closed":
            mentoring.close_mentorship(ambassador.user, mentorship)
            mentoring.answer_helped(family, mentorship, True)


@transaction.atomic
def load_demo_ambassadors() -> None:
    organisations = {o.name: o for o in Organisation.objects.all()}
    territories = {t.code: t for t in Territory.objects.all()}
    if LIGUE not in organisations or not Stage.objects.exists():
        return
    with quietly():
        facilitators = {}
        for local, name, code, organisation in FACILITATORS:
            user = _person(local, name, territories[code])
            OrganisationMembership.objects.get_or_create(
                user=user, organisation=organisations[organisation]
            )
        for organisation, local in DEMO_FACILITATOR.items():
            facilitators[organisation] = User.objects.filter(email=_email(local)).first()
        workshops = _training_workshops(organisations)
        guide = _training_guide()

        # The demo parent: evidence, no application (she applies in the demo).
        parent = User.objects.filter(email=_email("parent")).first()
        if parent is not None and not Volunteer.objects.filter(user=parent).exists():
            _attend(parent, workshops[(LIGUE, "02")])
            _complete_guide(parent, guide)

        volunteers = {}
        for local, name, code, commune, languages, topics, target, listed, attended in VOLUNTEERS:
            territory = territories[code]
            user = _person(local, name, territory)
            volunteer = Volunteer.objects.filter(user=user).first()
            if volunteer is None:
                organisation = _organisation_of(code, organisations)
                place = workshops.get((organisation, code)) or workshops[(LIGUE, "02")]
                _attend(user, place[:attended])
                if target not in ("volunteer", "in-training"):
                    _complete_guide(user, guide)
                    services.sign_charter(user)
                volunteer = services.apply(
                    user,
                    territory=territory,
                    motivation="J’ai été aidée par d’autres parents, je veux aider à mon tour.",
                    availability="Le mercredi après-midi et un samedi par mois",
                    languages=languages,
                    topics=topics,
                    commune=commune,
                    in_directory=listed,
                )
                if target not in ("volunteer", "in-training", "ready"):
                    _walk(volunteer, target, facilitators[organisation])
                elif target == "in-training":
                    services.advance_automatically([volunteer.pk])
                volunteer.refresh_from_db()
            volunteers[local] = volunteer
        _mentorships(volunteers, territories)
        # Sophie became a mentor after her sessions (the mentoring evidence is real).
        sophie = volunteers["sophie"]
        sophie.refresh_from_db()
        if sophie.stage.slug == "ambassador":
            _walk(sophie, "mentor", facilitators[LIGUE])
