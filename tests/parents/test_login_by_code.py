"""Signing in with a code (by e-mail or by SMS) and signing up, end to end through the views.

Codes are read where a person would read them: the sent e-mail (`mail.outbox`) or the text
message (`MemoryBackend.outbox`). The person is the demo parent, made here the way `load_demo`
makes her (that the demo really does is checked in test_roles.py).
"""

import re
import time
from html import escape
from pathlib import Path

import pytest
from allauth.account.adapter import get_adapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import mail
from django.urls import reverse
from django.utils import translation

from core.sms import MemoryBackend
from parents.models import User

PARENT_EMAIL = "parent@demo.coeduc.fr"
PARENT_PHONE = "+33612345601"
PARENT_PHONE_AS_TYPED = "06 12 34 56 01"
PARENT_NAME = "Samira"

# allauth's default code format: eight letters and digits, shown as two groups of four.
CODE_RE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")

NO_CONTACT_ERROR = "Give an e-mail address or a mobile phone number, so we can send you a code."
FRENCH_MO = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.mo"


@pytest.fixture
def parent(db) -> User:
    user = User.objects.create_user(
        email=PARENT_EMAIL,
        phone=PARENT_PHONE,
        phone_verified=True,
        display_name=PARENT_NAME,
    )
    EmailAddress.objects.create(user=user, email=PARENT_EMAIL, verified=True, primary=True)
    return user


def url(name: str, language: str = "fr") -> str:
    with translation.override(language):
        return reverse(name)


def code_in(text: str) -> str:
    match = CODE_RE.search(text)
    assert match, f"no code in {text!r}"
    return match.group(0)


def signed_in_user_id(client) -> str | None:
    return client.session.get("_auth_user_id")


def request_code_by_email(client, email: str = PARENT_EMAIL) -> str:
    assert client.get(url("account_request_login_code")).status_code == 200
    response = client.post(url("account_request_login_code"), {"email": email})
    assert response.status_code == 302
    assert response["Location"] == url("account_confirm_login_code")
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [email]
    return code_in(mail.outbox[0].body)


def assert_signed_in_as(client, user: User) -> None:
    assert signed_in_user_id(client) == str(user.pk)
    response = client.get(url("parents:account"))
    assert response.status_code == 200
    assert user.display_name in response.content.decode()


def assert_not_signed_in(client) -> None:
    assert signed_in_user_id(client) is None
    response = client.get(url("parents:account"))
    assert response.status_code == 302
    assert response["Location"].startswith(url("account_login"))


def incorrect_code_message(language: str = "fr") -> str:
    with translation.override(language):
        return escape(str(get_adapter().error_messages["incorrect_code"]))


# --- By e-mail -----------------------------------------------------------------------------


def test_login_by_email_code(client, parent):
    code = request_code_by_email(client)
    assert_not_signed_in(client)

    response = client.post(url("account_confirm_login_code"), {"code": code})

    assert response.status_code == 302
    assert response["Location"] == url("parents:account")
    assert_signed_in_as(client, parent)
    assert MemoryBackend.outbox == []


def test_login_code_for_unknown_email_signs_nobody_in(client, parent):
    """No enumeration: the same answer as for a known address, but no code and no session."""
    response = client.post(url("account_request_login_code"), {"email": "nobody@example.org"})

    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert CODE_RE.search(mail.outbox[0].body) is None
    response = client.post(url("account_confirm_login_code"), {"code": "ABCD-EFGH"})
    assert_not_signed_in(client)


def test_wrong_code_is_refused_with_a_message(client, parent):
    code = request_code_by_email(client)
    wrong = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"

    response = client.post(url("account_confirm_login_code"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["form"].errors["code"] == [
        str(get_adapter().error_messages["incorrect_code"])
    ]
    assert incorrect_code_message("fr") in response.content.decode()
    assert_not_signed_in(client)

    # A mistyped code costs one attempt, not the whole sign-in.
    response = client.post(url("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert_signed_in_as(client, parent)


def test_too_many_wrong_codes_void_the_code(client, parent):
    code = request_code_by_email(client)
    wrong = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"

    for _attempt in range(settings.ACCOUNT_LOGIN_BY_CODE_MAX_ATTEMPTS):
        response = client.post(url("account_confirm_login_code"), {"code": wrong})
    assert response.status_code == 302
    assert response["Location"] == url("account_request_login_code")

    # Even the right code is refused now: a new one has to be asked for.
    response = client.post(url("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert response["Location"] == url("account_request_login_code")
    assert_not_signed_in(client)


@pytest.fixture
def clock(monkeypatch):
    """Moves the wall clock (`time.time`, which allauth compares with the code's time)."""
    real_time = time.time

    class Clock:
        offset = 0.0

        def advance(self, seconds: float) -> None:
            self.offset += seconds

    clock = Clock()
    monkeypatch.setattr(time, "time", lambda: real_time() + clock.offset)
    return clock


def test_code_still_works_just_before_it_expires(client, parent, clock):
    code = request_code_by_email(client)

    clock.advance(settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT - 30)
    response = client.post(url("account_confirm_login_code"), {"code": code})

    assert response.status_code == 302
    assert_signed_in_as(client, parent)


def test_expired_code_is_refused(client, parent, clock):
    code = request_code_by_email(client)

    clock.advance(settings.ACCOUNT_LOGIN_BY_CODE_TIMEOUT + 1)
    response = client.post(url("account_confirm_login_code"), {"code": code})

    assert response.status_code == 302
    assert response["Location"] == url("account_request_login_code")
    assert_not_signed_in(client)

    # The code is gone for good, even if the clock went back.
    clock.offset = 0
    response = client.post(url("account_confirm_login_code"), {"code": code})
    assert response.status_code == 302
    assert response["Location"] == url("account_request_login_code")
    assert_not_signed_in(client)


# --- By SMS --------------------------------------------------------------------------------


def test_login_by_sms_code_with_a_french_local_number(client, parent):

    response = client.post(url("account_request_login_code"), {"phone": PARENT_PHONE_AS_TYPED})

    assert response.status_code == 302
    assert response["Location"] == url("account_confirm_login_code")
    assert [sms.to for sms in MemoryBackend.outbox] == [PARENT_PHONE]
    assert mail.outbox == []
    code = code_in(MemoryBackend.outbox[0].body)
    assert_not_signed_in(client)

    response = client.post(url("account_confirm_login_code"), {"code": code})

    assert response.status_code == 302
    assert_signed_in_as(client, parent)


def test_wrong_sms_code_is_refused(client, parent):
    client.post(url("account_request_login_code"), {"phone": PARENT_PHONE_AS_TYPED})
    code = code_in(MemoryBackend.outbox[0].body)
    wrong = "ZZZZ-ZZZZ" if code != "ZZZZ-ZZZZ" else "YYYY-YYYY"

    response = client.post(url("account_confirm_login_code"), {"code": wrong})

    assert response.status_code == 200
    assert incorrect_code_message("fr") in response.content.decode()
    assert_not_signed_in(client)


def test_invalid_phone_number_is_refused(client, db):
    response = client.post(url("account_request_login_code"), {"phone": "12 34"})

    assert response.status_code == 200
    assert "phone" in response.context["form"].errors
    assert MemoryBackend.outbox == []


# --- Signing up ----------------------------------------------------------------------------


def test_signup_with_a_phone_only(client, db):
    response = client.post(
        url("account_signup"),
        {"display_name": "Nadia", "phone": "07 81 23 45 67", "preferred_language": "ar"},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert response["Location"] == url("account_verify_phone")
    user = User.objects.get(phone="+33781234567")
    assert user.email is None
    assert not user.has_usable_password()
    assert not user.phone_verified
    assert (user.display_name, user.preferred_language) == ("Nadia", "ar")
    assert mail.outbox == []
    assert [sms.to for sms in MemoryBackend.outbox] == ["+33781234567"]
    code = code_in(MemoryBackend.outbox[0].body)

    response = client.post(url("account_verify_phone"), {"code": code})

    assert response.status_code == 302
    user.refresh_from_db()
    assert user.phone_verified
    assert_signed_in_as(client, user)


def signup_without_contact(client, language: str):
    users_before = User.objects.count()
    response = client.post(
        url("account_signup", language), {"display_name": "Nadia", "preferred_language": "fr"}
    )
    assert response.status_code == 200
    assert User.objects.count() == users_before
    assert MemoryBackend.outbox == []
    assert mail.outbox == []
    return response


def test_signup_without_email_or_phone_is_refused(client, db):
    response = signup_without_contact(client, "en")

    assert response.context["form"].non_field_errors() == [NO_CONTACT_ERROR]
    assert NO_CONTACT_ERROR in response.content.decode()


def test_signup_without_email_or_phone_error_is_in_french(client, db):
    response = signup_without_contact(client, "fr")

    with translation.override("fr"):
        french = translation.gettext(NO_CONTACT_ERROR)
    assert response.context["form"].non_field_errors() == [french]
    if not FRENCH_MO.exists():
        pytest.skip(f"{FRENCH_MO} is not compiled (make translations)")
    assert french != NO_CONTACT_ERROR, "the French catalogue has no translation for it"
    assert escape(french) in response.content.decode()
