"""The 'links again' message ('I lost my link'): registered at start-up by WorkshopsConfig."""

from core.links import absolute_reverse
from core.notify import Kind, register_kind

from . import tokens
from .models import Registration


def build_links_again(registration_ids: list[int]) -> dict | None:
    registrations = list(
        Registration.objects.filter(pk__in=registration_ids, anonymised_at__isnull=True)
        .select_related("workshop")
        .order_by("workshop__starts_at", "pk")
    )
    if not registrations:
        return None
    return {
        "items": [
            {
                "title": registration.workshop.title,
                "starts_at": registration.workshop.local_starts_at,
                "status": registration.get_status_display(),
                "manage_url": absolute_reverse("workshops:manage", tokens.make_token(registration)),
            }
            for registration in registrations
        ],
    }


# Asked for by the person, now: not optional (an opt-out of reminders must not stop it).
register_kind(Kind(name="workshops.links_again", build=build_links_again, optional=False))
