"""'I lost my link': send a family the links to its sign-ups again, to the contact it gave.

The answer on the page is the same whether the contact is known or not, and the message goes
only to that very contact: knowing someone's e-mail address never shows their sign-ups.
"""

from django.core.cache import cache
from django.db.models import Q
from django.utils import timezone

from core.notify import Recipient, notify

from .models import Registration
from .tokens import VALID_AFTER_WORKSHOP

KIND = "workshops.links_again"
# A contact may ask a few times an hour; one connection a little more (a shared Wi-Fi).
PER_CONTACT = 3
PER_ADDRESS = 20
WINDOW = 60 * 60


def registrations_for(email: str = "", phone: str = ""):
    """Sign-ups of this contact whose links still work (upcoming, or just past)."""
    contact = Q(email=email.lower()) if email else Q(phone=phone)
    return Registration.objects.filter(
        contact,
        anonymised_at__isnull=True,
        workshop__ends_at__gt=timezone.now() - VALID_AFTER_WORKSHOP,
    ).order_by("workshop__starts_at", "pk")


def _over_limit(key: str, allowed: int) -> bool:
    if cache.add(key, 1, WINDOW):
        return allowed < 1
    try:
        return cache.incr(key) > allowed
    except ValueError:  # expired between add and incr
        cache.set(key, 1, WINDOW)
        return False


def rate_limited(address: str, contact: str) -> bool:
    """Count a request; True once this connection or this contact asked too often."""
    by_address = _over_limit(f"workshops:lost-link:{address}", PER_ADDRESS)
    by_contact = _over_limit(f"workshops:lost-link:contact:{contact.lower()}", PER_CONTACT)
    return by_address or by_contact


def send_links_again(*, email: str = "", phone: str = "", language: str = "") -> None:
    """Send the manage links of the contact's sign-ups to that contact; nothing if none."""
    ids = list(registrations_for(email, phone).values_list("pk", flat=True)[:20])
    if not ids:
        return
    recipient = Recipient.guest(
        email=email.lower() if email else "", phone=phone, language=language
    )
    notify(recipient, KIND, {"registration_ids": ids})
