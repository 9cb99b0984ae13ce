"""A small, realistic territory for the observatory's tests: two communes, two months."""

from datetime import timedelta

import pytest
from django.utils import timezone

from observatory import summary
from observatory.figures import month_bounds
from parents.models import TerritoryPilot, User
from tests.factories import (
    add_registrations,
    make_organisation,
    make_territory,
    make_venue,
    make_workshop,
)
from tests.task_worker import task_worker  # noqa: F401 (a fixture: pytest finds it here)


@pytest.fixture
def month_ago():
    """The first day of a month that is over and frozen (two months back)."""
    month = summary.month_of(timezone.now())
    return summary.previous_month(summary.previous_month(month))


@pytest.fixture
def territory_data(db, month_ago):
    aisne = make_territory("02", "Aisne")
    other = make_territory("95", "Val-d'Oise")
    ligue = make_organisation("Ligue de l'Enseignement")
    ligue.territories.add(aisne)
    laon = make_venue(territory=aisne, organisation=ligue, commune="Laon")
    soissons = make_venue(territory=aisne, organisation=ligue, commune="Soissons")
    start, _end = month_bounds(month_ago)
    day = start + timedelta(days=9, hours=10)
    big = make_workshop(capacity=20, venue=laon, starts_at=day)
    small = make_workshop(capacity=10, venue=soissons, starts_at=day + timedelta(days=2))
    add_registrations(big, 12)  # 12 families present
    add_registrations(big, 3, attended=False, prefix="absent")
    add_registrations(small, 3)  # 3 families: fewer than 5
    pilot = User.objects.create_user(email="pilot@example.org", password="x")
    TerritoryPilot.objects.create(user=pilot, territory=aisne)
    other_pilot = User.objects.create_user(email="pilot95@example.org", password="x")
    TerritoryPilot.objects.create(user=other_pilot, territory=other)
    summary.refresh([month_ago])
    return {
        "aisne": aisne,
        "other": other,
        "pilot": pilot,
        "other_pilot": other_pilot,
        "big": big,
        "small": small,
        "month": month_ago,
    }
