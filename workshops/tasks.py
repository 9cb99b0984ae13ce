"""Background tasks of the workshops, and what queues them: each family's reminder, queued for
its due time, and the nightly purge of guests' details.

The tasks run `services_reminders`; the services queue them through `schedule_reminders`
here. Nothing below imports the services, so the dependencies run one way.
"""

from datetime import time

from django.utils import timezone
from django_tasks import task

from core.periodic import next_local_time, queue_once

from .models import Registration, Workshop
from .services_reminders import REMINDERS, purge_guest_data, reminder_due_at, send_reminder

# The nightly purge runs at this local time, when nobody signs up.
PURGE_AT = time(3, 0)


@task()
def send_scheduled_reminder(registration_id: int, kind: str) -> bool:
    """Run at the reminder's due time; `send_reminder` checks again that it is still due."""
    return send_reminder(registration_id, kind)


@task()
def purge_guest_data_nightly() -> int:
    """Erase the guests' details that are due, every night (`core.periodic`).

    One nightly run rather than a task per sign-up due at its workshop's end: the run reads
    what is due when it runs, so a workshop moved (by its form, the admin or a bulk update) or
    a changed `WORKSHOPS_GUEST_DATA_DAYS` needs no queued task kept in step, and the queue
    holds one row instead of one per family. Tomorrow's run is queued first, so a failure
    here does not end the chain.
    """
    schedule_guest_purge()
    return purge_guest_data()


def schedule_reminders(registration_ids, now=None) -> int:
    """Queue one `send_scheduled_reminder` per reminder still to come, to run at its due time.

    Called after the commit that confirmed the places (sign-up, promotion) or moved the
    workshop. The task checks everything again when it runs (`send_reminder`), so a task
    left over from an old time or a cancelled place sends nothing. A backend that cannot
    defer (the tests' ImmediateBackend) would send at once: nothing is queued, and the
    `send_reminders` command catches up as before.
    """
    if not send_scheduled_reminder.get_backend().supports_defer:
        return 0
    now = now or timezone.now()
    queued = 0
    registrations = Registration.objects.filter(
        pk__in=list(registration_ids),
        status=Registration.Status.CONFIRMED,
        workshop__status=Workshop.Status.PUBLISHED,
    ).select_related("workshop")
    for registration in registrations:
        for kind in REMINDERS:
            due_at = reminder_due_at(registration.workshop, kind)
            if due_at > now and getattr(registration, REMINDERS[kind][0]) is None:
                send_scheduled_reminder.using(run_after=due_at).enqueue(registration.pk, kind)
                queued += 1
    return queued


def schedule_guest_purge(*, at_once=False, now=None):
    """Queue the nightly purge unless a run of it already waits: for the next `PURGE_AT`, or
    `at_once` when a worker starts (catching up whatever was missed while no run was queued).
    Returns when the waiting run is due."""
    now = now or timezone.now()
    return queue_once(purge_guest_data_nightly, now if at_once else next_local_time(PURGE_AT, now))
