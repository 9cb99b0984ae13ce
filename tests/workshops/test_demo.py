"""The demo workshops load on top of load_demo, twice without change, within capacity."""

import pytest
from django.db.models import Q, Sum

from coeduc.demo.workshops import load_demo_workshops
from workshops.models import Registration, Venue, Workshop


def snapshot():
    return (
        Venue.objects.count(),
        Workshop.objects.count(),
        Registration.objects.count(),
        list(Workshop.objects.order_by("pk").values_list("starts_at", flat=True)),
    )


@pytest.mark.django_db
def test_demo_workshops_are_varied_and_idempotent(demo):
    load_demo_workshops()
    first = snapshot()
    load_demo_workshops()
    assert snapshot() == first
    workshops = Workshop.objects.published().upcoming()
    assert workshops.count() >= 10
    assert workshops.values("venue__territory").distinct().count() >= 4
    assert workshops.values("organisation").distinct().count() >= 3
    assert workshops.filter(venue__territory__code="971").exists()
    assert workshops.speaking("ar").exists()
    for workshop in workshops.with_confirmed_seats():
        assert workshop.confirmed_seats <= workshop.capacity
    full_with_waitlist = workshops.filter(
        registrations__status=Registration.Status.WAITLISTED
    ).distinct()
    assert full_with_waitlist.count() >= 2
    assert not Registration.objects.filter(~Q(seats__gte=1)).exists()
    assert Registration.objects.aggregate(total=Sum("seats"))["total"] > 0
    # One series, and a past workshop with its attendance.
    assert Workshop.objects.filter(series__isnull=False).values("series").distinct().count() >= 1
    past = Workshop.objects.filter(status=Workshop.Status.CLOSED)
    assert Registration.objects.filter(workshop__in=past, attended=True).exists()
    assert Registration.objects.filter(workshop__in=past, attended=False).exists()
