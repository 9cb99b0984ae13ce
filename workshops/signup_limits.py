"""How many guest sign-ups one connection, one contact and one workshop may take in a while.

Only accepted sign-ups are counted: a form refused for a typo costs nothing. The limits are per
connection *and workshop* (a robot filling one workshop), per contact (one e-mail address or
phone number signing up again and again) and per connection overall, with a ceiling that a
social centre's Wi-Fi or a carrier's shared address does not reach on a busy day.
"""

from dataclasses import dataclass

from allauth.account.adapter import get_adapter
from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import PermissionDenied

WINDOW = 10 * 60
ADDRESS_WINDOW = 60 * 60


@dataclass(frozen=True)
class Limit:
    key: str
    allowed: int
    window: int
    by_contact: bool = False


def client_address(request) -> str:
    """The client's IP as allauth reads it (its trusted-proxy settings apply here too)."""
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


def _limits(request, workshop_id: int, data: dict) -> list[Limit]:
    address = client_address(request)
    limits = [
        Limit(
            f"workshops:signup:{address}:{workshop_id}",
            settings.WORKSHOPS_SIGNUP_RATE_LIMIT,
            WINDOW,
        ),
        Limit(
            f"workshops:signup:{address}",
            settings.WORKSHOPS_SIGNUP_ADDRESS_LIMIT,
            ADDRESS_WINDOW,
        ),
    ]
    per_contact = settings.WORKSHOPS_SIGNUP_CONTACT_LIMIT
    for contact in (data.get("email"), data.get("phone")):
        if contact:
            key = f"workshops:signup:contact:{contact.lower()}"
            limits.append(Limit(key, per_contact, WINDOW, by_contact=True))
    return limits


def reached(request, workshop_id: int, data: dict) -> str | None:
    """ "contact" or "connection" when one more sign-up would pass a limit, else None.

    One cache round trip; checked before the sign-up and counted after it, so two sign-ups
    racing may both pass the last slot: a limit against floods, not a quota.
    """
    if request.user.is_authenticated:
        return None
    limits = _limits(request, workshop_id, data)
    counts = cache.get_many([limit.key for limit in limits])
    for limit in limits:
        if counts.get(limit.key, 0) >= limit.allowed:
            return "contact" if limit.by_contact else "connection"
    return None


def count(request, workshop_id: int, data: dict) -> None:
    """Count an accepted sign-up against every limit it falls under."""
    if request.user.is_authenticated:
        return
    for limit in _limits(request, workshop_id, data):
        if cache.add(limit.key, 1, limit.window):
            continue
        try:
            cache.incr(limit.key)
        except ValueError:  # expired between add and incr
            cache.set(limit.key, 1, limit.window)
