"""A person's own data through the real pages: the export (page and JSON), the deletion of an
account, and a guest's requests through the signed link of a sign-up."""

import json
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from core import personal_data
from core.personal_data import Person, export_person
from parents.models import User
from parents.personal_data import is_erased
from rooms.models import Message
from tests.core.test_personal_data import ZEPHYRINE, sms_outbox, world  # noqa: F401 (fixtures)
from tests.factories import make_workshop, signed_in
from workshops import tokens
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def test_the_json_export_holds_every_registered_source_and_her_data_in_each(world):  # noqa: F811
    response = signed_in(world.z).get(reverse("parents:export") + "?format=json")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    data = json.loads(response.content)["data"]
    assert set(data) == {source.name for source in personal_data.sources()}
    expected = json.loads(json.dumps(export_person(Person.for_user(world.z)), default=str))
    assert data == expected
    # Every source that holds something about her in this world is in the file.
    filled = {name for name, value in data.items() if value}
    assert {
        "parents.account",
        "workshops.registrations",
        "guides.progress",
        "rooms.messages",
    } <= filled
    text = response.content.decode()
    assert ZEPHYRINE["email"] in text and ZEPHYRINE["phone"] in text


def test_the_readable_page_shows_her_data_by_source(world):  # noqa: F811
    response = signed_in(world.z).get(reverse("parents:export"))
    page = response.content.decode()
    assert response.status_code == 200
    assert ZEPHYRINE["email"] in page
    assert "Your workshop sign-ups" in page
    assert response["Cache-Control"] == "no-store"


def test_export_and_delete_need_an_account(client):
    for name in ("parents:export", "parents:delete"):
        response = client.get(reverse(name))
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]


def test_deleting_an_account_asks_for_confirmation_then_erases_and_signs_out(world):  # noqa: F811
    browser = signed_in(world.z)
    url = reverse("parents:delete")
    assert browser.get(url).status_code == 200
    refused = browser.post(url, {})
    assert refused.status_code == 200
    assert "Tick the box to confirm the deletion." in refused.content.decode()
    assert not is_erased(User.objects.get(pk=world.z.pk))

    done = browser.post(url, {"confirm": "on"})
    assert done.status_code == 302
    user = User.objects.get(pk=world.z.pk)
    assert is_erased(user)
    assert not Registration.objects.filter(email__iexact=ZEPHYRINE["email"]).exists()
    assert not Message.objects.filter(author=user, erased=False).exclude(text="").exists()
    # Signed out: her account pages send her to the login page.
    assert browser.get(reverse("parents:account")).status_code == 302


def _guest_registration(email="guest.pd@example.org"):
    workshop = make_workshop(capacity=10, starts_in=timedelta(days=5))
    return Registration.objects.create(
        workshop=workshop,
        first_name="Ysolde",
        email=email,
        seats=1,
        consent_at=timezone.now(),
        status=Registration.Status.CONFIRMED,
    )


def test_a_guest_sees_downloads_and_erases_her_data_with_the_signed_link(client, db):
    registration = _guest_registration()
    other = _guest_registration("someone.else@example.org")
    url = reverse("workshops:my_data", args=[tokens.make_token(registration)])

    manage = client.get(reverse("workshops:manage", args=[tokens.make_token(registration)]))
    assert f'href="{url}"' in manage.content.decode()
    page = client.get(url)
    assert page.status_code == 200
    assert "guest.pd@example.org" in page.content.decode()
    assert "someone.else@example.org" not in page.content.decode()
    download = client.get(url + "?format=json")
    assert json.loads(download.content)["data"]["workshops.registrations"][0]["first_name"] == (
        "Ysolde"
    )

    assert client.post(url, {}).status_code == 200  # not confirmed: nothing erased
    assert Registration.objects.get(pk=registration.pk).email == "guest.pd@example.org"
    assert client.post(url, {"confirm": "on"}).status_code == 302
    erased = Registration.objects.get(pk=registration.pk)
    assert (erased.first_name, erased.email, erased.status) == ("", None, "cancelled")
    assert Registration.objects.get(pk=other.pk).email == "someone.else@example.org"
    assert "We keep nothing about you any more." in client.get(url).content.decode()


def test_a_forged_guest_link_is_a_404(client, db):
    assert client.get(reverse("workshops:my_data", args=["nope:forged"])).status_code == 404


def test_the_footer_pages_answer_in_every_language(client, db):
    for lang in ("fr", "en", "ar"):
        for name in ("privacy", "legal", "accessibility", "contact"):
            response = client.get(f"/{lang}" + reverse(f"about:{name}")[3:])
            assert response.status_code == 200, (lang, name)
    page = client.get("/en/privacy/").content.decode()
    assert "CNIL" in page and "dpo@coeduc.fr" in page and "90 days" in page
