"""'I lost my link': the links go again to the contact given, and the page never tells whether
that contact is known."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.test import Client

from core.sms import MemoryBackend
from tests.factories import make_workshop
from workshops import services, tokens
from workshops.models import Registration

pytestmark = pytest.mark.django_db
URL = "/en/workshops/lost-link/"


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost", REMOTE_ADDR="192.0.2.10")


def _send(client, contact, **extra):
    # notify() sends after the commit: run the on-commit callbacks as a real request would.
    return client.post(URL, {"contact": contact}, **extra)


def _visible_text(response) -> str:
    content = response.content.decode()
    return content[content.index("<main") : content.index("</main>")]


def links_in(text: str) -> list[Registration]:
    """The registrations whose personal links the text holds."""
    return [tokens.read_token(token) for token in re.findall(r"/workshops/r/([^/\s]+)/", text)]


def test_the_links_are_sent_again_by_e_mail(client, django_capture_on_commit_callbacks):
    first = make_workshop(title="Pronote pas à pas")
    second = make_workshop(title="ENT en famille", starts_in=timedelta(days=9))
    for workshop in (first, second):
        services.register(workshop, first_name="Amina", email="amina@example.org")
    mail.outbox.clear()
    MemoryBackend.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, "  Amina@Example.org ")

    assert response.status_code == 200
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["amina@example.org"]
    # The links' tokens are timestamped: read them back rather than make them again (one made
    # a second later differs).
    assert set(links_in(message.body)) == set(Registration.objects.all())
    assert "Pronote pas à pas" in message.body and "ENT en famille" in message.body


def test_the_links_are_sent_again_by_text_message_to_a_number_typed_any_way(
    client, django_capture_on_commit_callbacks
):
    workshop = make_workshop()
    registration = services.register(workshop, first_name="Léa", phone="+590690123456")
    MemoryBackend.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = _send(client, "0690 12 34 56")

    assert response.status_code == 200
    assert [sms.to for sms in MemoryBackend.outbox] == ["+590690123456"]
    assert links_in(MemoryBackend.outbox[0].body) == [registration]
    assert '<bdi dir="ltr">06 90 12 34 56</bdi>' in response.content.decode()


def test_the_answer_is_the_same_for_a_known_and_an_unknown_contact(
    client, django_capture_on_commit_callbacks
):
    services.register(make_workshop(), first_name="Amina", email="known@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        known = _send(client, "known@example.org")
        unknown = _send(client, "unknown@example.org")

    assert known.status_code == unknown.status_code == 200
    assert _visible_text(known).replace("known@", "X@").replace("unX@", "X@") == _visible_text(
        unknown
    ).replace("unknown@", "X@")
    assert [message.to for message in mail.outbox] == [["known@example.org"]]


def test_other_peoples_and_expired_sign_ups_are_not_sent(
    client, django_capture_on_commit_callbacks
):
    services.register(make_workshop(title="Le sien"), first_name="A", email="a@example.org")
    services.register(make_workshop(title="Un autre"), first_name="B", email="b@example.org")
    old = make_workshop(title="Ancien", starts_in=timedelta(days=-30))
    Registration.objects.create(
        workshop=old,
        first_name="A",
        email="a@example.org",
        seats=1,
        language="fr",
        consent_at=old.starts_at,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        _send(client, "a@example.org")
    body = mail.outbox[0].body
    assert "Le sien" in body
    assert "Un autre" not in body and "Ancien" not in body


def test_a_contact_that_is_neither_address_nor_number_gets_a_clear_message(client):
    response = _send(client, "amina at example")
    assert response.status_code == 200
    assert "Give an e-mail address" in response.content.decode()
    assert response.context["form"].errors["contact"]


def test_asking_again_and_again_is_rate_limited(client, django_capture_on_commit_callbacks):
    services.register(make_workshop(), first_name="Amina", email="amina@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for _attempt in range(3):
            assert _send(client, "amina@example.org").status_code == 200
        response = _send(client, "amina@example.org")
    assert response.status_code == 429
    assert "Too many attempts" in response.content.decode()
    assert len(mail.outbox) == 3


def test_the_lost_link_page_is_linked_from_a_broken_link_and_the_workshop_page(client):
    workshop = make_workshop()
    assert (
        'href="/en/workshops/lost-link/"'
        in client.get("/en/workshops/r/nonsense/").content.decode()
    )
    assert (
        'href="/en/workshops/lost-link/"'
        in client.get(f"/en/workshops/{workshop.pk}/").content.decode()
    )
