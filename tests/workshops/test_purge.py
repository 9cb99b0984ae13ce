"""RGPD: first names and contact details are erased 3 months after the workshop."""

import io
from datetime import UTC, datetime, timedelta

import pytest
from django.core.management import call_command

from tests.factories import make_workshop
from workshops import services_reminders
from workshops.models import Registration

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def sign_up(workshop, email, **fields):
    return Registration.objects.create(
        workshop=workshop,
        first_name="Amina",
        email=email,
        phone=fields.pop("phone", "+33612345678"),
        needs_details="Poussette",
        needs_childcare=True,
        seats=2,
        consent_at=workshop.starts_at - timedelta(days=5),
        created_at=workshop.starts_at - timedelta(days=5),
        status=Registration.Status.CONFIRMED,
        **fields,
    )


def test_guest_data_is_erased_after_90_days_and_counts_are_kept():
    old = make_workshop(starts_at=NOW - timedelta(days=92), ends_at=NOW - timedelta(days=91))
    recent = make_workshop(
        starts_at=NOW - timedelta(days=89, hours=2), ends_at=NOW - timedelta(days=89)
    )
    gone = sign_up(old, "amina@example.org", attended=True)
    kept = sign_up(recent, "bruno@example.org", phone="+33612345679")

    assert services_reminders.purge_guest_data(NOW) == 1
    gone.refresh_from_db()
    kept.refresh_from_db()
    assert (gone.first_name, gone.email, gone.phone, gone.needs_details) == ("", None, None, "")
    assert gone.anonymised_at == NOW
    # What the figures need stays.
    assert (gone.seats, gone.status, gone.attended, gone.needs_childcare) == (
        2,
        Registration.Status.CONFIRMED,
        True,
        True,
    )
    assert kept.first_name == "Amina" and kept.email == "bruno@example.org"
    # Once is enough.
    assert services_reminders.purge_guest_data(NOW + timedelta(days=1)) == 0


def test_purge_command():
    old = make_workshop(starts_at=NOW - timedelta(days=400), ends_at=NOW - timedelta(days=399))
    sign_up(old, "amina@example.org")
    out = io.StringIO()
    call_command("purge_workshop_guests", stdout=out)
    assert "sign-ups anonymised: 1" in out.getvalue()
    assert Registration.objects.get().email is None
