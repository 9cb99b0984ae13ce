"""The calendar file comes with a confirmed place only: never while a family is waiting."""

import pytest
from django.core import mail
from icalendar import Calendar

from tests.factories import make_workshop
from workshops import services
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def calendars(message):
    """The VEVENTs of the .ics files attached to one e-mail."""
    events = []
    for name, content, mimetype in message.attachments:
        if mimetype.startswith("text/calendar") or name.endswith(".ics"):
            events.extend(Calendar.from_ical(content).walk("VEVENT"))
    return events


def mail_to(address):
    (message,) = [m for m in mail.outbox if address in m.to]
    return message


def sign_up(workshop, capture, email):
    with capture(execute=True):
        return services.register(workshop, first_name="Amina", email=email, language="en")


def test_confirmed_sign_up_carries_a_confirmed_calendar_file(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=1)
    sign_up(workshop, django_capture_on_commit_callbacks, "first@example.org")
    message = mail_to("first@example.org")
    (event,) = calendars(message)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTART") == workshop.starts_at.replace(microsecond=0)
    assert "adds the workshop to your phone’s calendar" in message.body


def test_waiting_family_gets_no_calendar_file_and_is_told_so(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=1)
    sign_up(workshop, django_capture_on_commit_callbacks, "first@example.org")
    waiting = sign_up(workshop, django_capture_on_commit_callbacks, "second@example.org")
    assert waiting.status == Registration.Status.WAITLISTED
    message = mail_to("second@example.org")
    assert calendars(message) == []
    assert not any(name.endswith(".ics") for name, _, _ in message.attachments)
    assert "waiting list" in message.body
    assert "calendar file attached" not in message.body
    assert "This is not a place yet" in message.body


def test_promotion_carries_the_confirmed_calendar_file(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=1)
    first = sign_up(workshop, django_capture_on_commit_callbacks, "first@example.org")
    waiting = sign_up(workshop, django_capture_on_commit_callbacks, "second@example.org")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.CONFIRMED
    message = mail_to("second@example.org")
    (event,) = calendars(message)
    assert str(event["STATUS"]) == "CONFIRMED"
    assert event.decoded("DTSTART") == workshop.starts_at.replace(microsecond=0)
    assert "adds the workshop to your phone’s calendar" in message.body
    # The family that cancelled gets no calendar file.
    assert calendars(mail_to("first@example.org")) == []
