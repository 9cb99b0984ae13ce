"""Background tasks of the workshops: each family's reminder, queued for its due time, and
the nightly purge of guests' details."""

from django_tasks import task

from .services_reminders import purge_guest_data, schedule_guest_purge, send_reminder


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
