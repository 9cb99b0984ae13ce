"""Reminders before a workshop, the follow-up after it, and forgetting guests' details.

Split from `services.py` by topic; the same rules hold: every change here runs in a
transaction and families are told through `core.notify` after the commit. The background
tasks (`tasks.py`) run these functions and queue themselves; nothing here imports them, so
the dependencies run one way: services → tasks → services_reminders.
"""

from datetime import UTC, timedelta
from functools import partial

from django.conf import settings
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from core.notify import after_commit

from . import notifications
from .models import Registration, Workshop

REMINDERS = {
    "reminder_48h": ("reminder_48h_sent_at", timedelta(hours=48)),
    "reminder_3h": ("reminder_3h_sent_at", timedelta(hours=3)),
}
FOLLOWUP_WITHIN = timedelta(days=7)


def reminder_due_at(workshop: Workshop, kind: str):
    """The instant a reminder is due: exactly 48 h (or 3 h) of real time before the start.

    In UTC: subtracting from a local aware datetime would count wall-clock hours, an hour off
    across a change of clocks.
    """
    return workshop.starts_at.astimezone(UTC) - REMINDERS[kind][1]


# When each reminder may go: from `before` the start until `until` before it (the 48 h one
# gives way once the 3 h one is due).
WINDOWS = {
    "reminder_48h": (timedelta(hours=48), timedelta(hours=3)),
    "reminder_3h": (timedelta(hours=3), timedelta(0)),
}


def _due(kind: str, now):
    """The confirmed registrations whose `kind` reminder is due at `now` and not yet sent."""
    before, until = WINDOWS[kind]
    return Registration.objects.filter(
        status=Registration.Status.CONFIRMED,
        workshop__status=Workshop.Status.PUBLISHED,
        **{f"{REMINDERS[kind][0]}__isnull": True},
        workshop__starts_at__lte=now + before,
        workshop__starts_at__gt=now + until,
    ).filter(created_at__lt=models.F("workshop__starts_at") - before)


def send_reminder(registration_id: int, kind: str, now=None) -> bool:
    """Send one family's reminder if it is due now and not yet sent (the scheduled task).

    The same rules and the same marking as `send_due_reminders`: still confirmed, workshop
    still published and its start (perhaps moved) puts `now` in the reminder's window. Whoever
    runs first, the task or the command, marks `*_sent_at`; the other sends nothing.
    """
    if kind not in WINDOWS:
        return False
    now = now or timezone.now()
    due = _due(kind, now).filter(pk=registration_id)
    return _mark_and_queue(due, REMINDERS[kind][0], now, kind) == 1


def send_due_reminders(now=None) -> dict[str, int]:
    """Queue the reminders and follow-ups that are due, each at most once per family.

    Idempotent: a registration is marked (`reminder_48h_sent_at`, …) by a conditional UPDATE
    in the same transaction that queues its message, so two runs at once cannot both send it.
    A family that signed up after a reminder's time gets no such reminder (its confirmation
    is fresh); the 48 h reminder is skipped once the 3 h one is due.
    """
    now = now or timezone.now()
    counts = {}
    for kind in WINDOWS:
        counts[kind] = _mark_and_queue(_due(kind, now), REMINDERS[kind][0], now, kind)
    followups = Registration.objects.filter(
        attended=True,
        followup_sent_at__isnull=True,
        anonymised_at__isnull=True,
        workshop__ends_at__lte=now,
        workshop__ends_at__gt=now - FOLLOWUP_WITHIN,
    )
    counts["followup"] = _mark_and_queue(followups, "followup_sent_at", now, "followup")
    return counts


def _mark_and_queue(queryset, field: str, now, kind: str) -> int:
    sent = 0
    for pk in list(queryset.values_list("pk", flat=True)):
        with transaction.atomic():
            marked = Registration.objects.filter(pk=pk, **{f"{field}__isnull": True}).update(
                **{field: now}
            )
            if marked:
                after_commit(partial(notifications.tell, [pk], kind))
                sent += 1
    return sent


def guest_data_kept() -> timedelta:
    """How long after its workshop a sign-up keeps its first name and contacts
    (`WORKSHOPS_GUEST_DATA_DAYS`, 90 by default: the sign-up form's promise)."""
    return timedelta(days=settings.WORKSHOPS_GUEST_DATA_DAYS)


def purge_guest_data(now=None) -> int:
    """Erase first names and contact details once their time is over (the sign-up promise).

    Reads what is due at `now`: run early, twice, or after the workshop was moved, it erases
    nothing it should not. Places, status, needs ticked and attendance stay, so the figures
    still add up.
    """
    now = now or timezone.now()
    return anonymise_registrations(
        Registration.objects.filter(
            anonymised_at__isnull=True, workshop__ends_at__lt=now - guest_data_kept()
        ),
        now=now,
    )


def anonymise_registrations(registrations, *, now=None, detach_account=False) -> int:
    """The one way a registration forgets its family: the nightly purge and a person's erasure
    (`workshops.personal_data`) both come here.

    The first name, contacts and written needs go; places, status, needs ticked and attendance
    stay. The admin logs' labels of these rows are redacted too (nothing personal may remain).
    `detach_account` also cuts the link to an account being erased.
    """
    from core.personal_data import redact_log_entries

    now = now or timezone.now()
    changes = {"first_name": "", "email": None, "phone": None, "needs_details": ""}
    if detach_account:
        changes["user"] = None
    with transaction.atomic():
        ids = list(registrations.values_list("pk", flat=True))
        for start in range(0, len(ids), 500):  # SQLite's limit on query parameters
            Registration.objects.filter(pk__in=ids[start : start + 500]).update(
                anonymised_at=Coalesce("anonymised_at", models.Value(now)), **changes
            )
        redact_log_entries(Registration, ids)
    return len(ids)
