"""The public pages: finding a workshop, signing up, managing places with the link."""

import json
import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone
from icalendar import Calendar

from core.sms import MemoryBackend
from parents.models import User
from tests.factories import make_organisation, make_territory, make_venue, make_workshop
from workshops import services, tokens
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db

GOOD = {
    "first_name": "Amina",
    "email": "amina@example.org",
    "phone": "",
    "seats": "2",
    "needs_childcare": "on",
    "needs_details": "Poussette",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


def detail_url(workshop):
    return f"/en/workshops/{workshop.pk}/"


def post_sign_up(client, workshop, **changes):
    data = {**GOOD, **changes}
    return client.post(detail_url(workshop), {k: v for k, v in data.items() if v is not None})


# --- List ---------------------------------------------------------------------------------


def test_list_shows_upcoming_published_workshops_only(client):
    shown = make_workshop(title="Pronote en famille")
    make_workshop(title="Brouillon caché", status=Workshop.Status.DRAFT)
    make_workshop(title="Atelier passé", starts_in=timedelta(days=-3))
    response = client.get("/en/workshops/")
    assert response.status_code == 200
    content = response.content.decode()
    assert shown.title in content
    assert "Brouillon caché" not in content
    assert "Atelier passé" not in content


def test_list_filters(client):
    aisne = make_territory("02", "Aisne")
    guadeloupe = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    laon = make_workshop(title="A Laon", venue=make_venue(aisne, commune="Laon"))
    pap = make_workshop(
        title="A Pointe-à-Pitre",
        venue=make_venue(guadeloupe, commune="Pointe-à-Pitre"),
        topic=Workshop.Topic.SCREENS_SLEEP,
        languages="fr,ar",
        format=Workshop.Format.HYBRID,
        starts_in=timedelta(days=30),
    )
    online = make_workshop(title="En ligne", format=Workshop.Format.ONLINE)

    def titles(query):
        content = client.get(f"/en/workshops/?{query}").content.decode()
        return {w.title for w in (laon, pap, online) if w.title in content}

    assert titles("territory=971") == {pap.title}
    assert titles("commune=laon") == {laon.title, online.title}  # online one has a venue too
    assert titles("topic=screens_sleep") == {pap.title}
    assert titles("language=ar") == {pap.title}
    assert titles("format=online") == {pap.title, online.title}
    assert titles("format=on_site") == {laon.title, pap.title}
    date_from = (timezone.now() + timedelta(days=20)).date().isoformat()
    assert titles(f"date_from={date_from}") == {pap.title}
    assert titles("territory=nope&topic=bogus") == {laon.title, pap.title, online.title}


def test_places_left_in_words_never_a_fraction(client):
    roomy = make_workshop(capacity=3, title="Places libres")
    full = make_workshop(capacity=1, title="Complet")
    services.register(full, first_name="Amina", email="a@example.org")
    one_left = make_workshop(capacity=2, title="Une place")
    services.register(one_left, first_name="Bruno", email="b@example.org")
    with_language = client.get("/en/workshops/").content.decode()
    assert "3 places left" in with_language
    assert "1 place left" in with_language
    assert "Full — join the waiting list" in with_language
    places = re.findall(r'class="workshop-card__places[^"]*">([^<]*)<', with_language)
    assert len(places) == 3
    assert not any(re.search(r"\d\s*/\s*\d", text) for text in places)
    assert roomy.title in with_language


def test_list_query_count_does_not_grow(client, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    organisation = make_organisation()
    venue = make_venue(organisation=organisation)

    def count_queries():
        with CaptureQueriesContext(connection) as queries:
            assert client.get("/en/workshops/").status_code == 200
        return len(queries)

    for index in range(5):
        workshop = make_workshop(venue=venue)
        services.register(workshop, first_name="A", email=f"a{index}@example.org")
    with_five = count_queries()
    for index in range(45):
        workshop = make_workshop(venue=venue)
        services.register(workshop, first_name="B", email=f"b{index}@example.org")
    with_fifty = count_queries()
    assert with_fifty == with_five
    with django_assert_max_num_queries(with_five):
        client.get("/en/workshops/?page=2")


def test_list_is_paginated(client):
    venue = make_venue()
    for _index in range(30):
        make_workshop(venue=venue)
    first = client.get("/en/workshops/").content.decode()
    second = client.get("/en/workshops/?page=2").content.decode()
    assert first.count('class="card workshop-card"') == 25
    assert second.count('class="card workshop-card"') == 5


# --- Detail -------------------------------------------------------------------------------


def test_detail_shows_practical_information_and_json_ld(client):
    guadeloupe = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    venue = make_venue(
        guadeloupe,
        commune="Les Abymes",
        name="Maison des parents",
        step_free_access=True,
        transport_hint="Bus Karu'lis ligne 2 </script>",
    )
    workshop = make_workshop(
        venue=venue,
        starts_at=datetime(2030, 3, 4, 18, 0, tzinfo=UTC),
        childcare_offered=True,
        title="Écrans & sommeil </script><script>alert(1)</script>",
    )
    response = client.get(f"/en{detail_url(workshop)[3:]}")
    assert response.status_code == 200
    content = response.content.decode()
    assert "Maison des parents" in content
    assert "Step-free access" in content
    assert "Bus Karu&#x27;lis ligne 2 &lt;/script&gt;" in content
    assert "2 p.m." in content  # 18:00 UTC is 14:00 in Guadeloupe
    assert "<script>alert(1)</script>" not in content
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', content, re.S)
    data = json.loads(match.group(1))
    assert data["@type"] == "Event"
    assert data["name"] == workshop.title
    assert data["startDate"] == "2030-03-04T14:00:00-04:00"
    assert data["location"]["address"]["addressLocality"] == "Les Abymes"
    assert data["organizer"]["name"] == workshop.organisation.name


def test_draft_workshop_is_not_found(client):
    workshop = make_workshop(status=Workshop.Status.DRAFT)
    response = client.get(detail_url(workshop))
    assert response.status_code == 404


def test_public_calendar_download(client):
    workshop = make_workshop(online_link="https://visio.example.org/secret")
    response = client.get(f"/en/workshops/{workshop.pk}/workshop.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert str(event["SUMMARY"]) == workshop.title
    assert b"secret" not in response.content


# --- Sign-up ------------------------------------------------------------------------------


def test_sign_up_happy_path(client, django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign_up(client, workshop)
    assert response.status_code == 302
    registration = Registration.objects.get(workshop=workshop)
    assert registration.status == Registration.Status.CONFIRMED
    assert (registration.seats, registration.needs_childcare) == (2, True)
    assert registration.needs_details == "Poussette"
    assert registration.consent_at is not None
    token = tokens.make_token(registration)
    assert response["Location"] == f"/en/workshops/r/{token}/done/"
    page = client.get(response["Location"]).content.decode()
    assert "You are signed up" in page or "inscrit" in page

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    assert f"/en/workshops/r/{token}/" in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    event = Calendar.from_ical(content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == workshop.starts_at.replace(microsecond=0)


def test_sign_up_costs_a_fixed_number_of_queries(client, django_assert_num_queries):
    """The sign-up path under load (bench/workshops_signup_storm.py): lock, one count for
    "already signed up?" and "places taken", insert, the confirmation task; no page load."""
    workshop = make_workshop(capacity=5)
    post_sign_up(client, workshop, email="first@example.org")  # the cache and pool are warm
    with django_assert_num_queries(5):  # savepoint, lock, count, insert, release
        response = post_sign_up(client, workshop, email="second@example.org")
    assert response.status_code == 302


def test_sign_up_for_a_draft_or_missing_workshop_is_not_found(client):
    draft = make_workshop(status=Workshop.Status.DRAFT)
    assert post_sign_up(client, draft).status_code == 404
    assert client.post("/en/workshops/999999/", GOOD).status_code == 404
    assert not Registration.objects.exists()


def test_sign_up_by_phone_sends_a_text_message(client, django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_sign_up(client, workshop, email="", phone="06 12 34 56 78")
    assert response.status_code == 302
    registration = Registration.objects.get(workshop=workshop)
    assert registration.phone == "+33612345678"
    assert [sms.to for sms in MemoryBackend.outbox] == ["+33612345678"]
    assert "/workshops/r/" in MemoryBackend.outbox[0].body
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"first_name": "x" * 81}, "first_name"),
        ({"email": "not-an-address"}, "email"),
        ({"email": "", "phone": ""}, "email"),
        ({"email": "", "phone": "12"}, "phone"),
        ({"seats": "0"}, "seats"),
        ({"seats": "7"}, "seats"),
        ({"seats": "two"}, "seats"),
        ({"needs_details": "x" * 301}, "needs_details"),
        ({"consent": None}, "consent"),
    ],
)
def test_bad_input_gives_a_clear_error_and_saves_nothing(client, workshop, changes, field):
    response = post_sign_up(client, workshop, **changes)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    content = response.content.decode()
    # The message is tied to its input for screen readers.
    assert f'id="id_{field}_error"' in content
    assert re.search(rf'aria-describedby="[^"]*id_{field}_error', content)
    assert not Registration.objects.exists()


def test_honeypot_saves_nothing(client, workshop):
    response = post_sign_up(client, workshop, website="http://spam.example")
    assert response.status_code == 200
    assert not Registration.objects.exists()
    content = response.content.decode()
    assert 'tabindex="-1"' in content and 'autocomplete="off"' in content


def test_duplicate_sign_up_is_refused_clearly(client, workshop):
    post_sign_up(client, workshop)
    response = post_sign_up(client, workshop, email="AMINA@example.org")
    assert response.status_code == 200
    assert "already signed up" in str(response.context["form"].non_field_errors())
    assert Registration.objects.count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Workshop.Status.CLOSED},
        {"status": Workshop.Status.CANCELLED},
        {"starts_in": timedelta(hours=-2)},
        {"registration_closes_at": timezone.now() - timedelta(hours=1)},
    ],
)
def test_closed_or_past_workshop_refuses_sign_up(client, fields):
    workshop = make_workshop(**fields)
    page = client.get(detail_url(workshop))
    assert page.status_code == 200
    assert 'name="first_name"' not in page.content.decode()
    response = post_sign_up(client, workshop)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Registration.objects.exists()


def test_full_workshop_puts_the_family_on_the_waiting_list(client):
    workshop = make_workshop(capacity=1)
    services.register(workshop, first_name="Bruno", email="b@example.org")
    response = post_sign_up(client, workshop, seats="1")
    page = client.get(response["Location"], HTTP_ACCEPT_LANGUAGE="en")
    assert (
        "number 1 on the waiting list"
        in client.get(response["Location"].replace("/fr/", "/en/")).content.decode()
    )
    assert page.status_code == 200


def test_guest_sign_ups_are_rate_limited(client):
    workshop = make_workshop(capacity=50)
    for index in range(10):
        response = post_sign_up(client, workshop, email=f"p{index}@example.org")
        assert response.status_code == 302
    response = post_sign_up(client, workshop, email="one-more@example.org")
    assert response.status_code == 429
    assert "Too many sign-ups" in response.content.decode() or response.context["form"].errors
    assert Registration.objects.count() == 10


def test_signed_in_parent_form_is_prefilled_and_linked(client):
    user = User.objects.create_user(
        email="samira@example.org", password="x", display_name="Samira", phone="+33612345601"
    )
    client.force_login(user)
    workshop = make_workshop()
    form = client.get(detail_url(workshop)).context["form"]
    assert form.initial["first_name"] == "Samira"
    assert form.initial["email"] == "samira@example.org"
    post_sign_up(client, workshop, first_name="Samira", email="samira@example.org")
    registration = Registration.objects.get()
    assert registration.user == user
    mine = client.get("/en/workshops/mine/")
    assert workshop.title in mine.content.decode()


def test_my_workshops_needs_an_account(client):
    response = client.get("/en/workshops/mine/")
    assert response.status_code == 302
    assert "login" in response["Location"]


# --- Managing places by link --------------------------------------------------------------


def test_manage_page_cancel_frees_a_place_for_the_next_family(
    client, django_capture_on_commit_callbacks
):
    workshop = make_workshop(capacity=2)
    amina = services.register(workshop, first_name="Amina", email="amina@example.org", seats=2)
    bruno = services.register(workshop, first_name="Bruno", email="bruno@example.org")
    token = tokens.make_token(amina)
    manage_url = f"/en/workshops/r/{token}/"
    assert "your 2 places are confirmed" in client.get(manage_url).content.decode()
    confirm = client.get(f"{manage_url}cancel/")
    assert confirm.status_code == 200
    assert "Cancel my places?" in confirm.content.decode()
    amina.refresh_from_db()
    assert amina.status == Registration.Status.CONFIRMED  # asking is not cancelling
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"{manage_url}cancel/")
    assert response.status_code == 302
    amina.refresh_from_db()
    bruno.refresh_from_db()
    assert amina.status == Registration.Status.CANCELLED
    assert bruno.status == Registration.Status.CONFIRMED
    promoted = [m for m in mail.outbox if m.to == ["bruno@example.org"]]
    assert len(promoted) == 1
    assert "A place is free" in promoted[0].subject
    assert promoted[0].attachments


def test_manage_page_changes_places(client):
    workshop = make_workshop(capacity=3)
    amina = services.register(workshop, first_name="Amina", email="amina@example.org")
    services.register(workshop, first_name="Bruno", email="bruno@example.org")
    url = f"/en/workshops/r/{tokens.make_token(amina)}/"
    assert client.post(url, {"seats": "2"}).status_code == 302
    amina.refresh_from_db()
    assert amina.seats == 2
    refused = client.post(url, {"seats": "3"})
    assert refused.status_code == 200
    assert "You keep the places you had" in refused.content.decode()
    amina.refresh_from_db()
    assert amina.seats == 2


def test_online_link_only_for_confirmed_families(client):
    workshop = make_workshop(
        capacity=1, format=Workshop.Format.ONLINE, online_link="https://visio.example.org/abc"
    )
    amina = services.register(workshop, first_name="Amina", email="amina@example.org")
    bruno = services.register(workshop, first_name="Bruno", email="bruno@example.org")
    assert "visio.example.org/abc" not in client.get(detail_url(workshop)).content.decode()
    assert (
        "visio.example.org/abc"
        in client.get(f"/en/workshops/r/{tokens.make_token(amina)}/").content.decode()
    )
    assert (
        "visio.example.org/abc"
        not in client.get(f"/en/workshops/r/{tokens.make_token(bruno)}/").content.decode()
    )


def test_my_workshops_include_guest_sign_ups_with_my_verified_contacts(client):
    workshop = make_workshop()
    other = make_workshop()
    third = make_workshop()
    services.register(workshop, first_name="Samira", email="samira@example.org")
    services.register(other, first_name="Samira", phone="+33612345601")
    services.register(third, first_name="Quelqu'un", email="unverified@example.org")
    user = User.objects.create_user(
        email="samira@example.org", phone="+33612345601", phone_verified=True
    )
    user.emailaddress_set.create(email="samira@example.org", verified=True, primary=True)
    user.emailaddress_set.create(email="unverified@example.org", verified=False)
    client.force_login(user)
    content = client.get("/en/workshops/mine/").content.decode()
    assert workshop.title in content and other.title in content
    assert third.title not in content
