"""Hundreds of families clicking at the same second never get more places than there are.

Real threads, each with its own PostgreSQL connection, sign up for one 10-place workshop at
once. With the workshop row locked the count is exact; without the lock (the locking helper
replaced by a plain read, in this test only) the same scenario overbooks.
"""

import os
import time

import pytest
from django.db import connection
from django.test import Client

from tests.concurrency import run_at_once
from tests.factories import make_workshop
from workshops import services
from workshops.models import Registration, Workshop

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.serial,  # a storm of real concurrent clients: alone, as in production
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs PostgreSQL (DATABASE_URL=postgres://…): SQLite serialises all writes",
    ),
]

CLIENTS = 60
CAPACITY = 10


def confirmed_seats(workshop):
    return sum(
        Registration.objects.filter(
            workshop=workshop, status=Registration.Status.CONFIRMED
        ).values_list("seats", flat=True)
    )


def sign_up_through_the_service(workshop):
    def work(index):
        services.register(workshop, first_name=f"Parent {index}", email=f"p{index}@example.org")

    return work


@pytest.mark.django_db(transaction=True)
def test_sixty_simultaneous_sign_ups_never_overbook():
    workshop = make_workshop(capacity=CAPACITY)
    errors = run_at_once(CLIENTS, sign_up_through_the_service(workshop))
    assert errors == []
    assert confirmed_seats(workshop) == CAPACITY
    assert Registration.objects.filter(workshop=workshop).count() == CLIENTS
    waiting = Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITLISTED)
    assert waiting.count() == CLIENTS - CAPACITY


@pytest.mark.django_db(transaction=True)
def test_sixty_simultaneous_sign_ups_through_the_web_page():
    workshop = make_workshop(capacity=CAPACITY)
    url = f"/fr/workshops/{workshop.pk}/"

    def work(index):
        client = Client(HTTP_HOST="localhost", REMOTE_ADDR=f"10.0.{index // 250}.{index % 250}")
        response = client.post(
            url,
            {
                "first_name": f"Parent {index}",
                "email": f"web{index}@example.org",
                "seats": "1",
                "consent": "on",
            },
        )
        assert response.status_code == 302, response.status_code

    errors = run_at_once(CLIENTS, work)
    assert errors == []
    assert confirmed_seats(workshop) == CAPACITY
    assert Registration.objects.filter(workshop=workshop).count() == CLIENTS


@pytest.mark.django_db(transaction=True)
def test_concurrent_cancellations_and_sign_ups_stay_within_capacity():
    workshop = make_workshop(capacity=CAPACITY)
    first = [
        services.register(workshop, first_name=f"Early {i}", email=f"e{i}@example.org")
        for i in range(CAPACITY + 5)
    ]

    def work(index):
        if index < 10:
            services.cancel(first[index])
        else:
            services.register(
                workshop, first_name=f"Late {index}", email=f"l{index}@example.org", seats=2
            )

    errors = run_at_once(40, work)
    assert errors == []
    assert confirmed_seats(workshop) <= CAPACITY
    # Nobody waits who would fit: the waiting list was given every place it could take.
    free = CAPACITY - confirmed_seats(workshop)
    waiting = Registration.objects.filter(workshop=workshop, status=Registration.Status.WAITLISTED)
    assert all(registration.seats > free for registration in waiting)


@pytest.mark.django_db(transaction=True)
def test_without_the_lock_the_same_scenario_overbooks(monkeypatch):
    """Proves the lock is what keeps the count right (the lock is removed in this test only)."""
    real_count = services._confirmed_seats

    def slow_count(workshop):
        seats = real_count(workshop)
        time.sleep(0.05)  # widen the window between counting and inserting
        return seats

    monkeypatch.setattr(services, "_lock_workshop", lambda pk: Workshop.objects.get(pk=pk))
    monkeypatch.setattr(services, "_confirmed_seats", slow_count)
    overbooked = []
    for _attempt in range(3):
        workshop = make_workshop(capacity=CAPACITY)
        run_at_once(CLIENTS, sign_up_through_the_service(workshop))
        overbooked.append(confirmed_seats(workshop) > CAPACITY)
        if overbooked[-1]:
            break
    assert connection.vendor == "postgresql"
    assert any(overbooked), "60 unlocked sign-ups never overbooked: the race was not reproduced"
