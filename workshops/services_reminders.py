"""Reminders before a workshop, the follow-up after it, and forgetting guests' details.

Split from `services.py` by topic; the same rules hold: every change here runs in a
transaction and families are told through `core.notify` after the commit.
"""

from datetime import UTC, timedelta

from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils import timezone

from .models import Registration, Workshop
from .services import _notify_after_commit

REMINDERS = {
    "reminder_48h": ("reminder_48h_sent_at", timedelta(hours=48)),
    "reminder_3h": ("reminder_3h_sent_at", timedelta(hours=3)),
}
FOLLOWUP_WITHIN = timedelta(days=7)
GUEST_DATA_KEPT = timedelta(days=90)


def reminder_due_at(workshop: Workshop, kind: str):
    """The instant a reminder is due: exactly 48 h (or 3 h) of real time before the start.

    In UTC: subtracting from a local aware datetime would count wall-clock hours, an hour off
    across a change of clocks.
    """
    return workshop.starts_at.astimezone(UTC) - REMINDERS[kind][1]


def send_due_reminders(now=None) -> dict[str, int]:
    """Queue the reminders and follow-ups that are due, each at most once per family.

    Idempotent: a registration is marked (`reminder_48h_sent_at`, …) by a conditional UPDATE
    in the same transaction that queues its message, so two runs at once cannot both send it.
    A family that signed up after a reminder's time gets no such reminder (its confirmation
    is fresh); the 48 h reminder is skipped once the 3 h one is due.
    """
    now = now or timezone.now()
    counts = {}
    confirmed = Registration.objects.filter(
        status=Registration.Status.CONFIRMED, workshop__status=Workshop.Status.PUBLISHED
    )
    windows = {
        "reminder_48h": (timedelta(hours=48), timedelta(hours=3)),
        "reminder_3h": (timedelta(hours=3), timedelta(0)),
    }
    for kind, (before, until) in windows.items():
        field = REMINDERS[kind][0]
        due = confirmed.filter(
            **{f"{field}__isnull": True},
            workshop__starts_at__lte=now + before,
            workshop__starts_at__gt=now + until,
        ).filter(created_at__lt=models.F("workshop__starts_at") - before)
        counts[kind] = _mark_and_queue(due, field, now, kind)
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
                _notify_after_commit([pk], kind)
                sent += 1
    return sent


def purge_guest_data(now=None) -> int:
    """Erase first names and contact details 90 days after the workshop (the sign-up promise).

    Places, status, needs ticked and attendance stay, so the figures still add up.
    """
    now = now or timezone.now()
    return anonymise_registrations(
        Registration.objects.filter(
            anonymised_at__isnull=True, workshop__ends_at__lt=now - GUEST_DATA_KEPT
        ),
        now=now,
    )


def anonymise_registrations(registrations, *, now=None, detach_account=False) -> int:
    """The one way a registration forgets its family: the 90-day purge and a person's erasure
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
