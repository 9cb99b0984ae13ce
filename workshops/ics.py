"""Calendar files (RFC 5545) for a workshop, written with the `icalendar` package.

Times are written in UTC ("…Z"), so every calendar shows them right in its own time zone;
icalendar folds long lines at 75 octets, ends lines with CRLF and escapes , ; \\ and newlines.
"""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

PRODID = "-//Coéduc//Workshops//FR"


def workshop_location(workshop) -> str:
    if workshop.has_venue:
        venue = workshop.venue
        return f"{venue.name}, {venue.address}, {venue.commune}"
    return ""


def workshop_calendar(workshop, *, url: str, online_link: str = "") -> bytes:
    """The .ics of one workshop. `online_link` only for a family whose places are confirmed."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")

    event = Event()
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0] or "coeduc"
    event.add("uid", f"workshop-{workshop.pk}@{host}")
    event.add("dtstamp", timezone.now().astimezone(UTC))
    event.add("dtstart", workshop.starts_at.astimezone(UTC))
    event.add("dtend", workshop.ends_at.astimezone(UTC))
    event.add("summary", workshop.title)
    location = workshop_location(workshop)
    if online_link:
        location = f"{location} — {online_link}" if location else online_link
    if location:
        event.add("location", location)
    description = workshop.description.strip()
    if online_link:
        description = f"{description}\n\n{online_link}".strip()
    description = f"{description}\n\n{url}".strip()
    event.add("description", description)
    event.add("url", url)
    if workshop.status == workshop.Status.CANCELLED:
        event.add("status", "CANCELLED")
    else:
        event.add("status", "CONFIRMED")
    calendar.add_component(event)
    return calendar.to_ical()
