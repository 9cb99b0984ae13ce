"""Signed links that let a family see, change or cancel its places without an account.

A token names one registration and when it was made; it is signed with SECRET_KEY and a salt
of its own, so it cannot be forged or reused for another purpose. It stops working 7 days
after the workshop ends (and in any case after `MAX_AGE`).
"""

from datetime import timedelta

from django.core import signing
from django.utils import timezone

from .models import Registration

SALT = "coeduc.workshops.registration"
VALID_AFTER_WORKSHOP = timedelta(days=7)
# A hard ceiling, for workshops planned far ahead.
MAX_AGE = timedelta(days=400)


class InvalidToken(Exception):
    """Not a token of ours, tampered with, or for a registration that no longer exists."""


class ExpiredToken(Exception):
    """A genuine token that has served its time."""


def _signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=SALT)


def _fingerprint(registration: Registration) -> str:
    # Ties the token to this very row: a restored or re-numbered database opens nothing.
    return str(int(registration.created_at.timestamp()))


def make_token(registration: Registration) -> str:
    return _signer().sign(f"{registration.pk}.{_fingerprint(registration)}")


def expires_at(registration: Registration):
    return registration.workshop.ends_at + VALID_AFTER_WORKSHOP


def read_token(token: str) -> Registration:
    """The registration a token names, or InvalidToken / ExpiredToken."""
    try:
        value = _signer().unsign(token, max_age=MAX_AGE)
    except signing.SignatureExpired as error:
        raise ExpiredToken() from error
    except signing.BadSignature as error:
        raise InvalidToken() from error
    registration = _registration_named_by(value)
    if timezone.now() > expires_at(registration):
        raise ExpiredToken()
    return registration


# The QR code on a confirmation: names the registration for the check-in at the door. It opens
# nothing by itself; the check-in view also requires a signed-in facilitator of the workshop's
# organisation. A salt of its own, so a manage link is not a check-in code and vice versa.
CHECKIN_SALT = "coeduc.workshops.checkin"


def make_checkin_token(registration: Registration) -> str:
    signer = signing.Signer(salt=CHECKIN_SALT)
    return signer.sign(f"{registration.pk}.{_fingerprint(registration)}")


def read_checkin_token(token: str) -> Registration:
    """The registration a check-in code names, or InvalidToken."""
    try:
        value = signing.Signer(salt=CHECKIN_SALT).unsign(token)
    except signing.BadSignature as error:
        raise InvalidToken() from error
    return _registration_named_by(value)


def _registration_named_by(value: str) -> Registration:
    """The registration of a verified "<pk>.<fingerprint>" value, or InvalidToken."""
    pk, _sep, fingerprint = value.partition(".")
    if not pk.isdigit():
        raise InvalidToken()
    registration = (
        Registration.objects.select_related("workshop__venue__territory", "workshop__organisation")
        .filter(pk=int(pk))
        .first()
    )
    if registration is None or _fingerprint(registration) != fingerprint:
        raise InvalidToken()
    return registration
