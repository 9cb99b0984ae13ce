"""The facilitators' phone pages: their organisation's workshops, and nothing of another's."""

import csv
import io
import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.sms import MemoryBackend
from parents.models import User
from tests.factories import (
    make_facilitator,
    make_organisation,
    make_venue,
    make_workshop,
    signed_in,
)
from workshops import services, services_running, tokens
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def trousse():
    return make_organisation("La Trousse à Projets")


@pytest.fixture
def own_workshop(ligue):
    return make_workshop(capacity=3, venue=make_venue(organisation=ligue))


@pytest.fixture
def other_workshop(trousse):
    workshop = make_workshop(capacity=3, venue=make_venue(organisation=trousse))
    services.register(workshop, first_name="Zoé", email="zoe@example.org")
    return workshop


def manage_urls(workshop, registration_pk=None):
    """(method, url) of every facilitator page of a workshop."""
    registration_pk = registration_pk or 999999
    pk = workshop.pk
    return [
        ("get", reverse("workshops:manage_workshop", args=[pk])),
        ("get", reverse("workshops:manage_message", args=[pk])),
        ("post", reverse("workshops:manage_message", args=[pk])),
        ("get", reverse("workshops:manage_sheet", args=[pk])),
        ("get", reverse("workshops:manage_check_in", args=[pk])),
        ("post", reverse("workshops:manage_check_in_one", args=[pk, registration_pk])),
        ("get", reverse("workshops:manage_close", args=[pk])),
        ("post", reverse("workshops:manage_close", args=[pk])),
        ("get", reverse("workshops:manage_cancel", args=[pk])),
        ("post", reverse("workshops:manage_cancel", args=[pk])),
        ("get", reverse("workshops:manage_csv", args=[pk])),
    ]


def test_every_page_of_another_organisation_is_not_found(claire, other_workshop):
    client = signed_in(claire)
    zoe = other_workshop.registrations.get()
    for method, url in manage_urls(other_workshop, zoe.pk):
        response = getattr(client, method)(
            url, {"subject": "x", "body": "y", "channels": ["email"]}
        )
        assert response.status_code == 404, (method, url)
    other_workshop.refresh_from_db()
    zoe.refresh_from_db()
    assert other_workshop.status == Workshop.Status.PUBLISHED
    assert zoe.attended is None
    assert mail.outbox == []


def test_parents_without_an_organisation_see_nothing(other_workshop):
    parent = User.objects.create_user(email="parent@example.org")
    client = signed_in(parent)
    assert client.get(reverse("workshops:manage_list")).status_code == 404
    assert client.get(reverse("workshops:manage_series_create")).status_code == 404
    for method, url in manage_urls(other_workshop):
        assert getattr(client, method)(url).status_code == 404, url


def test_signed_out_visitors_are_asked_to_sign_in(own_workshop):
    client = Client(HTTP_HOST="localhost")
    for method, url in manage_urls(own_workshop):
        response = getattr(client, method)(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url


def test_list_shows_only_my_organisations_workshops(claire, own_workshop, other_workshop):
    content = signed_in(claire).get(reverse("workshops:manage_list")).content.decode()
    assert own_workshop.title in content
    assert other_workshop.title not in content


def test_staff_see_every_organisation(own_workshop, other_workshop):
    staff = User.objects.create_user(email="staff@example.org", is_staff=True)
    client = signed_in(staff)
    content = client.get(reverse("workshops:manage_list")).content.decode()
    assert own_workshop.title in content and other_workshop.title in content
    assert (
        client.get(reverse("workshops:manage_workshop", args=[other_workshop.pk])).status_code
        == 200
    )


def test_registrations_and_waiting_list(claire, own_workshop):
    services.register(own_workshop, first_name="Amina", email="amina@example.org", seats=3)
    services.register(own_workshop, first_name="Bruno", phone="+33612345678")
    response = signed_in(claire).get(reverse("workshops:manage_workshop", args=[own_workshop.pk]))
    content = response.content.decode()
    assert "Amina" in content and "Bruno" in content
    assert [r.first_name for r in response.context["waiting"]] == ["Bruno"]
    assert response.context["confirmed_seats"] == 3


def test_check_in_by_tapping_a_name(claire, own_workshop):
    amina = services.register(own_workshop, first_name="Amina", email="amina@example.org")
    client = signed_in(claire)
    page = client.get(reverse("workshops:manage_check_in", args=[own_workshop.pk]))
    assert "Amina" in page.content.decode()
    url = reverse("workshops:manage_check_in_one", args=[own_workshop.pk, amina.pk])
    response = client.post(url, {"present": "1"})
    assert response.status_code == 302
    amina.refresh_from_db()
    assert amina.attended is True and amina.checked_in_at is not None
    # Tapped by mistake: undo. And the JSON answer for the page's script.
    response = client.post(url, {"present": "0"}, headers={"Accept": "application/json"})
    assert response.json() == {"id": amina.pk, "present": False}
    amina.refresh_from_db()
    assert amina.attended is None


def test_waiting_families_cannot_be_checked_in(claire, own_workshop):
    services.register(own_workshop, first_name="Amina", email="amina@example.org", seats=3)
    bruno = services.register(own_workshop, first_name="Bruno", email="bruno@example.org")
    url = reverse("workshops:manage_check_in_one", args=[own_workshop.pk, bruno.pk])
    signed_in(claire).post(url, {"present": "1"})
    bruno.refresh_from_db()
    assert bruno.attended is None


def test_qr_code_opens_the_check_in_for_the_organisation_only(claire, own_workshop, trousse):
    amina = services.register(own_workshop, first_name="Amina", email="amina@example.org")
    qr = Client(HTTP_HOST="localhost").get(
        reverse("workshops:registration_qr", args=[tokens.make_token(amina)])
    )
    assert qr.status_code == 200 and qr["Content-Type"] == "image/svg+xml"
    assert qr.content.startswith(b"<?xml") and b"<svg" in qr.content
    url = reverse("workshops:check_in_by_code", args=[tokens.make_checkin_token(amina)])
    # Nobody else: signed out, another organisation's facilitator, a bad code.
    assert Client(HTTP_HOST="localhost").get(url).status_code == 404
    assert signed_in(make_facilitator(trousse)).get(url).status_code == 404
    assert signed_in(make_facilitator(trousse)).post(url).status_code == 404
    assert signed_in(claire).get(url + "x/").status_code == 404
    assert (
        signed_in(claire)
        .get(reverse("workshops:check_in_by_code", args=[tokens.make_token(amina)]))
        .status_code
        == 404
    )
    amina.refresh_from_db()
    assert amina.attended is None
    client = signed_in(claire)
    assert "Amina" in client.get(url).content.decode()
    assert client.post(url).status_code == 302
    amina.refresh_from_db()
    assert amina.attended is True


def test_confirmation_shows_the_qr_code(own_workshop):
    amina = services.register(own_workshop, first_name="Amina", email="amina@example.org")
    token = tokens.make_token(amina)
    content = (
        Client(HTTP_HOST="localhost")
        .get(reverse("workshops:confirmation", args=[token]))
        .content.decode()
    )
    assert reverse("workshops:registration_qr", args=[token]) in content


def test_close_marks_absentees_as_no_shows(claire, ligue):
    workshop = make_workshop(venue=make_venue(organisation=ligue), starts_in=timedelta(days=1))
    amina = services.register(workshop, first_name="Amina", email="amina@example.org")
    bruno = services.register(workshop, first_name="Bruno", email="bruno@example.org")
    services_running.check_in(amina)
    client = signed_in(claire)
    # Not before it has started.
    client.post(reverse("workshops:manage_close", args=[workshop.pk]))
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.PUBLISHED
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - timedelta(hours=2), ends_at=timezone.now()
    )
    assert client.get(reverse("workshops:manage_close", args=[workshop.pk])).context["absent"] == 1
    client.post(reverse("workshops:manage_close", args=[workshop.pk]))
    workshop.refresh_from_db()
    amina.refresh_from_db()
    bruno.refresh_from_db()
    assert workshop.status == Workshop.Status.CLOSED and workshop.closed_at
    assert (amina.attended, bruno.attended) == (True, False)


def test_cancelling_a_workshop_tells_everyone(
    claire, own_workshop, django_capture_on_commit_callbacks
):
    services.register(own_workshop, first_name="Amina", email="amina@example.org", seats=3)
    services.register(own_workshop, first_name="Bruno", phone="+33612345678")
    mail.outbox.clear()
    MemoryBackend.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(claire).post(
            reverse("workshops:manage_cancel", args=[own_workshop.pk])
        )
    assert response.status_code == 302
    own_workshop.refresh_from_db()
    assert own_workshop.status == Workshop.Status.CANCELLED
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "cancel" in mail.outbox[0].subject.lower() or "annul" in mail.outbox[0].subject.lower()
    assert [m.to for m in MemoryBackend.outbox] == ["+33612345678"]


def test_message_all_participants(claire, own_workshop, django_capture_on_commit_callbacks):
    services.register(own_workshop, first_name="Amina", email="amina@example.org", seats=3)
    services.register(own_workshop, first_name="Bruno", phone="+33612345678")
    mail.outbox.clear()
    MemoryBackend.outbox.clear()
    url = reverse("workshops:manage_message", args=[own_workshop.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(claire).post(
            url,
            {
                "subject": "Salle changée",
                "body": "Rendez-vous salle B.",
                "channels": ["email", "sms"],
            },
        )
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["amina@example.org"]]
    assert "Rendez-vous salle B." in mail.outbox[0].body
    assert MemoryBackend.outbox == []  # Bruno is waiting: not included by default
    with django_capture_on_commit_callbacks(execute=True):
        signed_in(claire).post(
            url,
            {"subject": "x", "body": "Bonjour", "channels": ["sms"], "include_waiting": "on"},
        )
    assert [m.to for m in MemoryBackend.outbox] == ["+33612345678"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"subject": ""}, "subject"),
        ({"body": ""}, "body"),
        ({"body": "x" * 1001}, "body"),
        ({"channels": []}, "channels"),
        ({"channels": ["pigeon"]}, "channels"),
    ],
)
def test_message_form_bad_input(claire, own_workshop, changes, field):
    data = {"subject": "Info", "body": "Bonjour", "channels": ["email"], **changes}
    response = signed_in(claire).post(
        reverse("workshops:manage_message", args=[own_workshop.pk]), data
    )
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()


def test_sign_in_sheet_is_printable(claire, own_workshop):
    services.register(own_workshop, first_name="Amina", email="amina@example.org")
    content = (
        signed_in(claire)
        .get(reverse("workshops:manage_sheet", args=[own_workshop.pk]))
        .content.decode()
    )
    assert "Amina" in content and "workshops.css" in content
    assert "<script>" not in content and "style=" not in content


def test_csv_export(claire, own_workshop):
    services.register(own_workshop, first_name="=HYPERLINK(1)", email="amina@example.org", seats=2)
    response = signed_in(claire).get(reverse("workshops:manage_csv", args=[own_workshop.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    rows = rows[rows.index([]) + 1 :]  # the workshop's details come first
    assert len(rows) == 2
    assert rows[1][0] == "'=HYPERLINK(1)"  # never a formula in a spreadsheet
    assert rows[1][1] == "amina@example.org" and rows[1][3] == "2"


def test_online_link_only_for_confirmed_participants(own_workshop):
    Workshop.objects.filter(pk=own_workshop.pk).update(
        format=Workshop.Format.HYBRID, online_link="https://visio.example.org/secret"
    )
    amina = services.register(own_workshop, first_name="Amina", email="amina@example.org", seats=3)
    bruno = services.register(own_workshop, first_name="Bruno", email="bruno@example.org")
    client = Client(HTTP_HOST="localhost")
    assert (
        "visio.example.org/secret"
        in client.get(reverse("workshops:manage", args=[tokens.make_token(amina)])).content.decode()
    )
    assert (
        "visio.example.org/secret"
        not in client.get(
            reverse("workshops:manage", args=[tokens.make_token(bruno)])
        ).content.decode()
    )
    assert (
        "visio.example.org/secret"
        not in client.get(own_workshop.get_absolute_url()).content.decode()
    )


def test_drafts_are_visible_to_their_organisation_only(claire, ligue, trousse):
    draft = make_workshop(venue=make_venue(organisation=ligue), status=Workshop.Status.DRAFT)
    other = make_workshop(venue=make_venue(organisation=trousse), status=Workshop.Status.DRAFT)
    client = signed_in(claire)
    assert client.get(draft.get_absolute_url()).status_code == 200
    assert client.get(other.get_absolute_url()).status_code == 404
    assert Client(HTTP_HOST="localhost").get(draft.get_absolute_url()).status_code == 404


def test_facilitators_join_the_admin_group_with_their_membership(ligue):
    user = make_facilitator(ligue)
    assert user.has_perm("wagtailadmin.access_admin")
    user.memberships.all().delete()
    user = User.objects.get(pk=user.pk)
    assert not user.has_perm("wagtailadmin.access_admin")


def test_registration_rows_never_name_another_organisation(claire, own_workshop, other_workshop):
    content = (
        signed_in(claire)
        .get(reverse("workshops:manage_workshop", args=[own_workshop.pk]))
        .content.decode()
    )
    assert "Zoé" not in content and not re.search("zoe@example", content)
    assert Registration.objects.filter(workshop=other_workshop).count() == 1
