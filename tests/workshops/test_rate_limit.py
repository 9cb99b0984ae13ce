"""The guest sign-up limit counts accepted sign-ups only, per connection, workshop and contact."""

import pytest
from django.test import Client

from tests.factories import make_workshop
from workshops.models import Registration

pytestmark = pytest.mark.django_db

GOOD = {"first_name": "Amina", "seats": "1", "consent": "on", "website": ""}


def sign_up(client, workshop, **fields):
    return client.post(f"/en/workshops/{workshop.pk}/", {**GOOD, **fields})


@pytest.fixture
def centre():
    """A social centre's Wi-Fi: every family behind one address."""
    return Client(HTTP_HOST="localhost", REMOTE_ADDR="203.0.113.7")


def test_forms_refused_for_a_typo_are_not_counted(centre, settings):
    settings.WORKSHOPS_SIGNUP_RATE_LIMIT = 10
    workshop = make_workshop(capacity=50)
    for index in range(8):
        assert sign_up(centre, workshop, email=f"p{index}@example.org").status_code == 302
    for _typo in range(3):
        response = sign_up(centre, workshop, email="not an address")
        assert response.status_code == 200
        assert "email" in response.context["form"].errors
    # The 12th POST, but only the 9th and 10th accepted sign-ups: both go through.
    assert sign_up(centre, workshop, email="p8@example.org").status_code == 302
    assert sign_up(centre, workshop, email="p9@example.org").status_code == 302
    assert Registration.objects.count() == 10


def test_a_busy_centre_signing_families_up_for_many_workshops_is_not_locked_out(centre):
    workshops = [make_workshop(capacity=20) for _ in range(6)]
    for index in range(60):
        response = sign_up(centre, workshops[index % 6], email=f"family{index}@example.org")
        assert response.status_code == 302, index
    assert Registration.objects.count() == 60


def test_one_workshop_from_one_connection_has_a_ceiling(centre, settings):
    settings.WORKSHOPS_SIGNUP_RATE_LIMIT = 3
    workshop = make_workshop(capacity=50)
    for index in range(3):
        assert sign_up(centre, workshop, email=f"p{index}@example.org").status_code == 302
    response = sign_up(centre, workshop, email="p3@example.org")
    assert response.status_code == 429
    assert "Too many sign-ups from this connection" in response.content.decode()
    # Another workshop from the same connection is still open.
    assert sign_up(centre, make_workshop(), email="p3@example.org").status_code == 302


def test_the_connection_has_an_overall_ceiling(centre, settings):
    settings.WORKSHOPS_SIGNUP_ADDRESS_LIMIT = 4
    workshops = [make_workshop() for _ in range(5)]
    for index in range(4):
        assert sign_up(centre, workshops[index], email=f"p{index}@example.org").status_code == 302
    assert sign_up(centre, workshops[4], email="p4@example.org").status_code == 429


def test_one_contact_has_its_own_limit_whatever_the_connection(settings):
    settings.WORKSHOPS_SIGNUP_CONTACT_LIMIT = 2
    workshops = [make_workshop() for _ in range(3)]
    for index in range(2):
        client = Client(HTTP_HOST="localhost", REMOTE_ADDR=f"198.51.100.{index + 1}")
        assert sign_up(client, workshops[index], phone="06 12 34 56 01").status_code == 302
    client = Client(HTTP_HOST="localhost", REMOTE_ADDR="198.51.100.9")
    response = sign_up(client, workshops[2], phone="+33 6 12 34 56 01")
    assert response.status_code == 429
    assert "with this e-mail address or phone number" in response.content.decode()
    # Someone else behind the same address is not affected.
    assert sign_up(client, workshops[2], email="other@example.org").status_code == 302


def test_signed_in_parents_are_not_limited(settings, centre):
    from parents.models import User

    settings.WORKSHOPS_SIGNUP_RATE_LIMIT = 1
    workshop = make_workshop(capacity=50)
    assert sign_up(centre, workshop, email="a@example.org").status_code == 302
    user = User.objects.create_user(email="s@example.org", display_name="S")
    centre.force_login(user)
    assert sign_up(centre, workshop, email="s@example.org").status_code == 302
