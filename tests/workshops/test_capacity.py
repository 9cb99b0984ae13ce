"""Places are given family by family, never beyond capacity; the waiting list moves up."""

from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.utils import timezone

from tests.factories import make_workshop
from workshops import services
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db

CONFIRMED = Registration.Status.CONFIRMED
WAITLISTED = Registration.Status.WAITLISTED
CANCELLED = Registration.Status.CANCELLED


def sign_up(workshop, name, seats=1, **contact):
    contact = contact or {"email": f"{name.lower()}@example.org"}
    return services.register(workshop, first_name=name, seats=seats, **contact)


def confirmed_seats(workshop):
    return sum(r.seats for r in Registration.objects.filter(workshop=workshop, status=CONFIRMED))


def test_family_gets_all_places_or_none():
    workshop = make_workshop(capacity=5)
    first = sign_up(workshop, "Amina", seats=3)
    second = sign_up(workshop, "Bruno", seats=3)  # only 2 left: the whole family waits
    third = sign_up(workshop, "Chloé", seats=2)
    assert first.status == CONFIRMED
    assert second.status == WAITLISTED
    assert third.status == CONFIRMED
    assert confirmed_seats(workshop) == 5


def test_full_workshop_without_waitlist_refuses():
    workshop = make_workshop(capacity=2, waitlist_enabled=False)
    sign_up(workshop, "Amina", seats=2)
    with pytest.raises(services.WorkshopFull):
        sign_up(workshop, "Bruno")
    assert Registration.objects.filter(workshop=workshop).count() == 1


def test_waitlist_position_follows_arrival_order():
    workshop = make_workshop(capacity=1)
    sign_up(workshop, "Amina")
    bruno = sign_up(workshop, "Bruno")
    chloe = sign_up(workshop, "Chloé")
    assert bruno.waitlist_position() == 1
    assert chloe.waitlist_position() == 2


def test_cancellation_promotes_waiting_families_in_order():
    workshop = make_workshop(capacity=2)
    amina = sign_up(workshop, "Amina", seats=2)
    bruno = sign_up(workshop, "Bruno")
    chloe = sign_up(workshop, "Chloé")
    david = sign_up(workshop, "David")
    services.cancel(amina)
    for registration in (amina, bruno, chloe, david):
        registration.refresh_from_db()
    assert amina.status == CANCELLED
    assert (bruno.status, chloe.status, david.status) == (CONFIRMED, CONFIRMED, WAITLISTED)
    assert david.waitlist_position() == 1


def test_cancelling_twice_changes_nothing():
    workshop = make_workshop(capacity=1)
    amina = sign_up(workshop, "Amina")
    bruno = sign_up(workshop, "Bruno")
    services.cancel(amina)
    services.cancel(amina)
    bruno.refresh_from_db()
    assert bruno.status == CONFIRMED
    assert confirmed_seats(workshop) == 1


def test_raising_capacity_promotes_waiting_families():
    workshop = make_workshop(capacity=1)
    sign_up(workshop, "Amina")
    bruno = sign_up(workshop, "Bruno", seats=2)
    chloe = sign_up(workshop, "Chloé")
    services.set_capacity(workshop, 3)
    bruno.refresh_from_db()
    chloe.refresh_from_db()
    assert bruno.status == CONFIRMED
    assert chloe.status == WAITLISTED
    services.set_capacity(workshop, 4)
    chloe.refresh_from_db()
    assert chloe.status == CONFIRMED


def test_lowering_capacity_keeps_confirmed_families():
    workshop = make_workshop(capacity=3)
    amina = sign_up(workshop, "Amina", seats=3)
    services.set_capacity(workshop, 1)
    amina.refresh_from_db()
    assert amina.status == CONFIRMED
    assert sign_up(workshop, "Bruno").status == WAITLISTED
    with pytest.raises(services.InvalidRegistration):
        services.set_capacity(workshop, 0)


def test_big_family_is_skipped_but_keeps_its_rank():
    """Rule: a place goes to the first waiting family it fits; bigger ones keep their rank."""
    workshop = make_workshop(capacity=4)
    amina = sign_up(workshop, "Amina", seats=2)
    sign_up(workshop, "Bruno", seats=2)
    big = sign_up(workshop, "Chloé", seats=4)
    small = sign_up(workshop, "David", seats=2)
    later = sign_up(workshop, "Elsa", seats=1)
    services.cancel(amina)  # 2 places free: too few for Chloé's 4, enough for David's 2
    for registration in (big, small, later):
        registration.refresh_from_db()
    assert big.status == WAITLISTED
    assert small.status == CONFIRMED
    assert later.status == WAITLISTED
    assert big.waitlist_position() == 1
    assert confirmed_seats(workshop) == 4


def test_change_seats_down_frees_places_for_the_waiting_list():
    workshop = make_workshop(capacity=4)
    amina = sign_up(workshop, "Amina", seats=4)
    bruno = sign_up(workshop, "Bruno", seats=1)
    services.change_seats(amina, 3)
    bruno.refresh_from_db()
    assert amina.seats == 3
    assert bruno.status == CONFIRMED


def test_change_seats_up_only_when_all_fit():
    workshop = make_workshop(capacity=4)
    amina = sign_up(workshop, "Amina", seats=2)
    sign_up(workshop, "Bruno", seats=1)
    services.change_seats(amina, 3)
    assert amina.seats == 3
    with pytest.raises(services.WorkshopFull):
        services.change_seats(amina, 4)
    amina.refresh_from_db()
    assert (amina.seats, amina.status) == (3, CONFIRMED)


def test_waiting_family_that_shrinks_is_promoted():
    workshop = make_workshop(capacity=3)
    sign_up(workshop, "Amina", seats=2)
    bruno = sign_up(workshop, "Bruno", seats=3)
    assert bruno.status == WAITLISTED
    services.change_seats(bruno, 1)
    assert bruno.status == CONFIRMED


def test_seats_out_of_range_are_refused():
    workshop = make_workshop()
    for seats in (0, 7):
        with pytest.raises(services.InvalidRegistration):
            sign_up(workshop, "Amina", seats=seats)
    amina = sign_up(workshop, "Amina")
    with pytest.raises(services.InvalidRegistration):
        services.change_seats(amina, 0)


def test_same_contact_cannot_sign_up_twice_until_cancelled():
    workshop = make_workshop()
    first = sign_up(workshop, "Amina", email="amina@example.org")
    with pytest.raises(services.AlreadyRegistered):
        sign_up(workshop, "Amina", email="AMINA@example.org")
    phone = sign_up(workshop, "Bruno", phone="+33612345678")
    with pytest.raises(services.AlreadyRegistered):
        sign_up(workshop, "Bruno", phone="+33612345678", email="other@example.org")
    services.cancel(first)
    services.cancel(phone)
    assert sign_up(workshop, "Amina", email="amina@example.org").status == CONFIRMED


def test_database_refuses_duplicates_that_bypass_the_service():
    workshop = make_workshop()
    sign_up(workshop, "Amina", email="amina@example.org")
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            workshop=workshop,
            first_name="Amina",
            email="amina@example.org",
            seats=1,
            consent_at=timezone.now(),
            status=WAITLISTED,
        )


def test_registration_needs_a_contact():
    workshop = make_workshop()
    with pytest.raises(services.InvalidRegistration):
        services.register(workshop, first_name="Amina")
    with pytest.raises(IntegrityError):
        Registration.objects.create(
            workshop=workshop, first_name="X", seats=1, consent_at=timezone.now(), status=CONFIRMED
        )


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": Workshop.Status.DRAFT}, "not open"),
        ({"status": Workshop.Status.CANCELLED}, "cancelled"),
        ({"status": Workshop.Status.CLOSED}, "closed"),
        ({"starts_in": timedelta(hours=-1)}, "already taken place"),
        ({"registration_opens_at": timezone.now() + timedelta(days=1)}, "not open yet"),
        ({"registration_closes_at": timezone.now() - timedelta(minutes=1)}, "closed"),
    ],
)
def test_sign_up_is_refused_outside_the_registration_window(fields, message):
    workshop = make_workshop(**fields)
    with pytest.raises(services.RegistrationClosed) as refusal:
        sign_up(workshop, "Amina")
    assert message in str(refusal.value.message)
    assert not Registration.objects.filter(workshop=workshop).exists()


def test_notifications_wait_for_the_commit(django_capture_on_commit_callbacks, mailoutbox):
    workshop = make_workshop(capacity=1)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        amina = sign_up(workshop, "Amina")
    assert mailoutbox == []
    assert len(callbacks) == 1
    with django_capture_on_commit_callbacks(execute=True):
        bruno = sign_up(workshop, "Bruno")
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(amina)
    subjects = [message.subject for message in mailoutbox]
    assert any("waiting list" in subject for subject in subjects)
    assert any("cancelled" in subject for subject in subjects)
    assert any("A place is free" in subject for subject in subjects)
    assert [m.to for m in mailoutbox if "free" in m.subject] == [[bruno.email]]
