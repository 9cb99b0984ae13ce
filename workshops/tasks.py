"""Background tasks of the workshops: each family's reminder, queued for its due time."""

from django_tasks import task

from .services_reminders import send_reminder


@task()
def send_scheduled_reminder(registration_id: int, kind: str) -> bool:
    """Run at the reminder's due time; `send_reminder` checks again that it is still due."""
    return send_reminder(registration_id, kind)
