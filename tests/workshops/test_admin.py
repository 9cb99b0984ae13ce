"""The Wagtail admin goes through the services: more places confirm waiting families."""

from datetime import UTC, timedelta

import pytest
from django.test import Client
from django.urls import reverse

from parents.models import User
from tests.factories import make_workshop
from workshops import services
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client():
    user = User.objects.create_superuser(email="admin@example.org", password="x")
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    return client


def _workshop_form_data(client, url, **changes):
    """The edit form's current values, as a browser would post them back, with `changes`."""
    form = client.get(url).context["form"]
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        data[name] = value.pk if hasattr(value, "pk") else value
    data.update(changes)
    return data


def test_staff_see_workshops_and_registrations(admin_client):
    workshop = make_workshop()
    services.register(workshop, first_name="Amina", email="amina@example.org")
    assert workshop.title in admin_client.get(reverse("workshop:index")).content.decode()
    assert "Amina" in admin_client.get(reverse("registration:index")).content.decode()
    assert admin_client.get(reverse("registration:add")).status_code in (302, 403)


def test_raising_capacity_in_the_admin_promotes_the_waiting_list(admin_client):
    workshop = make_workshop(capacity=1)
    services.register(workshop, first_name="Amina", email="amina@example.org")
    bruno = services.register(workshop, first_name="Bruno", email="bruno@example.org")
    url = reverse("workshop:edit", args=[workshop.pk])
    response = admin_client.post(url, _workshop_form_data(admin_client, url, capacity=2))
    assert response.status_code == 302, response.context["form"].errors
    bruno.refresh_from_db()
    assert bruno.status == Registration.Status.CONFIRMED


# --- Scoping: a facilitator sees and changes only their organisations' rows -----------------


@pytest.fixture
def two_organisations():
    from tests.factories import make_facilitator, make_organisation, make_venue

    ligue = make_organisation("Ligue de l'Enseignement")
    trousse = make_organisation("La Trousse à Projets")
    own = make_workshop(venue=make_venue(organisation=ligue, name="Salle Ligue"))
    other = make_workshop(venue=make_venue(organisation=trousse, name="Salle Trousse"))
    services.register(own, first_name="Amina", email="amina@example.org")
    services.register(other, first_name="Zoé", email="zoe@example.org")
    return make_facilitator(ligue), own, other


def test_facilitator_lists_only_their_organisations_rows(two_organisations):
    from tests.factories import signed_in

    user, own, other = two_organisations
    client = signed_in(user)
    workshops = client.get(reverse("workshop:index")).content.decode()
    assert own.title in workshops and other.title not in workshops
    venues = client.get(reverse("venue:index")).content.decode()
    assert "Salle Ligue" in venues and "Salle Trousse" not in venues
    registrations = client.get(reverse("registration:index")).content.decode()
    assert "Amina" in registrations and "Zoé" not in registrations


def test_facilitator_cannot_open_another_organisations_rows(two_organisations):
    from tests.factories import signed_in

    user, own, other = two_organisations
    client = signed_in(user)
    zoe = other.registrations.get()
    for name, pk in [
        ("workshop:edit", other.pk),
        ("workshop:delete", other.pk),
        ("workshop:history", other.pk),
        ("workshop:usage", other.pk),
        ("venue:edit", other.venue_id),
        ("venue:delete", other.venue_id),
        ("registration:edit", zoe.pk),
        ("registration:inspect", zoe.pk),
    ]:
        # A 404 outside the language prefix is redirected to /fr/… (LocaleMiddleware), where
        # it is still a 404.
        url = reverse(name, args=[pk])
        response = client.get(url, follow=True)
        assert response.status_code == 404 and other.title not in response.content.decode(), url
        response = client.post(url, {"title": "Piraté", "attended": "true"}, follow=True)
        assert response.status_code == 404, url
    other.refresh_from_db()
    zoe.refresh_from_db()
    assert other.title != "Piraté" and zoe.attended is None
    assert client.get(reverse("workshop:edit", args=[own.pk])).status_code == 200
    assert client.get(reverse("registration:add")).status_code in (302, 403)


def test_facilitator_forms_offer_only_their_organisation(two_organisations):
    from tests.factories import signed_in

    user, own, other = two_organisations
    client = signed_in(user)
    form = client.get(reverse("workshop:add")).context["form"]
    assert list(form.fields["organisation"].queryset) == [own.organisation]
    assert list(form.fields["venue"].queryset) == [own.venue]
    data = {
        "organisation": other.organisation_id,
        "venue": other.venue_id,
        "title": "Intrus",
        "topic": "pronote",
        "format": "on_site",
        "languages": "fr",
        "starts_at": "2030-01-10 18:00",
        "ends_at": "2030-01-10 20:00",
        "capacity": "10",
        "status": "draft",
    }
    response = client.post(reverse("workshop:add"), data)
    assert response.status_code == 200
    assert {"organisation", "venue"} <= set(response.context["form"].errors)
    data.update(organisation=own.organisation_id, venue=own.venue_id)
    response = client.post(reverse("workshop:add"), data)
    assert response.status_code == 302, response.context["form"].errors
    assert own.organisation.workshops.filter(title="Intrus").exists()


def test_facilitator_deletes_only_workshops_without_sign_ups(two_organisations):
    from tests.factories import make_workshop as make
    from tests.factories import signed_in

    user, own, _other = two_organisations
    client = signed_in(user)
    assert client.post(reverse("workshop:delete", args=[own.pk])).status_code in (302, 403)
    assert Workshop.objects.filter(pk=own.pk).exists()
    empty = make(venue=own.venue)
    assert client.post(reverse("workshop:delete", args=[empty.pk])).status_code == 302
    assert not Workshop.objects.filter(pk=empty.pk).exists()


def test_cancelling_in_the_admin_tells_everyone(
    admin_client, django_capture_on_commit_callbacks, mailoutbox
):
    workshop = make_workshop(capacity=1)
    services.register(workshop, first_name="Amina", email="amina@example.org")
    mailoutbox.clear()
    url = reverse("workshop:edit", args=[workshop.pk])
    form = admin_client.get(url).context["form"]
    data = {n: form[n].value() for n in form.fields if form[n].value() not in (None, False)}
    for name in ("starts_at", "ends_at"):
        data[name] = getattr(workshop, name).strftime("%Y-%m-%d %H:%M")
    data["status"] = "cancelled"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, data).status_code == 302
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.CANCELLED
    assert [m.to for m in mailoutbox] == [["amina@example.org"]]


# --- Times are the clock at the venue, whoever types them ---------------------------------


def test_times_are_typed_and_shown_as_the_clock_at_a_guadeloupe_venue(admin_client):
    from datetime import datetime

    from tests.factories import make_territory, make_venue

    guadeloupe = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    workshop = make_workshop(venue=make_venue(territory=guadeloupe, commune="Les Abymes"))
    url = reverse("workshop:edit", args=[workshop.pk])
    data = _workshop_form_data(
        admin_client, url, starts_at="2027-03-28 18:00", ends_at="2027-03-28 20:00"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    workshop.refresh_from_db()
    # 18:00 in Pointe-à-Pitre (UTC−4) is 22:00 UTC, the day Paris changes its clocks.
    assert workshop.starts_at == datetime(2027, 3, 28, 22, 0, tzinfo=UTC)
    page = admin_client.get(url)
    assert page.context["form"]["starts_at"].value().strftime("%H:%M") == "18:00"
    assert "America/Guadeloupe" in page.content.decode()


def test_a_time_the_clocks_skip_at_the_venue_is_refused_clearly(admin_client):
    workshop = make_workshop()  # a venue in Aisne: Europe/Paris
    url = reverse("workshop:edit", args=[workshop.pk])
    before = workshop.starts_at
    data = _workshop_form_data(
        admin_client, url, starts_at="2027-03-28 02:30", ends_at="2027-03-28 04:00"
    )
    response = admin_client.post(url, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.has_error("starts_at", "clock_change")
    assert "Europe/Paris" in str(form.errors["starts_at"])  # says where, in any language
    workshop.refresh_from_db()
    assert workshop.starts_at == before


def test_the_workshop_list_shows_the_clock_at_the_venue(admin_client):
    from datetime import datetime

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import make_territory, make_venue

    guadeloupe = make_territory("971", "Guadeloupe", "America/Guadeloupe")
    starts_at = datetime(2027, 3, 28, 22, 0, tzinfo=UTC)  # 18:00 in Pointe-à-Pitre

    def add_workshop():
        venue = make_venue(territory=guadeloupe, commune="Les Abymes")
        make_workshop(venue=venue, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2))

    def list_page():
        with CaptureQueriesContext(connection) as queries:
            page = admin_client.get(reverse("workshop:index")).content.decode()
        return page, len(queries)

    add_workshop()
    list_page()  # the session and permission caches are warm from here on
    _page, queries_for_one = list_page()
    for _ in range(3):
        add_workshop()
    page, queries_for_four = list_page()
    assert page.count("18:00") == 4
    assert "22:00" not in page  # not UTC (and Paris would read 00:00 the next day)
    assert queries_for_four == queries_for_one  # the time zone costs no query per row
