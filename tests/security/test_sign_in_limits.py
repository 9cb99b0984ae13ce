"""Sign-in and sign-up abuse is limited (allauth's rate limits, ACCOUNT_RATE_LIMITS): guessing
one account's password stops after a few tries, and one address cannot flood either form."""

import pytest
from allauth.account.models import EmailAddress
from django.test import Client
from django.urls import reverse

from parents.models import User

pytestmark = pytest.mark.django_db

EMAIL, PASSWORD = "samira@example.org", "le-bon-mot-de-passe-1"


@pytest.fixture
def samira(db):
    user = User.objects.create_user(email=EMAIL, password=PASSWORD)
    EmailAddress.objects.create(user=user, email=EMAIL, verified=True, primary=True)
    return user


def sign_in(client, password: str):
    return client.post(reverse("account_login"), {"login": EMAIL, "password": password})


def signed_in(client) -> bool:
    return "_auth_user_id" in client.session


def test_the_right_password_signs_in(samira, client):
    sign_in(client, PASSWORD)

    assert signed_in(client)


def test_after_five_wrong_passwords_even_the_right_one_is_refused(samira, client):
    for attempt in range(5):
        assert sign_in(client, f"devine-{attempt}").status_code == 200
    # From another address too: the limit is the account's, not only the address's.
    other = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.7")

    response = sign_in(other, PASSWORD)

    assert not signed_in(other)
    assert "Too many failed login attempts" in response.content.decode()


def test_one_address_cannot_flood_the_sign_in_form(client):
    statuses = [
        client.post(reverse("account_login"), {"login": f"x{n}@example.org"}).status_code
        for n in range(31)
    ]

    assert statuses == [200] * 30 + [429]
    assert client.get(reverse("account_login")).status_code == 200  # reading is not limited


def test_one_address_cannot_flood_the_sign_up_form(client):
    statuses = [client.post(reverse("account_signup"), {}).status_code for _ in range(21)]

    assert statuses == [200] * 20 + [429]
    # Another address still signs up.
    other = Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.8")
    assert other.post(reverse("account_signup"), {}).status_code == 200
