"""No personal data in the logs: a whole visit, from a guest sign-up to every way of signing
in, leaves no e-mail address, phone number (in any of the ways it is written) or name in any
log record, nor in what the console SMS backend prints.

Every logger is listened to at DEBUG (the project's, allauth's, Django's — django.request
included, whose level the settings raise to ERROR — django-tasks', channels'), and each record
is checked as a handler would write it: the message with its arguments, and any traceback.
SQL statements (django.db.backends) are only logged under DEBUG, which a server never runs.

The console e-mail backend is left out on purpose: it *is* the e-mail (development and the
`make run` demo read their codes there), and a server sends through SMTP (`EMAIL_HOST`).
"""

import logging
import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import override_settings
from django.urls import reverse

from core.sms import ConsoleBackend, MemoryBackend
from parents.models import User
from tests.factories import make_workshop
from workshops.models import Registration

FIRST_NAME = "Zoubida"
LAST_NAME = "Kerbrat"
EMAIL = "zoubida.kerbrat@example.org"
PASSWORD = "un mot de passe assez long 42"
# One number, written every way people and programs write it.
PHONE = "+33612345678"
PHONE_WRITTEN = [
    PHONE,
    "+33 6 12 34 56 78",
    "06 12 34 56 78",
    "0612345678",
    "06.12.34.56.78",
    "612345678",  # the digits every other form contains
]
SECRETS = [FIRST_NAME, LAST_NAME, EMAIL, "zoubida.kerbrat", *PHONE_WRITTEN]
CODE_RE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b")


class ConsoleAndMemoryBackend(ConsoleBackend):
    """Prints what the console backend prints on a server (DEBUG off) and keeps the message,
    so that the test can read the code the person would read on her phone."""

    def send(self, message):
        MemoryBackend().send(message)
        super().send(message)


class EveryRecord(logging.Handler):
    """Keeps each record as a handler would write it."""

    def __init__(self):
        super().__init__(level=logging.DEBUG)
        self.lines = []
        self.formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")

    def emit(self, record):
        self.lines.append(self.format(record))


# At DEBUG, Django's template engine logs the whole context of a page for each variable it
# cannot resolve (the contacts of a sign-in form among them); the settings keep it at INFO.
CAPPED_BY_SETTINGS = {"django.template": logging.INFO}


@pytest.fixture
def every_log_record():
    """Every logger at DEBUG, the ones that do not propagate included; restored afterwards."""
    for name, level in CAPPED_BY_SETTINGS.items():
        assert settings.LOGGING["loggers"][name]["level"] == logging.getLevelName(level)
    handler = EveryRecord()
    root = logging.getLogger()
    loggers = [root] + [
        logger
        for logger in logging.Logger.manager.loggerDict.values()
        if isinstance(logger, logging.Logger)
    ]
    saved = [(logger, logger.level, logger.disabled) for logger in loggers]
    for logger in loggers:
        logger.setLevel(CAPPED_BY_SETTINGS.get(logger.name, logging.DEBUG))
        logger.disabled = False
        if logger is root or not logger.propagate:
            logger.addHandler(handler)
    # Loggers made during the test (a module imported late) inherit DEBUG from the root.
    yield handler.lines
    for logger, level, disabled in saved:
        logger.setLevel(level)
        logger.disabled = disabled
        if handler in logger.handlers:
            logger.removeHandler(handler)


def code_in(text):
    match = CODE_RE.search(text)
    assert match, "no code in the message"
    return match.group(0)


def last_sms_code():
    return code_in(MemoryBackend.outbox[-1].body)


def last_email_code():
    return code_in(mail.outbox[-1].body)


def signed_in(client):
    return client.session.get("_auth_user_id") is not None


def sign_out(client):
    client.post(reverse("account_logout"))
    assert not signed_in(client)


def a_whole_visit(client):
    """What a mother does, as she does it: a workshop as a guest, then an account, then every
    way of signing in, and a wrong password."""
    workshop = make_workshop(title="Pronote pas à pas")
    response = client.post(
        f"/en/workshops/{workshop.pk}/",
        {
            "first_name": FIRST_NAME,
            "email": EMAIL,
            "phone": "06 12 34 56 78",
            "seats": "1",
            "needs_details": f"Je viendrai avec ma fille, {LAST_NAME}",
            "consent": "on",
            "website": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    assert Registration.objects.filter(email=EMAIL, phone=PHONE).exists()
    assert MemoryBackend.outbox and mail.outbox  # told by SMS and by e-mail

    # An account with the same contacts, each proven by the code sent to it.
    response = client.post(
        reverse("account_signup"),
        {
            "display_name": f"{FIRST_NAME} {LAST_NAME}",
            "email": EMAIL,
            "phone": "+33 6 12 34 56 78",
            "password1": PASSWORD,
            "preferred_language": "fr",
        },
    )
    assert response.status_code == 302, response.content.decode()[:1000]
    read_code = {
        reverse("account_verify_phone"): last_sms_code,
        reverse("account_email_verification_sent"): last_email_code,
    }
    proven = []
    while response["Location"] in read_code:
        proven.append(response["Location"])
        response = client.post(response["Location"], {"code": read_code[response["Location"]]()})
        assert response.status_code == 302
    assert proven, "no contact was proven"
    user = User.objects.get(email=EMAIL)
    assert signed_in(client)
    sign_out(client)

    # By a code sent by e-mail, then by SMS.
    client.post(reverse("account_request_login_code"), {"email": EMAIL})
    client.post(reverse("account_confirm_login_code"), {"code": last_email_code()})
    assert client.session["_auth_user_id"] == str(user.pk)
    sign_out(client)
    client.post(reverse("account_request_login_code"), {"phone": "06 12 34 56 78"})
    client.post(reverse("account_confirm_login_code"), {"code": last_sms_code()})
    assert signed_in(client)
    sign_out(client)

    # By password, with the number as typed, then a wrong password and a wrong code.
    client.post(reverse("account_login"), {"login": "06.12.34.56.78", "password": PASSWORD})
    assert signed_in(client)
    sign_out(client)
    response = client.post(reverse("account_login"), {"login": EMAIL, "password": "wrong"})
    assert response.status_code == 200 and not signed_in(client)
    client.post(reverse("account_request_login_code"), {"phone": PHONE})
    client.post(reverse("account_confirm_login_code"), {"code": "ZZZZ-ZZZ0"})
    assert not signed_in(client)


@pytest.mark.django_db(transaction=True)  # commits for real: notifications go after commit
@override_settings(SMS_BACKEND=f"{__name__}.ConsoleAndMemoryBackend", DEBUG=False)
def test_a_whole_visit_logs_no_e_mail_phone_or_name(client, every_log_record, capsys):
    a_whole_visit(client)
    printed = capsys.readouterr()
    console = printed.out + printed.err

    # The listening works: the visit was logged, and the SMS backend printed its lines.
    logged = "\n".join(every_log_record)
    assert "notification workshops.registered sent by email,sms" in logged
    assert "parents.sign_in_code" in logged or "SMS to *****" in console
    assert console.count("SMS to *****") >= 3
    # Case does not hide a name or an address.
    lines = [line.lower() for line in [*every_log_record, *console.splitlines()]]
    leaks = {secret: [line for line in lines if secret.lower() in line] for secret in SECRETS}
    assert {secret: found for secret, found in leaks.items() if found} == {}
