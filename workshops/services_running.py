"""Running a workshop: a facilitator's edit, series, walk-ins, check-in, closing, cancelling,
messages to the families.

Split from `services.py` by topic; the same rules hold: each change runs in one transaction
under the workshop's lock (`services._lock_workshop`), never gives more confirmed places than
the capacity, and families are told through `core.notify` after the commit.
"""

from datetime import timedelta

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from core.notify import after_commit

from . import tasks
from .events import attendance_recorded
from .models import ParticipantMessage, Registration, Workshop, WorkshopSeries
from .services import (
    AlreadyRegistered,
    InvalidRegistration,
    RegistrationClosed,
    WorkshopFull,
    _check_seats,
    _confirmed_seats,
    _lock_workshop,
    _notify_after_commit,
    _promote_waitlist,
)


def _schedule_reminders_after_commit(registration_ids) -> None:
    """Queue the reminders of confirmed places once the transaction commits (a moved
    workshop: the families hear of it from the facilitator, not from here)."""
    ids = list(registration_ids)
    if ids:
        after_commit(lambda: tasks.schedule_reminders(ids))


def update_workshop(edited: Workshop, save_related=None) -> Workshop:
    """Save a facilitator's edit of a workshop (the admin form's unsaved instance).

    Under the lock: the fields, then the capacity rule (more places confirm waiting families).
    A change of status to "cancelled" goes through `cancel_workshop`, so every family is told
    once. `save_related` saves the form's many-to-many fields after the row.
    """
    if edited.capacity is None or edited.capacity < 1:
        raise InvalidRegistration(_("A workshop needs at least one place."))
    with transaction.atomic():
        previous = _lock_workshop(edited.pk)
        cancelling = (
            edited.status == Workshop.Status.CANCELLED
            and previous.status != Workshop.Status.CANCELLED
        )
        if cancelling:
            edited.status = previous.status
        edited.save()
        if save_related:
            save_related()
        promoted = _promote_waitlist(edited)
        if edited.starts_at != previous.starts_at:
            # Moved: the reminders go at the new times (tasks queued for the old ones find
            # them not due and send nothing).
            confirmed = Registration.objects.filter(
                workshop_id=edited.pk, status=Registration.Status.CONFIRMED
            ).exclude(pk__in=promoted)
            _schedule_reminders_after_commit(confirmed.values_list("pk", flat=True))
    if cancelling:
        cancel_workshop(edited)
    edited.refresh_from_db()
    return edited


def weekly_starts(first_start, count: int) -> list:
    """`count` starts a week apart, at the same wall-clock time in the first start's zone.

    Adding 7 days to an aware local datetime keeps 18:00 at 18:00 across a clock change.
    """
    if count < 1:
        raise InvalidRegistration(_("A series needs at least one session."))
    tz = first_start.tzinfo
    return [
        timezone.make_aware(first_start.replace(tzinfo=None) + timedelta(weeks=week), tz)
        for week in range(count)
    ]


def create_series(*, organisation, title: str, starts, duration: timedelta, **fields):
    """A series and its sessions, all or nothing: one workshop per start, numbered in order."""
    starts = sorted(starts)
    if not starts:
        raise InvalidRegistration(_("A series needs at least one session."))
    if duration <= timedelta(0):
        raise InvalidRegistration(_("A session must end after it starts."))
    total = len(starts)
    with transaction.atomic():
        series = WorkshopSeries.objects.create(organisation=organisation, title=title)
        for number, starts_at in enumerate(starts, start=1):
            Workshop.objects.create(
                organisation=organisation,
                series=series,
                title=_("%(title)s (session %(number)d of %(total)d)")
                % {"title": title, "number": number, "total": total},
                starts_at=starts_at,
                ends_at=starts_at + duration,
                **fields,
            )
    return series


def add_walk_in(
    workshop: Workshop,
    *,
    first_name: str,
    email: str | None = None,
    phone: str | None = None,
    seats: int = 1,
    now=None,
) -> Registration:
    """A family that turns up at the door: confirmed and present, only if its places are free.

    Allowed from the start until the workshop is closed; never a waiting list (they are here
    now) and never more confirmed places than the capacity, under the same lock as sign-ups.
    """
    _check_seats(seats)
    email = (email or "").strip().lower() or None
    phone = (phone or "").strip() or None
    first_name = (first_name or "").strip()
    if not first_name:
        raise InvalidRegistration(_("Give the first name."))
    if not (email or phone):
        raise InvalidRegistration(_("Give an e-mail address or a mobile phone number."))
    now = now or timezone.now()
    try:
        with transaction.atomic():
            locked = _lock_workshop(workshop.pk)
            if locked.status != Workshop.Status.PUBLISHED or locked.ends_at <= now:
                raise RegistrationClosed(_("This workshop is not running."))
            registrations = Registration.objects.filter(workshop_id=locked.pk)
            contacts = {"email": email, "phone": phone}
            same_person = Q(*((k, v) for k, v in contacts.items() if v), _connector=Q.OR)
            active = registrations.exclude(status=Registration.Status.CANCELLED)
            if active.filter(same_person).exists():
                raise AlreadyRegistered()
            if _confirmed_seats(locked) + seats > locked.capacity:
                raise WorkshopFull(_("Not enough free places for this family."))
            registration = Registration.objects.create(
                workshop=locked,
                first_name=first_name[:80],
                email=email,
                phone=phone,
                seats=seats,
                language=translation.get_language() or "fr",
                consent_at=now,
                status=Registration.Status.CONFIRMED,
                created_at=now,
                attended=True,
                checked_in_at=now,
            )
            _announce_attendance([registration])
    except IntegrityError as error:
        raise AlreadyRegistered() from error
    return registration


def check_in(registration: Registration, present: bool = True, now=None) -> Registration:
    """Mark a confirmed family present (or undo it). Only confirmed places can be checked in."""
    return set_attendance(registration, True if present else None, now=now)


def set_attendance(registration: Registration, attended: bool | None, now=None) -> Registration:
    """Record a confirmed family as present (True), absent (False) or not yet known (None).

    The one way attendance changes (facilitator's phone, admin, demo): it sends
    `attendance_recorded` after the commit, which the ambassador path counts as evidence.
    """
    now = now or timezone.now()
    with transaction.atomic():
        _lock_workshop(registration.workshop_id)
        current = Registration.objects.get(pk=registration.pk)
        if current.status != Registration.Status.CONFIRMED:
            raise InvalidRegistration(_("Only families with confirmed places can be checked in."))
        current.attended = attended
        current.checked_in_at = now if attended else None
        current.save(update_fields=["attended", "checked_in_at", "updated_at"])
        _announce_attendance([current])
    return current


def _announce_attendance(registrations) -> None:
    user_ids = sorted({r.user_id for r in registrations if r.attended and r.user_id})
    if user_ids:
        transaction.on_commit(
            lambda: attendance_recorded.send(sender=Registration, user_ids=user_ids),
            robust=True,
        )


def close_workshop(workshop: Workshop, now=None) -> Workshop:
    """Close a workshop that has started: confirmed families not checked in are no-shows."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = _lock_workshop(workshop.pk)
        if locked.status == Workshop.Status.CLOSED:
            return locked
        if locked.status != Workshop.Status.PUBLISHED:
            raise InvalidRegistration(_("Only a published workshop can be closed."))
        if locked.starts_at > now:
            raise InvalidRegistration(_("A workshop can be closed once it has started."))
        Registration.objects.filter(
            workshop_id=locked.pk, status=Registration.Status.CONFIRMED, attended__isnull=True
        ).update(attended=False, updated_at=now)
        locked.status = Workshop.Status.CLOSED
        locked.closed_at = now
        locked.save(update_fields=["status", "closed_at", "updated_at"])
    workshop.refresh_from_db()
    return workshop


def cancel_workshop(workshop: Workshop) -> Workshop:
    """Cancel a workshop and tell every family that holds or awaits places. Twice is fine."""
    with transaction.atomic():
        locked = _lock_workshop(workshop.pk)
        if locked.status == Workshop.Status.CANCELLED:
            return locked
        if locked.status == Workshop.Status.CLOSED:
            raise InvalidRegistration(_("A closed workshop cannot be cancelled."))
        was_published = locked.status == Workshop.Status.PUBLISHED
        locked.status = Workshop.Status.CANCELLED
        locked.save(update_fields=["status", "updated_at"])
        if was_published:
            to_tell = Registration.objects.filter(workshop_id=locked.pk).active()
            _notify_after_commit(list(to_tell.values_list("pk", flat=True)), "workshop_cancelled")
    workshop.refresh_from_db()
    return workshop


def message_participants(
    workshop: Workshop,
    *,
    subject: str,
    body: str,
    channels,
    include_waiting: bool = False,
    sent_by=None,
) -> int:
    """Keep a facilitator's message and send it to the families after the commit; returns
    how many families it goes to. The tasks carry the message's id, never its words."""
    statuses = [Registration.Status.CONFIRMED]
    if include_waiting:
        statuses.append(Registration.Status.WAITLISTED)
    ids = list(
        Registration.objects.filter(workshop_id=workshop.pk, status__in=statuses).values_list(
            "pk", flat=True
        )
    )
    channels = sorted(set(channels) & {"email", "sms"})
    if ids and channels:
        with transaction.atomic():
            message = ParticipantMessage.objects.create(
                workshop=workshop,
                sent_by=sent_by if sent_by is not None and sent_by.is_authenticated else None,
                subject=subject,
                body=body,
                channels=",".join(channels),
                included_waiting=include_waiting,
                recipients_count=len(ids),
            )
            _notify_after_commit(ids, "message", message_id=message.pk)
    return len(ids)
