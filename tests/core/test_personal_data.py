"""The personal-data registry: every personal field is covered, export and erasure do what the
privacy screens promise (nothing of the person left anywhere, every count kept)."""

import json
import types
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.admin.models import ADDITION, LogEntry
from django.contrib.contenttypes.models import ContentType
from django.contrib.sessions.models import Session
from django.db import connection, models
from django.db.models import Count, Q, Sum
from django.test import Client
from django.utils import timezone
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ambassadors import badges
from ambassadors.models import (
    Badge,
    Charter,
    CharterSignature,
    MentoringSession,
    Mentorship,
    Review,
    StageChange,
    Topic,
    Volunteer,
)
from core import personal_data
from core.models import OptOut
from core.personal_data import Person, erase_person, export_person
from parents.models import User
from parents.personal_data import is_erased
from rooms.models import HelpRequest, Member, Message, Room
from tests.factories import (
    complete_guide,
    make_facilitator,
    make_guide_page,
    make_organisation,
    make_territory,
    make_volunteer,
    make_workshop,
    stage,
)
from workshops import services_reminders
from workshops.models import ParticipantMessage, Registration

pytestmark = pytest.mark.django_db

ZEPHYRINE = {"name": "Zéphyrine", "email": "zephyrine.pd@example.org", "phone": "+33699887766"}
OLD_EMAIL = "zeph.old@example.org"  # a second sign-in address of hers (allauth)
BARTHOLOMEE = {
    "name": "Bartholomée",
    "email": "bartholomee.pd@example.org",
    "phone": "+33699887755",
}


# --- helpers ------------------------------------------------------------------------------


def traces(*needles) -> list[str]:
    """Every "table.column" of the whole database where one of the strings appears."""
    wanted = [needle.casefold() for needle in needles if needle]
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            # The table names come from the database itself.
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
            columns = [column[0] for column in cursor.description]
            for row in cursor.fetchall():
                for column, value in zip(columns, row, strict=True):
                    if isinstance(value, memoryview | bytes):
                        value = bytes(value).decode("utf-8", "ignore")
                    text = str(value).casefold()
                    if any(needle in text for needle in wanted):
                        found.append(f"{table}.{column}")
    return sorted(set(found))


def registration(workshop, who, *, user=None, seats=1, **fields):
    return Registration.objects.create(
        workshop=workshop,
        first_name=who["name"],
        email=fields.pop("email", who["email"]),
        phone=fields.pop("phone", who["phone"]),
        user=user,
        seats=seats,
        needs_details=fields.pop("needs_details", f"Poussette pour {who['name']}"),
        consent_at=workshop.starts_at - timedelta(days=3),
        created_at=fields.pop("created_at", workshop.starts_at - timedelta(days=3)),
        status=fields.pop("status", Registration.Status.CONFIRMED),
        **fields,
    )


def admin_logs(instance, label=None):
    """What Wagtail's and Django's admin write when someone edits the row (the label as it
    was when logged: `label` imitates a log written before a `__str__` was fixed)."""
    actor = User.objects.filter(is_staff=True).first() or User.objects.create_user(
        email="admin.pd@example.org", is_staff=True
    )
    entry = log(instance, "wagtail.edit", user=actor)
    if label:
        ModelLogEntry.objects.filter(pk=entry.pk).update(label=label)
    LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(instance),
        object_id=str(instance.pk),
        object_repr=label or str(instance),
        action_flag=ADDITION,
        user=actor,
    )


def seats_and_attendance(workshop):
    return workshop.registrations.aggregate(
        confirmed=Sum("seats", filter=Q(status=Registration.Status.CONFIRMED)),
        rows=Count("pk"),
        attended=Count("pk", filter=Q(attended=True)),
    )


@pytest.fixture
def sms_outbox(settings, tmp_path):
    settings.SMS_FILE_PATH = str(tmp_path)
    lines = [
        {"to": ZEPHYRINE["phone"], "body": f"Bonjour {ZEPHYRINE['name']}"},
        {"to": BARTHOLOMEE["phone"], "body": f"Bonjour {BARTHOLOMEE['name']}"},
    ]
    path = tmp_path / "outbox.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    return path


@pytest.fixture
def world(sms_outbox):
    """Zéphyrine and Bartholomée, each with data in every app (and in each other's rows)."""
    territory = make_territory()
    organisation = make_organisation()
    facilitator = make_facilitator(organisation, name="Claire")
    people = {}
    for key, who in (("z", ZEPHYRINE), ("b", BARTHOLOMEE)):
        user = User.objects.create_user(
            email=who["email"],
            phone=who["phone"],
            phone_verified=True,
            display_name=who["name"],
            territory=territory,
        )
        EmailAddress.objects.create(user=user, email=who["email"], primary=True, verified=True)
        people[key] = user
    z, b = people["z"], people["b"]
    EmailAddress.objects.create(user=z, email=OLD_EMAIL, primary=False, verified=True)

    # Workshops: a past one both attended, an upcoming full one where Bartholomée waits.
    past = make_workshop(
        capacity=10,
        starts_at=timezone.now() - timedelta(days=10),
        status="closed",
    )
    z_past = registration(past, ZEPHYRINE, user=z, seats=2, attended=True)
    registration(past, BARTHOLOMEE, user=b, attended=True)
    # A sign-up she made as a guest, with her old address and no phone.
    other_past = make_workshop(starts_at=timezone.now() - timedelta(days=20))
    registration(other_past, ZEPHYRINE, email=OLD_EMAIL, phone=None, attended=False)
    upcoming = make_workshop(capacity=1)
    z_upcoming = registration(upcoming, ZEPHYRINE, user=z)
    b_waiting = registration(
        upcoming,
        BARTHOLOMEE,
        user=b,
        status=Registration.Status.WAITLISTED,
        created_at=z_upcoming.created_at + timedelta(minutes=1),
    )
    ParticipantMessage.objects.create(
        workshop=past, sent_by=facilitator, subject="Merci", body="Merci d'être venus."
    )

    # Guides: one completed, one in progress.
    complete_guide(z, make_guide_page(), completed=True)
    complete_guide(z, make_guide_page(), completed=False)
    complete_guide(b, make_guide_page(), completed=True)

    # Ambassador path: both volunteers; Zéphyrine an ambassador with a badge, reviewed.
    volunteers = {}
    for key, who in (("z", ZEPHYRINE), ("b", BARTHOLOMEE)):
        volunteers[key] = make_volunteer(
            user=people[key],
            territory=territory,
            at="ambassador",
            motivation=f"Je suis {who['name']} et je veux aider.",
            availability=f"Le mercredi ({who['name']})",
            commune="Laon",
            organisation=organisation,
            in_directory=True,
        )
        StageChange.objects.create(
            volunteer=volunteers[key],
            kind=StageChange.Kind.VALIDATION,
            from_stage=stage("volunteer"),
            to_stage=stage("ambassador"),
            actor=facilitator,
            reason=f"Bravo {who['name']} !",
        )
        Review.objects.create(
            volunteer=volunteers[key],
            stage=stage("ambassador"),
            decision=Review.Decision.KEPT,
            message=f"{who['name']} reste active.",
            reviewer=facilitator,
        )
    charter = Charter.current() or Charter.objects.create(version=1, text="Bienveillance.")
    CharterSignature.objects.create(user=z, charter=charter)
    badge = badges.issue_badge(volunteers["z"], stage("ambassador"))
    badges.issue_badge(volunteers["b"], stage("ambassador"))

    # Mentoring both ways: Bartholomée helps Zéphyrine, and Zéphyrine helps Bartholomée.
    helped_z = Mentorship.objects.create(
        family=z,
        ambassador=volunteers["b"],
        territory=territory,
        topic=Topic.PRONOTE,
        message=f"{ZEPHYRINE['name']} ne trouve pas les notes.",
        status=Mentorship.Status.ACTIVE,
    )
    MentoringSession.objects.create(
        mentorship=helped_z,
        date=timezone.localdate(),
        duration_minutes=30,
        topics="pronote",
        private_note=f"{ZEPHYRINE['name']} a un vieux téléphone.",
    )
    helped_b = Mentorship.objects.create(
        family=b,
        ambassador=volunteers["z"],
        territory=territory,
        topic=Topic.ENT,
        message=f"{BARTHOLOMEE['name']} cherche l'ENT.",
        status=Mentorship.Status.CLOSED,
    )
    MentoringSession.objects.create(
        mentorship=helped_b,
        date=timezone.localdate(),
        duration_minutes=45,
        topics="ent",
        private_note="Rendez-vous à la médiathèque, tout s'est bien passé.",
    )

    # Help rooms: both members, both writing, she asks a question.
    room = Room.objects.create(slug="pronote-pd", name="Pronote", rules="Bienveillance.")
    for key, who in (("z", ZEPHYRINE), ("b", BARTHOLOMEE)):
        Member.objects.create(room=room, user=people[key], rules_accepted_at=timezone.now())
        Message.objects.create(room=room, author=people[key], text=f"Ici {who['name']}, bonjour.")
    HelpRequest.objects.create(room=room, asker=z, question="Zéphyrine cherche son code.")

    OptOut.objects.create(contact=ZEPHYRINE["email"])
    OptOut.objects.create(contact=BARTHOLOMEE["email"])

    # Labels in admin logs (older labels carried the first name).
    admin_logs(z)
    admin_logs(volunteers["z"])
    admin_logs(badge)
    admin_logs(z_past, label=f"{ZEPHYRINE['name']} — {past.title}")
    return types.SimpleNamespace(
        z=z,
        b=b,
        past=past,
        other_past=other_past,
        upcoming=upcoming,
        z_upcoming=z_upcoming,
        b_waiting=b_waiting,
        badge=badge,
        volunteers=volunteers,
        helped_z=helped_z,
        helped_b=helped_b,
        facilitator=facilitator,
    )


# --- coverage -----------------------------------------------------------------------------


def test_every_personal_field_of_coeducs_models_is_covered_or_declared_not_personal():
    labels = {model._meta.app_label for model in personal_data.own_models()}
    # Found by where their code lives, not by a list: a new app is checked the day it exists.
    assert {"core", "parents", "workshops", "guides", "ambassadors", "home"} <= labels
    assert not any(
        model._meta.app_label in ("wagtailcore", "auth") for model in personal_data.own_models()
    )
    assert personal_data.uncovered_fields() == []
    assert personal_data.unknown_covered_fields() == []


def test_a_personal_field_nobody_registered_is_reported():
    def field(instance, name):
        instance.set_attributes_from_name(name)
        return instance

    fake = types.SimpleNamespace(
        _meta=types.SimpleNamespace(
            label="fake.Family",
            local_fields=[
                field(models.CharField(max_length=80), "nickname"),
                field(models.TextField(), "notes"),
                field(models.EmailField(), "contact"),
                field(models.CharField(max_length=8, choices=[("a", "A")]), "kind_name"),
                field(models.BooleanField(), "has_phone"),
                field(models.CharField(max_length=8), "code"),
            ],
        )
    )
    assert personal_data.uncovered_fields([fake]) == [
        "fake.Family.nickname",
        "fake.Family.notes",
        "fake.Family.contact",
    ]
    personal_data.declare_not_personal("fake.Family", ["nickname"], "a test")
    try:
        assert personal_data.uncovered_fields([fake]) == [
            "fake.Family.notes",
            "fake.Family.contact",
        ]
        assert "fake.Family.nickname" in personal_data.unknown_covered_fields()
    finally:
        del personal_data._registry.not_personal["fake.Family.nickname"]


# --- export -------------------------------------------------------------------------------


def test_export_holds_everything_about_the_person_and_nothing_about_anyone_else(world):
    exported = export_person(Person.for_user(world.z))
    text = json.dumps(exported, ensure_ascii=False, default=str)

    assert {source.name for source in personal_data.sources()} <= set(exported)
    for needle in (ZEPHYRINE["email"], ZEPHYRINE["phone"], OLD_EMAIL):
        assert needle in text
    account = exported["parents.account"]
    assert account["display_name"] == ZEPHYRINE["name"]
    assert {row["email"] for row in account["email_addresses"]} == {ZEPHYRINE["email"], OLD_EMAIL}
    assert len(exported["workshops.registrations"]) == 3  # her two as an account, one as a guest
    assert {row["completed_at"] is None for row in exported["guides.progress"]} == {True, False}
    path = exported["ambassadors.path"]
    assert path["motivation"].startswith("Je suis Zéphyrine")
    assert [change["reason"] for change in path["history"]] == ["", "Bravo Zéphyrine !"]
    assert exported["ambassadors.badges"][0]["recipient_name"] == "Zéphyrine"
    roles = {row["role"] for row in exported["ambassadors.mentoring"]}
    assert roles == {"family", "ambassador"}
    assert exported["core.opt_outs"] == [
        {"contact": ZEPHYRINE["email"], "created_at": exported["core.opt_outs"][0]["created_at"]}
    ]
    assert [row["text"] for row in exported["rooms.messages"]["messages"]] == [
        "Ici Zéphyrine, bonjour."
    ]
    assert exported["core.sms_outbox"] == [{"to": ZEPHYRINE["phone"], "body": "Bonjour Zéphyrine"}]

    for needle in BARTHOLOMEE.values():
        assert needle not in text
    # The note Bartholomée wrote about her, as her ambassador, is his, not hers to download.
    assert "vieux téléphone" not in text


def test_a_guest_export_finds_sign_ups_by_contact_only(world):
    exported = export_person(Person.guest(email=OLD_EMAIL))
    assert [row["email"] for row in exported["workshops.registrations"]] == [OLD_EMAIL]
    assert exported["parents.account"] == {}
    assert exported["ambassadors.path"] == {}


# --- erasure of an account ----------------------------------------------------------------


def test_erasing_an_account_leaves_no_trace_and_keeps_every_count(
    world, sms_outbox, mailoutbox, django_capture_on_commit_callbacks
):
    client = Client(HTTP_HOST="localhost")
    client.force_login(world.z)
    assert Session.objects.count() == 1
    before_past = seats_and_attendance(world.past)
    before_other = seats_and_attendance(world.other_past)
    history_before = StageChange.objects.filter(volunteer=world.volunteers["z"]).count()
    reviews_before = Review.objects.filter(volunteer=world.volunteers["z"]).count()
    sessions_before = MentoringSession.objects.count()

    with django_capture_on_commit_callbacks(execute=True):
        result = erase_person(Person.for_user(world.z))

    assert set(result) == {source.name for source in personal_data.sources()}
    assert traces(*ZEPHYRINE.values(), OLD_EMAIL) == []
    # Bartholomée is untouched.
    assert "parents_user.display_name" in traces(BARTHOLOMEE["name"])
    assert BARTHOLOMEE["phone"] in sms_outbox.read_text(encoding="utf-8")
    assert OptOut.objects.filter(contact=BARTHOLOMEE["email"]).exists()
    assert Volunteer.objects.get(user=world.b).motivation.startswith("Je suis Bartholomée")

    # The account is an inactive, empty shell; she is signed out everywhere.
    shell = User.objects.get(pk=world.z.pk)
    assert is_erased(shell) and not shell.is_active and not shell.has_usable_password()
    assert (shell.phone, shell.display_name) == (None, "")
    assert not EmailAddress.objects.filter(user=shell).exists()
    assert Session.objects.count() == 0

    # Workshops: places and attendance of past workshops are anonymous counts now.
    assert seats_and_attendance(world.past) == before_past
    assert seats_and_attendance(world.other_past) == before_other
    assert not Registration.objects.filter(user=shell).exists()
    assert not Registration.objects.filter(anonymised_at__isnull=True, first_name="Zéphyrine")
    # Her upcoming place is freed and goes to the waiting family.
    world.z_upcoming.refresh_from_db()
    world.b_waiting.refresh_from_db()
    assert world.z_upcoming.status == Registration.Status.CANCELLED
    assert world.b_waiting.status == Registration.Status.CONFIRMED
    # The family promoted is told; she, forgotten already, is not written to.
    assert [message.to for message in mailoutbox] == [[BARTHOLOMEE["email"]]]

    # Ambassador path: history keeps its rows, redacted; badge revoked; notes erased.
    volunteer = Volunteer.objects.get(pk=world.volunteers["z"].pk)
    assert not volunteer.is_active and not volunteer.in_directory
    assert StageChange.objects.filter(volunteer=volunteer).count() == history_before
    assert Review.objects.filter(volunteer=volunteer).count() == reviews_before
    assert set(
        StageChange.objects.filter(volunteer=volunteer).values_list("reason", flat=True)
    ) == {""}
    badge = Badge.objects.get(pk=world.badge.pk)
    assert badge.is_revoked and badge.recipient_name == ""
    assert badges.revocation_list(badge)["revokedCredentials"]
    assert MentoringSession.objects.count() == sessions_before
    assert set(MentoringSession.objects.values_list("private_note", flat=True)) == {""}
    assert Mentorship.objects.get(pk=world.helped_z.pk).status == Mentorship.Status.CLOSED
    assert not CharterSignature.objects.filter(user=shell).exists()
    # Bartholomée's own request to her stays his.
    assert Mentorship.objects.get(pk=world.helped_b.pk).message.startswith("Bartholomée")

    # Rooms: her message stays in the conversation, emptied ("deleted account" is shown).
    assert Message.objects.count() == 2
    assert Message.objects.get(author=shell).erased

    # Guides: the completed guide stays counted, the one in progress is gone.
    assert list(shell.guide_progress.values_list("completed_steps", flat=True)) == [[]]

    # Erasing again finds nothing more to say about her.
    erase_person(Person.for_user(shell))
    assert traces(*ZEPHYRINE.values(), OLD_EMAIL) == []


# --- erasure of a guest -------------------------------------------------------------------


@pytest.mark.parametrize("contact", ["email", "phone"])
def test_a_guest_is_erased_by_the_contact_of_their_sign_up(contact):
    workshop = make_workshop(capacity=10, starts_at=timezone.now() - timedelta(days=5))
    guest = {**ZEPHYRINE, "email": None} if contact == "phone" else {**ZEPHYRINE, "phone": None}
    row = registration(workshop, guest, seats=3, attended=True)
    registration(workshop, BARTHOLOMEE)
    OptOut.objects.create(contact=ZEPHYRINE[contact])
    admin_logs(row, label=f"{ZEPHYRINE['name']} — {workshop.title}")
    before = seats_and_attendance(workshop)

    person = Person.guest(**{contact: ZEPHYRINE[contact]})
    assert export_person(person)["workshops.registrations"][0]["first_name"] == "Zéphyrine"
    erase_person(person)

    assert traces(*ZEPHYRINE.values()) == []
    assert seats_and_attendance(workshop) == before
    row.refresh_from_db()
    assert row.anonymised_at is not None and (row.seats, row.attended) == (3, True)
    assert Registration.objects.filter(first_name=BARTHOLOMEE["name"]).count() == 1


# --- the 90-day purge ---------------------------------------------------------------------


def test_the_purge_leaves_no_first_name_in_admin_logs():
    workshop = make_workshop(starts_at=timezone.now() - timedelta(days=120))
    row = registration(workshop, ZEPHYRINE)
    assert "Zéphyrine" not in str(row)
    admin_logs(row)  # today's label
    admin_logs(row, label=f"{ZEPHYRINE['name']} — {workshop.title}")  # an older one

    assert services_reminders.purge_guest_data() == 1

    assert traces(*ZEPHYRINE.values()) == []
    labels = set(ModelLogEntry.objects.values_list("label", flat=True))
    assert labels == {f"registration #{row.pk}"}
    assert ModelLogEntry.objects.count() == 2  # the log keeps its shape
