"""Phone numbers are read one way everywhere: metropolitan and overseas mobiles, as typed."""

import pytest
from allauth.account.models import EmailAddress
from django.template import Context, Template
from django.test import Client
from django.urls import reverse
from django.utils import translation

from core import phones
from core.sms import MemoryBackend
from parents.forms import PhoneNumberField
from parents.models import User
from tests.factories import make_workshop
from workshops.forms import RegistrationForm
from workshops.models import Registration

# (as typed, stored E.164, shown back)
MOBILES = [
    ("06 12 34 56 01", "+33612345601", "06 12 34 56 01"),
    ("0612345601", "+33612345601", "06 12 34 56 01"),
    ("06.12.34.56.01", "+33612345601", "06 12 34 56 01"),
    ("06-12-34-56-01", "+33612345601", "06 12 34 56 01"),
    (" 06 12 34 56 01 ", "+33612345601", "06 12 34 56 01"),
    ("06\u00a012\u00a034\u00a056\u00a001", "+33612345601", "06 12 34 56 01"),
    ("+33 6 12 34 56 01", "+33612345601", "06 12 34 56 01"),
    ("+33612345601", "+33612345601", "06 12 34 56 01"),
    ("0033 6 12 34 56 01", "+33612345601", "06 12 34 56 01"),
    ("+33 (0)6 12 34 56 01", "+33612345601", "06 12 34 56 01"),
    ("07 81 23 45 67", "+33781234567", "07 81 23 45 67"),
    # Guadeloupe
    ("0690 12 34 56", "+590690123456", "06 90 12 34 56"),
    ("06 90 12 34 56", "+590690123456", "06 90 12 34 56"),
    ("0691 22 34 56", "+590691223456", "06 91 22 34 56"),
    ("+590 690 12 34 56", "+590690123456", "06 90 12 34 56"),
    ("00590690123456", "+590690123456", "06 90 12 34 56"),
    ("+33 6 90 12 34 56", "+590690123456", "06 90 12 34 56"),
    # Martinique, Guyane, La Réunion, Mayotte
    ("0696 12 34 56", "+596696123456", "06 96 12 34 56"),
    ("0697 12 34 56", "+596697123456", "06 97 12 34 56"),
    ("0694 20 12 34", "+594694201234", "06 94 20 12 34"),
    ("0692 12 34 56", "+262692123456", "06 92 12 34 56"),
    ("+262 692 12 34 56", "+262692123456", "06 92 12 34 56"),
    ("0693 00 12 34", "+262693001234", "06 93 00 12 34"),
    ("0639 01 23 45", "+262639012345", "06 39 01 23 45"),
    ("+262 639 01 23 45", "+262639012345", "06 39 01 23 45"),
]

LANDLINES = [
    "01 23 45 67 89",
    "04 78 12 34 56",
    "0590 12 34 56",  # Guadeloupe
    "+590 590 12 34 56",
    "0596 12 34 56",  # Martinique
    "0262 12 34 56",  # La Réunion
]

NOT_NUMBERS = ["12 34", "abc", "06 12 34", "06 12 34 56 01 99", "+44 7700 900123", "0612345601x"]


@pytest.mark.parametrize(("typed", "stored", "shown"), MOBILES)
def test_every_french_mobile_is_read_as_typed(typed, stored, shown):
    assert PhoneNumberField().clean(typed) == stored
    assert phones.format_national(stored) == shown


@pytest.mark.parametrize("typed", LANDLINES)
def test_landlines_are_refused_where_a_text_message_is_sent(typed):
    field = PhoneNumberField()
    with pytest.raises(Exception) as error:
        field.clean(typed)
    assert error.value.code == "not_mobile"
    assert "landline" in str(error.value.messages[0])


@pytest.mark.parametrize("typed", NOT_NUMBERS)
def test_what_is_not_a_french_number_is_refused(typed):
    with pytest.raises(Exception) as error:
        PhoneNumberField().clean(typed)
    assert error.value.code == "invalid"


def test_landline_message_is_translated():
    with translation.override("fr"):
        form = RegistrationForm({"first_name": "A", "phone": "01 23 45 67 89", "seats": "1"})
        form.is_valid()
        assert "fixe" in form.errors["phone"][0]
    with translation.override("ar"):
        form = RegistrationForm({"first_name": "A", "phone": "01 23 45 67 89", "seats": "1"})
        form.is_valid()
        assert "landline" not in form.errors["phone"][0]


def test_the_phone_filter_shows_the_national_form_left_to_right():
    rendered = Template("{% load phones %}{{ number|phone }}").render(
        Context({"number": "+590690123456"})
    )
    assert rendered == '<bdi dir="ltr">06 90 12 34 56</bdi>'
    assert Template("{% load phones %}{{ number|phone }}").render(Context({"number": ""})) == ""


@pytest.mark.django_db
def test_workshop_sign_up_from_guadeloupe_is_kept_and_shown_back_grouped():
    workshop = make_workshop()
    client = Client(HTTP_HOST="localhost")
    response = client.post(
        f"/ar/workshops/{workshop.pk}/",
        {"first_name": "Léa", "phone": "0690 12 34 56", "seats": "1", "consent": "on"},
        follow=True,
    )
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.phone == "+590690123456"
    content = response.content.decode()
    assert '<bdi dir="ltr">06 90 12 34 56</bdi>' in content
    assert "+590690123456" not in content


@pytest.mark.django_db
def test_workshop_sign_up_with_a_landline_is_refused_and_nothing_is_sent():
    workshop = make_workshop()
    client = Client(HTTP_HOST="localhost")
    response = client.post(
        f"/fr/workshops/{workshop.pk}/",
        {"first_name": "Léa", "phone": "05 90 12 34 56", "seats": "1", "consent": "on"},
    )
    assert response.status_code == 200
    assert "fixe" in response.context["form"].errors["phone"][0]
    assert not Registration.objects.exists()
    assert MemoryBackend.outbox == []


@pytest.fixture
def parent(db):
    user = User.objects.create_user(
        email="parent@example.org",
        phone="+33612345601",
        phone_verified=True,
        display_name="Samira",
        password="a long password 1234",
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


@pytest.mark.parametrize("typed", ["06 12 34 56 01", "06.12.34.56.01", "+33 6 12 34 56 01"])
def test_password_sign_in_with_a_phone_typed_the_national_way(parent, typed):
    client = Client(HTTP_HOST="localhost")
    with translation.override("fr"):
        login_url = reverse("account_login")
    response = client.post(login_url, {"login": typed, "password": "a long password 1234"})
    assert response.status_code == 302, response.content.decode()[:1500]
    assert client.session.get("_auth_user_id") == str(parent.pk)


def test_sign_in_code_by_sms_to_an_overseas_mobile(db):
    user = User.objects.create_user(phone="+596696123456", phone_verified=True, display_name="M")
    client = Client(HTTP_HOST="localhost")
    with translation.override("fr"):
        request_url = reverse("account_request_login_code")
    response = client.post(request_url, {"phone": "0696 12 34 56"}, follow=True)
    assert response.status_code == 200
    assert [sms.to for sms in MemoryBackend.outbox] == [user.phone]
    content = response.content.decode()
    assert '<bdi dir="ltr">06 96 12 34 56</bdi>' in content
    assert "spam" not in content


def test_account_page_shows_the_number_grouped(parent):
    client = Client(HTTP_HOST="localhost")
    client.force_login(parent)
    response = client.get("/ar/me/")
    content = response.content.decode()
    assert '<bdi dir="ltr">06 12 34 56 01</bdi>' in content
    assert "+33612345601" not in content


def test_phone_verification_page_and_message_show_the_number_grouped(db):
    client = Client(HTTP_HOST="localhost")
    response = client.post(
        "/ar/accounts/signup/",
        {"display_name": "Nadia", "phone": "0692 12 34 56", "preferred_language": "ar"},
        follow=True,
    )
    content = response.content.decode()
    assert User.objects.get().phone == "+262692123456"
    assert '<bdi dir="ltr">06 92 12 34 56</bdi>' in content
    assert "\u206606 92 12 34 56\u2069" in content  # the flash message, isolated left-to-right
    assert ">+262692123456<" not in content
