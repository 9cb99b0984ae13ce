"""Changes to accounts that have consequences beyond one row (passwords, sessions, contacts)."""

from allauth.account.models import EmailAddress
from django.db import transaction


def contact_proven_by_code(user, *, email: str | None = None, phone: str | None = None) -> None:
    """A sign-in code has just proven, for the first time, that someone owns this account's
    e-mail address or phone number.

    Whoever created the account may not be that person: anyone can sign up with another
    person's address and a password of their own, then wait for her to sign in by code. So
    what that creator may have left stops working:
    - a password set before the proof;
    - every other session of the account: changing the password hash changes the session auth
      hash Django checks on each request (the session being opened now is logged in
      afterwards, with the new hash). An account without a password gets a new unusable one
      all the same, for the sessions' sake;
    - the account's other contacts: one of them may be the creator's own (proven by him), and
      would let him sign in by code and see what her proven contact links to (her guest
      sign-ups). She can add them again, proving them.
    """
    with transaction.atomic():
        user.set_unusable_password()
        fields = ["password"]
        if email:
            EmailAddress.objects.filter(user=user).exclude(email__iexact=email).delete()
            if (user.email or "").lower() != email.lower():
                user.email = email
                fields.append("email")
            if user.phone:
                user.phone, user.phone_verified = None, False
                fields += ["phone", "phone_verified"]
        elif phone:
            EmailAddress.objects.filter(user=user).delete()
            if user.email:
                user.email = None
                fields.append("email")
        user.save(update_fields=fields)
