"""Reminders 48 h and 3 h before, follow-ups after: due at the right instant, sent once.

Real datetimes around the clock change in Paris (25 October 2026, 03:00 → 02:00) and in
Guadeloupe (no daylight-saving time); `now` is passed in, never mocked.
"""

import io
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from core.sms import MemoryBackend
from tests.factories import make_territory, make_venue, make_workshop
from workshops import services
from workshops.models import Registration, Workshop
from workshops.services_reminders import reminder_due_at, send_due_reminders

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
GUADELOUPE = ZoneInfo("America/Guadeloupe")
UTC = ZoneInfo("UTC")


def workshop_at(local_start, tz_name="Europe/Paris", code="02"):
    territory = make_territory(code, f"Territoire {code}", tz_name)
    return make_workshop(venue=make_venue(territory), starts_at=local_start)


def sign_up(workshop, language="fr", email="amina@example.org", phone=None, **fields):
    """A family that signed up well before (the sign-up service refuses dates in the past)."""
    return Registration.objects.create(
        workshop=workshop,
        first_name="Amina",
        email=email,
        phone=phone,
        language=language,
        consent_at=workshop.starts_at - timedelta(days=10),
        created_at=workshop.starts_at - timedelta(days=10),
        status=fields.pop("status", Registration.Status.CONFIRMED),
        **fields,
    )


def run(now, capture):
    mail.outbox.clear()
    with capture(execute=True):
        return send_due_reminders(now)


@pytest.mark.parametrize(
    ("local_start", "tz_name", "code", "due_48h_utc", "due_3h_utc"),
    [
        # Monday after the change: 18:00 CET is 17:00 UTC; 48 h before is Saturday 17:00 UTC,
        # which is 19:00 in Paris (still summer time then).
        (datetime(2026, 10, 26, 18, 0, tzinfo=PARIS), "Europe/Paris", "02",
         datetime(2026, 10, 24, 17, 0, tzinfo=UTC), datetime(2026, 10, 26, 14, 0, tzinfo=UTC)),
        # The very morning of the change: 10:00 CET; 3 h before is 07:00 CET = 06:00 UTC, and
        # 48 h before is Friday 09:00 UTC (11:00 summer time): 48 real hours, not 47 or 49.
        (datetime(2026, 10, 25, 10, 0, tzinfo=PARIS), "Europe/Paris", "02",
         datetime(2026, 10, 23, 9, 0, tzinfo=UTC), datetime(2026, 10, 25, 6, 0, tzinfo=UTC)),
        # Guadeloupe keeps UTC−4 all year: 18:00 there is 22:00 UTC on both sides of the change.
        (datetime(2026, 10, 26, 18, 0, tzinfo=GUADELOUPE), "America/Guadeloupe", "971",
         datetime(2026, 10, 24, 22, 0, tzinfo=UTC), datetime(2026, 10, 26, 19, 0, tzinfo=UTC)),
    ],
)  # fmt: skip
def test_reminders_are_due_at_the_right_instant(
    local_start, tz_name, code, due_48h_utc, due_3h_utc, django_capture_on_commit_callbacks
):
    workshop = workshop_at(local_start, tz_name, code)
    registration = sign_up(workshop)
    assert reminder_due_at(workshop, "reminder_48h") == due_48h_utc
    assert reminder_due_at(workshop, "reminder_3h") == due_3h_utc
    minute = timedelta(minutes=1)
    capture = django_capture_on_commit_callbacks

    assert run(due_48h_utc - minute, capture)["reminder_48h"] == 0
    assert run(due_48h_utc, capture)["reminder_48h"] == 1
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    # The start in the venue's time zone, whatever the clocks did in between.
    assert "18:00" in body or "10:00" in body
    assert local_start.strftime("%H:%M") in body
    # Idempotent: the next runs send nothing more.
    assert run(due_48h_utc + timedelta(minutes=15), capture)["reminder_48h"] == 0
    assert mail.outbox == []

    assert run(due_3h_utc - minute, capture)["reminder_3h"] == 0
    counts = run(due_3h_utc, capture)
    assert counts == {"reminder_48h": 0, "reminder_3h": 1, "followup": 0}
    assert run(due_3h_utc + minute, capture)["reminder_3h"] == 0
    registration.refresh_from_db()
    assert registration.reminder_48h_sent_at == due_48h_utc
    assert registration.reminder_3h_sent_at == due_3h_utc
    # Once it has started, no reminder any more.
    assert run(workshop.starts_at, capture) == {"reminder_48h": 0, "reminder_3h": 0, "followup": 0}


def test_reminder_in_the_parents_language_with_a_not_coming_link(
    django_capture_on_commit_callbacks,
):
    workshop = workshop_at(datetime(2026, 10, 26, 18, 0, tzinfo=PARIS))
    sign_up(workshop, language="fr", email="fr@example.org")
    sign_up(workshop, language="en", email="en@example.org", phone="+33612345678")
    run(
        reminder_due_at(workshop, "reminder_48h"),
        django_capture_on_commit_callbacks,
    )
    bodies = {message.to[0]: message.body for message in mail.outbox}
    assert "26 octobre 2026" in bodies["fr@example.org"]
    assert "Oct. 26, 2026" in bodies["en@example.org"]
    for body in bodies.values():
        assert "/cancel/" in body and "/workshops/r/" in body
    assert "/en/workshops/r/" in bodies["en@example.org"]
    [sms] = MemoryBackend.outbox
    assert sms.to == "+33612345678" and "/cancel/" in sms.body


def test_no_reminder_for_waiting_cancelled_or_late_sign_ups(django_capture_on_commit_callbacks):
    workshop = workshop_at(datetime(2026, 10, 26, 18, 0, tzinfo=PARIS))
    sign_up(workshop, email="wait@example.org", status=Registration.Status.WAITLISTED)
    sign_up(workshop, email="gone@example.org", status=Registration.Status.CANCELLED)
    late = sign_up(workshop, email="late@example.org")
    Registration.objects.filter(pk=late.pk).update(
        created_at=workshop.starts_at - timedelta(hours=20)
    )
    counts = run(
        reminder_due_at(workshop, "reminder_48h"),
        django_capture_on_commit_callbacks,
    )
    assert counts["reminder_48h"] == 0
    counts = run(
        reminder_due_at(workshop, "reminder_3h"),
        django_capture_on_commit_callbacks,
    )
    assert counts["reminder_3h"] == 1  # the late family still hears on the day
    assert [m.to for m in mail.outbox] == [["late@example.org"]]


def test_cancelled_workshop_sends_no_reminder(django_capture_on_commit_callbacks):
    workshop = workshop_at(datetime(2026, 10, 26, 18, 0, tzinfo=PARIS))
    sign_up(workshop)
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CANCELLED)
    counts = run(
        reminder_due_at(workshop, "reminder_48h"),
        django_capture_on_commit_callbacks,
    )
    assert counts["reminder_48h"] == 0


def test_follow_up_after_attendance_links_to_the_guides(django_capture_on_commit_callbacks):
    workshop = workshop_at(datetime(2026, 10, 26, 18, 0, tzinfo=PARIS))
    came = sign_up(workshop, email="came@example.org", attended=True)
    sign_up(workshop, email="absent@example.org", attended=False)
    after = workshop.ends_at + timedelta(minutes=5)
    assert run(after, django_capture_on_commit_callbacks)["followup"] == 1
    [message] = mail.outbox
    assert message.to == [came.email]
    assert "/fr/" in message.body
    assert run(after + timedelta(hours=1), django_capture_on_commit_callbacks)["followup"] == 0


def test_management_command_is_idempotent(django_capture_on_commit_callbacks):
    # Relative to now: the command reads the clock itself.
    workshop = make_workshop(starts_in=timedelta(hours=47))
    Registration.objects.create(
        workshop=workshop,
        first_name="Amina",
        email="amina@example.org",
        consent_at=workshop.starts_at - timedelta(days=3),
        created_at=workshop.starts_at - timedelta(days=3),
        status=Registration.Status.CONFIRMED,
    )
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_workshop_reminders", stdout=out)
        call_command("send_workshop_reminders", stdout=out)
    assert "reminders 48 h: 1" in out.getvalue()
    assert len(mail.outbox) == 1


def test_confirmation_message_gives_the_venues_local_time(django_capture_on_commit_callbacks):
    # A Guadeloupe workshop at 18:00 local is 23:00 in Paris in winter: the message says 18:00.
    start = (datetime.now(GUADELOUPE) + timedelta(days=30)).replace(
        hour=18, minute=0, second=0, microsecond=0
    )
    workshop = workshop_at(start, "America/Guadeloupe", "971")
    with django_capture_on_commit_callbacks(execute=True):
        services.register(workshop, first_name="Amina", email="amina@example.org", language="fr")
    [message] = mail.outbox
    assert "18:00" in message.body
