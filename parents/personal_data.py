"""Personal data of accounts: the person's own row, their sign-in addresses, sessions and roles.

Erasing an account **anonymises the `User` row instead of deleting it**. Other apps' rows point
to it and must keep their shape: the ambassador path's append-only history (`StageChange`,
deleted with the volunteer if the user went), mentorships (`family`, CASCADE), charter
signatures, co-hosted workshops, Wagtail revisions and logs. Deleting the row would take those
counts away and break the history the observatory's figures are made of. So the row stays as
an empty shell: no e-mail (a placeholder on the reserved `.invalid` domain, because the row
must have an e-mail or a phone), no phone, no name, no password, inactive, no roles, no groups.
`is_erased()` tells the screens to show it as "deleted account".

This source runs last (`order`), after every app has erased what it keeps about the account.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, redact_log_entries, register

from .models import Organisation, OrganisationMembership, Territory, TerritoryPilot

ERASED_EMAIL_DOMAIN = "erased.invalid"


def is_erased(user) -> bool:
    """An account whose person asked to be forgotten (shown as "deleted account")."""
    return bool(user and user.email and user.email.endswith(f"@{ERASED_EMAIL_DOMAIN}"))


def _email_addresses(person: Person):
    from allauth.account.models import EmailAddress

    return EmailAddress.objects.filter(user_id=person.user_id)


def _export_account(person: Person):
    user = person.user
    if user is None:
        return {}
    return {
        "email": user.email,
        "phone": user.phone,
        "phone_verified": user.phone_verified,
        "display_name": user.display_name,
        "preferred_language": user.preferred_language,
        "territory": user.territory.name if user.territory_id else None,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": address.email, "verified": address.verified, "primary": address.primary}
            for address in _email_addresses(person)
        ],
        "facilitator_of": [
            membership.organisation.name
            for membership in user.memberships.select_related("organisation")
        ],
        "pilot_of": [role.territory.name for role in user.pilot_roles.select_related("territory")],
    }


def _delete_sessions(user_id) -> int:
    """Sign the person out everywhere. Sessions are signed blobs: each is decoded to find the
    person's (a deletion is rare; this reads only the sessions not yet expired)."""
    ids = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if str(session.get_decoded().get("_auth_user_id")) == str(user_id):
            ids.append(session.pk)
    return Session.objects.filter(pk__in=ids).delete()[0]


def _erase_wagtail_profile(user) -> int:
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    if profile is None:
        return 0
    if profile.avatar:
        profile.avatar.delete(save=False)
    profile.delete()
    return 1


def _erase_account(person: Person) -> int:
    user = person.user
    if user is None:
        return 0
    User = get_user_model()
    touched = _email_addresses(person).delete()[0]
    touched += _delete_sessions(user.pk)
    touched += _erase_wagtail_profile(user)
    # Roles end with the account: queryset deletes still send the signals that keep the
    # "Facilitators" group in step.
    memberships = list(user.memberships.values_list("pk", flat=True))
    pilots = list(user.pilot_roles.values_list("pk", flat=True))
    touched += user.memberships.all().delete()[0] + user.pilot_roles.all().delete()[0]
    redact_log_entries(OrganisationMembership, memberships)
    redact_log_entries(TerritoryPilot, pilots)
    user.groups.clear()
    user.user_permissions.clear()
    touched += User.objects.filter(pk=user.pk).update(
        email=f"erased-{user.pk}@{ERASED_EMAIL_DOMAIN}",
        phone=None,
        phone_verified=False,
        display_name="",
        password=make_password(None),  # unusable: nobody can sign in as the shell
        is_active=False,
        is_staff=False,
        is_superuser=False,
        last_login=None,
    )
    redact_log_entries(User, [user.pk])
    return touched


def register_sources() -> None:
    """Called from `AppConfig.ready()` (idempotent)."""
    register(
        Source(
            name="parents.account",
            label=_("Your account: e-mail address, phone, name, language and roles"),
            covers={
                "parents.User": ("email", "phone", "display_name"),
                "account.EmailAddress": ("email",),
                "sessions.Session": ("session_data",),
                "wagtailusers.UserProfile": ("avatar",),
                "parents.OrganisationMembership": ("user",),
                "parents.TerritoryPilot": ("user",),
            },
            export=_export_account,
            erase=_erase_account,
            order=900,
        )
    )

    declare_not_personal(
        Territory._meta.label, ["name"], "The name of a département, not of a person."
    )
    declare_not_personal(
        Organisation._meta.label, ["name"], "The name of an association, a school or a public body."
    )
