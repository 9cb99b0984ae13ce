"""At the door: a walk-in family, search on the list, attendance in people, messages sent."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    make_venue,
    make_workshop,
    signed_in,
)
from workshops import services, services_running
from workshops.models import ParticipantMessage, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def running(ligue):
    """A workshop that started ten minutes ago, 4 places."""
    start = timezone.now() + timedelta(minutes=1)
    workshop = make_workshop(capacity=4, venue=make_venue(organisation=ligue), starts_at=start)
    services.register(workshop, first_name="Amina", email="amina@example.org", seats=2)
    type(workshop).objects.filter(pk=workshop.pk).update(
        starts_at=timezone.now() - timedelta(minutes=10)
    )
    workshop.refresh_from_db()
    return workshop


def test_a_walk_in_family_is_added_present_within_the_places(claire, running):
    client = signed_in(claire)
    url = reverse("workshops:manage_walk_in", args=[running.pk])
    response = client.post(url, {"first_name": "Bruno", "contact": "06 12 34 56 78", "seats": 2})
    assert response.status_code == 302
    bruno = Registration.objects.get(workshop=running, first_name="Bruno")
    assert bruno.status == Registration.Status.CONFIRMED and bruno.attended is True
    assert bruno.phone == "+33612345678"
    # Full now: the next family is refused with a clear message, never overbooked.
    refused = client.post(url, {"first_name": "Chloé", "contact": "chloe@example.org", "seats": 1})
    assert refused.status_code == 200
    assert "Not enough free places" in refused.content.decode()
    assert refused.context["form"]["first_name"].value() == "Chloé"
    assert not Registration.objects.filter(first_name="Chloé").exists()


def test_a_walk_in_needs_a_running_workshop(running):
    services_running.cancel_workshop(running)
    with pytest.raises(services.RegistrationClosed):
        services_running.add_walk_in(running, first_name="Dan", email="dan@example.org")


def test_the_list_is_searchable_and_counts_people_present(claire, running):
    services_running.add_walk_in(running, first_name="Bruno", email="bruno@example.org", seats=2)
    page = signed_in(claire).get(
        reverse("workshops:manage_workshop", args=[running.pk]), {"q": "brun"}
    )
    assert [r.first_name for r in page.context["confirmed"]] == ["Bruno"]
    assert page.context["confirmed_seats"] == 4  # the workshop's count, not the search's
    assert (page.context["present_families"], page.context["present_people"]) == (1, 2)


def test_the_messages_sent_are_listed(claire, running):
    ParticipantMessage.objects.create(
        workshop=running,
        sent_by=claire,
        subject="Salle 2",
        body="Rendez-vous salle 2.",
        channels="email",
        recipients_count=1,
    )
    page = signed_in(claire).get(reverse("workshops:manage_workshop", args=[running.pk]))
    assert "Rendez-vous salle 2." in page.content.decode()
