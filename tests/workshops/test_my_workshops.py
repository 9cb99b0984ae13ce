"""'My workshops': reachable from every page, past sign-ups say attended or missed."""

from datetime import timedelta

import pytest
from django.test import Client

from parents.models import User
from tests.factories import make_workshop
from workshops import services
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture
def samira():
    return User.objects.create_user(email="samira@example.org", display_name="Samira")


@pytest.fixture
def client(samira):
    client = Client(HTTP_HOST="localhost")
    client.force_login(samira)
    return client


def test_header_and_account_page_link_to_my_workshops(client):
    for url in ("/en/workshops/", "/en/me/"):
        assert 'href="/en/workshops/mine/"' in client.get(url).content.decode()


def test_anonymous_visitors_see_no_my_workshops_link():
    content = Client(HTTP_HOST="localhost").get("/en/workshops/").content.decode()
    assert "/en/workshops/mine/" not in content


def _signed_up(user, workshop, **fields):
    registration = services.register(workshop, first_name="Samira", email=user.email, user=user)
    Registration.objects.filter(pk=registration.pk).update(**fields)
    return registration


def test_past_workshops_say_attended_or_missed_not_confirmed(client, samira):
    attended = make_workshop(title="Pronote passé", starts_in=timedelta(days=3))
    missed = make_workshop(title="ENT passé", starts_in=timedelta(days=3))
    unknown = make_workshop(title="Sans appel", starts_in=timedelta(days=3))
    coming = make_workshop(title="À venir")
    for workshop, fields in (
        (attended, {"attended": True}),
        (missed, {"attended": False}),
        (unknown, {}),
        (coming, {}),
    ):
        _signed_up(samira, workshop, **fields)
    past = timedelta(days=-10)
    Workshop.objects.filter(pk__in=[attended.pk, missed.pk, unknown.pk]).update(
        starts_at=attended.starts_at + past, ends_at=attended.ends_at + past
    )

    response = client.get("/en/workshops/mine/")

    labels = {row[0].workshop.title: row[2] for row in response.context["past"]}
    assert labels == {
        "Pronote passé": "Attended",
        "ENT passé": "Missed",
        "Sans appel": "Took place (attendance not recorded)",
    }
    assert [(row[0].workshop.title, row[2]) for row in response.context["upcoming"]] == [
        ("À venir", "Confirmed")
    ]
    content = response.content.decode()
    assert content.index("À venir") < content.index("Past workshops") < content.index("Pronote")


def test_anonymous_visitor_sent_to_sign_in_from_ambassadors_learns_what_an_ambassador_is():
    response = Client(HTTP_HOST="localhost").get("/en/ambassadors/", follow=True)
    content = response.content.decode()
    assert "Becoming a parent ambassador" in content
    assert "help other families" in content
