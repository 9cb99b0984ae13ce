"""Changes to accounts that have consequences beyond one row (passwords, sessions)."""

from django.db import transaction


def contact_proven_by_code(user) -> None:
    """A sign-in code has just proven, for the first time, that someone owns this account's
    e-mail address or phone number.

    Whoever created the account may not be that person: anyone can sign up with another
    person's address and a password of their own, then wait for her to sign in by code. So a
    password set before the proof stops working, and every other session of the account ends:
    changing the password hash changes the session auth hash Django checks on each request
    (the session being opened now is logged in afterwards, with the new hash). An account
    without a password gets a new unusable one all the same, for the sessions' sake.
    """
    with transaction.atomic():
        user.set_unusable_password()
        user.save(update_fields=["password"])
