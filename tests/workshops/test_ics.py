"""Calendar files parse back with icalendar and carry the right instant in UTC."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from tests.factories import make_territory, make_venue, make_workshop
from workshops import ics

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
GUADELOUPE = ZoneInfo("America/Guadeloupe")


def parse(content: bytes):
    calendar = Calendar.from_ical(content)
    assert str(calendar["VERSION"]) == "2.0"
    (event,) = calendar.walk("VEVENT")
    return event


def build(workshop, **kwargs):
    return ics.workshop_calendar(workshop, url="https://coeduc.example/fr/workshops/1/", **kwargs)


def test_guadeloupe_workshop_starts_at_the_right_instant():
    venue = make_venue(
        make_territory("971", "Guadeloupe", "America/Guadeloupe"), commune="Baie-Mahault"
    )
    starts_at = datetime(2026, 10, 26, 18, 0, tzinfo=GUADELOUPE)  # UTC-4 all year
    workshop = make_workshop(
        venue=venue, starts_at=starts_at, ends_at=starts_at + timedelta(hours=2)
    )
    content = build(workshop)
    assert b"DTSTART:20261026T220000Z" in content
    event = parse(content)
    assert event.decoded("DTSTART") == datetime(2026, 10, 26, 22, 0, tzinfo=UTC)
    assert event.decoded("DTEND") == datetime(2026, 10, 27, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("local", "utc"),
    [
        (datetime(2026, 10, 24, 18, 0), "20261024T160000Z"),  # summer time, UTC+2
        (datetime(2026, 10, 26, 18, 0), "20261026T170000Z"),  # winter time, UTC+1
    ],
)
def test_paris_workshop_across_the_clock_change(local, utc):
    starts_at = local.replace(tzinfo=PARIS)
    workshop = make_workshop(starts_at=starts_at, ends_at=starts_at + timedelta(hours=1))
    content = build(workshop)
    assert f"DTSTART:{utc}".encode() in content
    assert parse(content).decoded("DTSTART") == starts_at


def test_text_is_escaped_folded_and_crlf_terminated():
    workshop = make_workshop(
        title="Pronote, ENT; et \\ le reste",
        description="Première ligne\nDeuxième ligne " + "très longue " * 20,
    )
    content = build(workshop, online_link="https://visio.example.org/room")
    assert b"SUMMARY:Pronote\\, ENT\\; et \\\\ le reste" in content
    assert b"\r\n" in content and b"\n" not in content.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in content.split(b"\r\n"))
    event = parse(content)
    assert str(event["SUMMARY"]) == workshop.title
    assert str(event["DESCRIPTION"]).startswith("Première ligne\nDeuxième ligne")
    assert "https://visio.example.org/room" in str(event["DESCRIPTION"])
    assert str(event["URL"]) == "https://coeduc.example/fr/workshops/1/"
    assert str(event["UID"]).startswith(f"workshop-{workshop.pk}@")
    assert "DTSTAMP" in event
    assert "Laon" in str(event["LOCATION"])


def test_public_calendar_has_no_online_link():
    workshop = make_workshop(online_link="https://visio.example.org/secret")
    assert b"secret" not in build(workshop)
