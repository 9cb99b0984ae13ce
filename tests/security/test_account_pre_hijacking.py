"""Account pre-hijacking (security review #13, item 1), end to end through allauth's views.

Someone signs up with another person's e-mail address or phone number and a password of
their own. A contact must be proven (by a code sent to it) before the account can sign in or
see what was done with it; when its owner later proves it with a sign-in code, the password
set before stops working and other sessions end; and sign-up never tells whether an address
already has an account.
"""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from core.personal_data import Person
from core.sms import MemoryBackend
from parents.models import User
from tests.factories import make_workshop
from workshops import services

VICTIM_EMAIL = "samira@example.org"
VICTIM_PHONE = "+33612345601"
ATTACKER_PASSWORD = "mallory-knows-this-1"
CODE_RE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")


def code_in(text: str) -> str:
    match = CODE_RE.search(text)
    assert match, f"no code in {text!r}"
    return match.group(0)


def signup(client, **fields):
    data = {"display_name": "Mallory", "preferred_language": "fr", **fields}
    return client.post(reverse("account_signup"), data)


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def password_login(client, login: str, password: str = ATTACKER_PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def code_login_by_email(client, email: str = VICTIM_EMAIL):
    mail.outbox.clear()
    client.post(reverse("account_request_login_code"), {"email": email})
    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_in(mail.outbox[-1].body)}
    )
    assert response.status_code == 302
    return response


def code_login_by_phone(client, phone: str = VICTIM_PHONE):
    MemoryBackend.outbox.clear()
    client.post(reverse("account_request_login_code"), {"phone": phone})
    response = client.post(
        reverse("account_confirm_login_code"), {"code": code_in(MemoryBackend.outbox[-1].body)}
    )
    assert response.status_code == 302
    return response


def sees_my_workshops(client, title: str) -> bool:
    response = client.get(reverse("workshops:mine"))
    return response.status_code == 200 and title in response.content.decode()


@pytest.fixture
def victims_guest_sign_up(db):
    workshop = make_workshop(title="Atelier de Samira")
    services.register(workshop, first_name="Samira", email=VICTIM_EMAIL, phone=VICTIM_PHONE)
    return workshop


# --- A contact is proven before the account can act on it ----------------------------------


def test_signup_with_an_unproven_email_and_a_password_does_not_sign_in(client, db):
    response = signup(client, email=VICTIM_EMAIL, password1=ATTACKER_PASSWORD)

    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert signed_in_user_id(client) is None
    # The code went to the address, where the attacker cannot read it.
    assert [message.to for message in mail.outbox] == [[VICTIM_EMAIL]]

    password_login(client, VICTIM_EMAIL)
    assert signed_in_user_id(client) is None


def test_signup_with_an_unproven_phone_and_a_password_does_not_sign_in(client, db):
    response = signup(client, phone=VICTIM_PHONE, password1=ATTACKER_PASSWORD)

    assert response["Location"] == reverse("account_verify_phone")
    assert signed_in_user_id(client) is None

    password_login(client, VICTIM_PHONE)
    assert signed_in_user_id(client) is None


# --- The owner's code login takes the account back ------------------------------------------


def test_pre_hijacked_email_account_loses_the_attackers_password(
    client, django_user_model, victims_guest_sign_up
):
    attacker = client
    signup(attacker, email=VICTIM_EMAIL, password1=ATTACKER_PASSWORD)
    account = django_user_model.objects.get(email=VICTIM_EMAIL)
    assert account.has_usable_password()

    owner = type(client)(HTTP_HOST="localhost")
    code_login_by_email(owner)
    assert signed_in_user_id(owner) == str(account.pk)
    assert sees_my_workshops(owner, victims_guest_sign_up.title)

    attacker.logout()
    password_login(attacker, VICTIM_EMAIL)
    assert signed_in_user_id(attacker) is None
    assert not sees_my_workshops(attacker, victims_guest_sign_up.title)
    account.refresh_from_db()
    assert not account.has_usable_password()


def test_pre_hijacked_phone_account_loses_the_attackers_password(
    client, django_user_model, victims_guest_sign_up
):
    attacker = client
    signup(attacker, phone=VICTIM_PHONE, password1=ATTACKER_PASSWORD)
    account = django_user_model.objects.get(phone=VICTIM_PHONE)

    owner = type(client)(HTTP_HOST="localhost")
    code_login_by_phone(owner)
    assert signed_in_user_id(owner) == str(account.pk)
    account.refresh_from_db()
    assert account.phone_verified

    attacker.logout()
    password_login(attacker, VICTIM_PHONE)
    assert signed_in_user_id(attacker) is None
    assert not sees_my_workshops(attacker, victims_guest_sign_up.title)


def test_first_code_proof_of_a_contact_ends_the_other_sessions(client, db):
    # An account with its own proven e-mail and a password, and a phone nobody proved yet:
    # whoever typed that number may not own it.
    user = User.objects.create_user(
        email="mallory@example.org", phone=VICTIM_PHONE, password=ATTACKER_PASSWORD
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    attacker = client
    # A session from before the proof (a password login now stops at the phone's code).
    attacker.force_login(user)
    assert attacker.get(reverse("parents:account")).status_code == 200

    owner = type(client)(HTTP_HOST="localhost")
    code_login_by_phone(owner)

    assert signed_in_user_id(owner) == str(user.pk)
    assert owner.get(reverse("parents:account")).status_code == 200
    # The attacker's session is over at its next request, and the password is void.
    assert attacker.get(reverse("parents:account")).status_code == 302
    assert signed_in_user_id(attacker) is None
    password_login(attacker, user.email)
    assert signed_in_user_id(attacker) is None


def test_attackers_own_proven_email_does_not_bring_her_phone_along(client, victims_guest_sign_up):
    """He signs up with his own e-mail and her phone, then proves his e-mail with a code: the
    account keeps what he proved, not her phone, and sees nothing she did with it."""
    attacker = client
    signup(attacker, email="mallory@example.org", phone=VICTIM_PHONE, password1=ATTACKER_PASSWORD)
    account = User.objects.get(phone=VICTIM_PHONE)
    attacker.logout()

    code_login_by_email(attacker, "mallory@example.org")

    account.refresh_from_db()
    assert (account.email, account.phone) == ("mallory@example.org", None)
    assert not sees_my_workshops(attacker, victims_guest_sign_up.title)
    # Her number has no account: her code login tells her so, and nobody is signed in.
    owner = type(client)(HTTP_HOST="localhost")
    MemoryBackend.outbox.clear()
    owner.post(reverse("account_request_login_code"), {"phone": VICTIM_PHONE})
    assert CODE_RE.search(MemoryBackend.outbox[-1].body) is None
    assert signed_in_user_id(owner) is None


def test_owners_proven_phone_takes_the_account_from_the_attackers_email(
    client, victims_guest_sign_up
):
    """An account from before this rule, with his proven e-mail and her unproven phone: once
    she proves her phone by code, his e-mail no longer opens it."""
    account = User.objects.create_user(
        email="mallory@example.org", phone=VICTIM_PHONE, password=ATTACKER_PASSWORD
    )
    EmailAddress.objects.create(user=account, email=account.email, verified=True, primary=True)

    owner = type(client)(HTTP_HOST="localhost")
    code_login_by_phone(owner)
    assert signed_in_user_id(owner) == str(account.pk)
    assert sees_my_workshops(owner, victims_guest_sign_up.title)

    attacker = client
    mail.outbox.clear()
    attacker.post(reverse("account_request_login_code"), {"email": "mallory@example.org"})
    assert CODE_RE.search(mail.outbox[-1].body) is None  # no account has his address now
    assert signed_in_user_id(attacker) is None
    account.refresh_from_db()
    assert account.email is None and not account.emailaddress_set.exists()


def test_code_login_with_an_already_proven_contact_keeps_the_password(client, db):
    user = User.objects.create_user(
        email=VICTIM_EMAIL, phone=VICTIM_PHONE, phone_verified=True, password=ATTACKER_PASSWORD
    )
    EmailAddress.objects.create(user=user, email=VICTIM_EMAIL, verified=True, primary=True)
    other = type(client)(HTTP_HOST="localhost")
    password_login(other, VICTIM_EMAIL)

    code_login_by_email(client)

    user.refresh_from_db()
    assert user.has_usable_password()
    assert other.get(reverse("parents:account")).status_code == 200


def test_account_without_email_signs_in_once_its_phone_is_proven(client, db):
    response = signup(client, display_name="Nadia", phone="07 81 23 45 67")
    assert response["Location"] == reverse("account_verify_phone")

    client.post(reverse("account_verify_phone"), {"code": code_in(MemoryBackend.outbox[0].body)})

    assert signed_in_user_id(client) == str(User.objects.get(phone="+33781234567").pk)


# --- Guest data is linked by proven contacts only --------------------------------------------


def test_personal_data_of_an_account_covers_its_proven_contacts_only(db):
    user = User.objects.create_user(email=VICTIM_EMAIL, phone=VICTIM_PHONE)
    EmailAddress.objects.create(user=user, email=VICTIM_EMAIL, verified=False, primary=True)

    person = Person.for_user(user)

    assert person.emails == () and person.phones == ()

    EmailAddress.objects.filter(user=user).update(verified=True)
    user.phone_verified = True
    user.save()
    person = Person.for_user(user)
    assert person.emails == (VICTIM_EMAIL,) and person.phones == (VICTIM_PHONE,)


# --- Sign-up does not tell whether an address has an account -------------------------------


@pytest.fixture
def owner(db):
    user = User.objects.create_user(
        email=VICTIM_EMAIL, phone=VICTIM_PHONE, phone_verified=True, display_name="Samira"
    )
    EmailAddress.objects.create(user=user, email=VICTIM_EMAIL, verified=True, primary=True)
    return user


def test_signup_with_a_known_email_answers_as_for_a_new_one_and_tells_the_owner(client, owner):
    new = signup(client, email="nouvelle@example.org", password1=ATTACKER_PASSWORD)
    mail.outbox.clear()
    other = type(client)(HTTP_HOST="localhost")

    known = signup(other, email=VICTIM_EMAIL, password1=ATTACKER_PASSWORD)

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert other.get(known["Location"]).status_code == 200
    assert User.objects.filter(email=VICTIM_EMAIL).count() == 1
    assert [message.to for message in mail.outbox] == [[VICTIM_EMAIL]]
    assert CODE_RE.search(mail.outbox[0].body) is None
    assert "already" in mail.outbox[0].body


def test_signup_with_a_known_phone_answers_as_for_a_new_one_and_tells_the_owner(client, owner):
    new = signup(client, phone="07 81 23 45 67")
    MemoryBackend.outbox.clear()
    other = type(client)(HTTP_HOST="localhost")

    known = signup(other, phone="06 12 34 56 01")

    assert (known.status_code, known["Location"]) == (new.status_code, new["Location"])
    assert other.get(known["Location"]).status_code == 200
    assert User.objects.filter(phone=VICTIM_PHONE).count() == 1
    assert [sms.to for sms in MemoryBackend.outbox] == [VICTIM_PHONE]
    assert CODE_RE.search(MemoryBackend.outbox[0].body) is None
    assert "already" in MemoryBackend.outbox[0].body
