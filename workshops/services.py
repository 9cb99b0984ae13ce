"""Registrations: sign up, cancel, change places, change capacity, and the rules they share.

Every operation runs in one transaction that first locks the workshop row (`_lock_workshop`),
then recounts the confirmed seats from the registrations themselves (never a stored counter),
decides, writes, and lets the waiting list move up (`_promote_waitlist`) under the same lock.
With the row locked, two sign-ups for the same workshop are decided one after the other, so
confirmed seats never exceed the capacity however many people click at the same second.
On SQLite the settings open every transaction with BEGIN IMMEDIATE: writes are serialised
by the database itself and `select_for_update()` is a no-op.

Rules:
- A family gets all its places or none: `seats` people are confirmed together or not at all.
- The waiting list is first come, first served, with one exception so that places do not stay
  empty: when the family first in line is bigger than the places left, the places go to the
  next waiting family that fits (in arrival order); the bigger family keeps its rank and gets
  the next places that are enough for it.
- Lowering the capacity never takes places away from confirmed families: nobody new is
  confirmed until the confirmed seats fall below the new capacity.

Families are told through `core.notify` after the transaction commits (`_notify_after_commit`),
so nobody is told about a place that a rollback took away. Running a workshop (a facilitator's
edit, series, walk-ins, check-in, closing, cancelling) is in `services_running.py`, which uses
the lock and the rules here; reminders and the guests' purge are in `services_reminders.py`.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import Count, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from core.locking import lock
from core.notify import after_commit

from . import notifications, tasks
from .models import MAX_SEATS_PER_FAMILY, NEEDS_DETAILS_MAX_LENGTH, Registration, Workshop


class RegistrationError(Exception):
    """A refusal the person can understand; `message` is translated."""

    code = "error"
    default_message = _("We could not take your sign-up.")

    def __init__(self, message=None):
        self.message = message or self.default_message
        super().__init__(str(self.message))


class WorkshopFull(RegistrationError):
    code = "full"
    default_message = _("This workshop is full and has no waiting list.")


class RegistrationClosed(RegistrationError):
    code = "closed"
    default_message = _("Sign-up for this workshop is closed.")


class AlreadyRegistered(RegistrationError):
    code = "duplicate"
    default_message = _(
        "You are already signed up for this workshop. Use the link in your confirmation "
        "message to see or change your places."
    )


class InvalidRegistration(RegistrationError):
    code = "invalid"


@dataclass(frozen=True)
class Needs:
    childcare: bool = False
    interpreter: bool = False
    accessibility: bool = False
    details: str = ""


def _lock_workshop(workshop_id: int) -> Workshop:
    """Lock the workshop row until the end of the transaction (`core.locking`)."""
    return lock(Workshop, workshop_id)


def _confirmed_seats(workshop: Workshop) -> int:
    return Registration.objects.filter(
        workshop_id=workshop.pk, status=Registration.Status.CONFIRMED
    ).aggregate(total=Coalesce(Sum("seats"), 0))["total"]


def _refusal_reason(workshop: Workshop, now) -> RegistrationError | None:
    if workshop.status == Workshop.Status.CANCELLED:
        return RegistrationClosed(_("This workshop is cancelled."))
    if workshop.status == Workshop.Status.DRAFT:
        return RegistrationClosed(_("This workshop is not open for sign-up."))
    if workshop.status == Workshop.Status.CLOSED:
        return RegistrationClosed()
    if workshop.starts_at <= now:
        return RegistrationClosed(_("This workshop has already taken place."))
    if workshop.registration_opens_at and workshop.registration_opens_at > now:
        return RegistrationClosed(_("Sign-up for this workshop is not open yet."))
    if workshop.registration_closes_at and workshop.registration_closes_at <= now:
        return RegistrationClosed()
    return None


def _check_seats(seats: int) -> None:
    if not isinstance(seats, int) or not 1 <= seats <= MAX_SEATS_PER_FAMILY:
        raise InvalidRegistration(
            ngettext_lazy(
                "A family can book from 1 to %(max)d place.",
                "A family can book from 1 to %(max)d places.",
                MAX_SEATS_PER_FAMILY,
            )
            % {"max": MAX_SEATS_PER_FAMILY}
        )


def _notify_after_commit(registration_ids, event: str, *, confirmed=False, **payload) -> None:
    """Tell the families once the transaction commits (`workshops.notifications`); for newly
    `confirmed` places, then queue their reminders (`tasks.schedule_reminders`).
    One callback for both, silenced together by `quietly()`."""
    ids = list(registration_ids)

    def tell_and_schedule():
        notifications.tell(ids, event, **payload)
        if confirmed:
            tasks.schedule_reminders(ids)

    if ids:
        after_commit(tell_and_schedule)


def _promote_waitlist(workshop: Workshop) -> list[int]:
    """Confirm waiting families in arrival order while places are left (workshop locked).

    A family bigger than the places left is skipped, not blocking: the smaller families after
    it may take those places; it stays first in line for the next ones.
    """
    if workshop.status != Workshop.Status.PUBLISHED or workshop.starts_at <= timezone.now():
        return []
    free = workshop.capacity - _confirmed_seats(workshop)
    promoted = []
    if free <= 0:
        return promoted
    for registration in Registration.objects.filter(workshop_id=workshop.pk).waiting_in_order():
        if registration.seats <= free:
            registration.status = Registration.Status.CONFIRMED
            registration.save(update_fields=["status", "updated_at"])
            free -= registration.seats
            promoted.append(registration.pk)
            if free == 0:
                break
    if promoted:
        _notify_after_commit(promoted, "promoted", confirmed=True)
    return promoted


def register(
    workshop: Workshop,
    *,
    first_name: str,
    email: str | None = None,
    phone: str | None = None,
    seats: int = 1,
    needs: Needs | None = None,
    user=None,
    language: str | None = None,
) -> Registration:
    """Sign a family up: confirmed if all its places fit, else waiting, else WorkshopFull."""
    _check_seats(seats)
    email = (email or "").strip().lower() or None
    phone = (phone or "").strip() or None
    first_name = (first_name or "").strip()
    if not first_name:
        raise InvalidRegistration(_("Give your first name."))
    if not (email or phone):
        raise InvalidRegistration(_("Give an e-mail address or a mobile phone number."))
    needs = needs or Needs()
    now = timezone.now()
    try:
        with transaction.atomic():
            locked = _lock_workshop(workshop.pk)
            refusal = _refusal_reason(locked, now)
            if refusal:
                raise refusal
            # One query for both questions: is this person already signed up, and how many
            # places are taken?
            contacts = {"email": email, "phone": phone}  # at least one is given (above)
            same_person = Q(*((k, v) for k, v in contacts.items() if v), _connector=Q.OR)
            counts = Registration.objects.filter(workshop_id=locked.pk).aggregate(
                confirmed=Coalesce(Sum("seats", filter=Q(status=Registration.Status.CONFIRMED)), 0),
                same_person=Count(
                    "pk", filter=same_person & ~Q(status=Registration.Status.CANCELLED)
                ),
            )
            if counts["same_person"]:
                raise AlreadyRegistered()
            if counts["confirmed"] + seats <= locked.capacity:
                status = Registration.Status.CONFIRMED
            elif locked.waitlist_enabled:
                status = Registration.Status.WAITLISTED
            else:
                raise WorkshopFull()
            # Stamped under the lock: the order of `created_at` is the order in which places
            # were decided, so the waiting list is exactly the arrival order.
            arrived = timezone.now()
            registration = Registration.objects.create(
                workshop=locked,
                first_name=first_name[:80],
                email=email,
                phone=phone,
                user=user if user is not None and user.is_authenticated else None,
                seats=seats,
                needs_childcare=needs.childcare,
                needs_interpreter=needs.interpreter,
                needs_accessibility=needs.accessibility,
                needs_details=(needs.details or "").strip()[:NEEDS_DETAILS_MAX_LENGTH],
                language=language or translation.get_language() or "fr",
                consent_at=arrived,
                status=status,
                created_at=arrived,
            )
            _notify_after_commit(
                [registration.pk],
                "registered",
                confirmed=status == Registration.Status.CONFIRMED,
            )
    except IntegrityError as error:
        # The partial unique constraints caught a duplicate the check above could not see.
        raise AlreadyRegistered() from error
    return registration


def cancel(registration: Registration) -> Registration:
    """Cancel a family's places and give them to the waiting list. Cancelling twice is fine."""
    with transaction.atomic():
        workshop = _lock_workshop(registration.workshop_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            return current
        current.status = Registration.Status.CANCELLED
        current.cancelled_at = timezone.now()
        current.save(update_fields=["status", "cancelled_at", "updated_at"])
        _notify_after_commit([current.pk], "cancelled")
        _promote_waitlist(workshop)
    registration.refresh_from_db()
    return registration


def change_seats(registration: Registration, seats: int) -> Registration:
    """Change a family's number of places. More places only if they all fit; fewer always."""
    _check_seats(seats)
    with transaction.atomic():
        workshop = _lock_workshop(registration.workshop_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status == Registration.Status.CANCELLED:
            raise InvalidRegistration(_("This sign-up is cancelled."))
        if workshop.starts_at <= timezone.now():
            raise RegistrationClosed(_("This workshop has already taken place."))
        if seats > current.seats:
            refusal = _refusal_reason(workshop, timezone.now())
            if refusal:
                raise refusal
            if current.status == Registration.Status.CONFIRMED:
                others = _confirmed_seats(workshop) - current.seats
                if others + seats > workshop.capacity:
                    left = max(workshop.capacity - others, 0)
                    raise WorkshopFull(
                        ngettext_lazy(
                            "There is only %(left)d place for your family. "
                            "You keep the places you had.",
                            "There are only %(left)d places for your family. "
                            "You keep the places you had.",
                            left,
                        )
                        % {"left": left}
                    )
        current.seats = seats
        current.save(update_fields=["seats", "updated_at"])
        _promote_waitlist(workshop)
    registration.refresh_from_db()
    return registration


def set_capacity(workshop: Workshop, capacity: int) -> Workshop:
    """Change the number of places; more places confirm waiting families at once."""
    if not isinstance(capacity, int) or capacity < 1:
        raise InvalidRegistration(_("A workshop needs at least one place."))
    with transaction.atomic():
        locked = _lock_workshop(workshop.pk)
        locked.capacity = capacity
        locked.save(update_fields=["capacity", "updated_at"])
        _promote_waitlist(locked)
    workshop.refresh_from_db()
    return workshop
