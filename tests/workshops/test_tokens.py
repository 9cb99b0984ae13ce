"""The personal link: opens one registration, cannot be forged, stops a week after."""

import time
from datetime import timedelta

import pytest
from django.core import signing
from django.test import Client
from django.utils import timezone

from tests.factories import make_workshop
from workshops import services, tokens

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost")


@pytest.fixture
def registration():
    workshop = make_workshop()
    return services.register(workshop, first_name="Amina", email="amina@example.org")


def test_valid_token_opens_its_registration(client, registration):
    token = tokens.make_token(registration)
    assert tokens.read_token(token) == registration
    response = client.get(f"/en/workshops/r/{token}/")
    assert response.status_code == 200
    assert registration.workshop.title in response.content.decode()


@pytest.mark.parametrize(
    "mangle",
    [
        lambda token: token[:-1] + ("A" if token[-1] != "A" else "B"),
        lambda token: "1" + token,
        lambda token: token.split(":", 1)[1],
        lambda token: "nonsense",
    ],
)
def test_tampered_token_is_refused_with_a_friendly_page(client, registration, mangle):
    token = mangle(tokens.make_token(registration))
    with pytest.raises(tokens.InvalidToken):
        tokens.read_token(token)
    response = client.get(f"/en/workshops/r/{token}/")
    assert response.status_code == 404
    content = response.content.decode()
    assert "This link does not work" in content
    assert "Traceback" not in content
    assert "<header" in content  # the site layout


def test_token_for_another_registration_number_is_refused(registration):
    other = services.register(registration.workshop, first_name="Bruno", email="b@example.org")
    forged = signing.TimestampSigner(salt="another.salt").sign(f"{other.pk}.0")
    with pytest.raises(tokens.InvalidToken):
        tokens.read_token(forged)


def test_token_expires_a_week_after_the_workshop(client, registration):
    token = tokens.make_token(registration)
    workshop = registration.workshop
    workshop.starts_at = timezone.now() - timedelta(days=8, hours=2)
    workshop.ends_at = timezone.now() - timedelta(days=8)
    workshop.save()
    with pytest.raises(tokens.ExpiredToken):
        tokens.read_token(token)
    response = client.get(f"/en/workshops/r/{token}/cancel/")
    assert response.status_code == 410
    assert "This link has expired" in response.content.decode()


def test_token_still_works_within_the_week_after(registration):
    workshop = registration.workshop
    workshop.starts_at = timezone.now() - timedelta(days=6, hours=2)
    workshop.ends_at = timezone.now() - timedelta(days=6)
    workshop.save()
    assert tokens.read_token(tokens.make_token(registration)) == registration


def test_very_old_signature_expires(registration, monkeypatch):
    old = time.time() - tokens.MAX_AGE.total_seconds() - 60
    monkeypatch.setattr(signing.time, "time", lambda: old)
    token = tokens.make_token(registration)
    monkeypatch.undo()
    with pytest.raises(tokens.ExpiredToken):
        tokens.read_token(token)
