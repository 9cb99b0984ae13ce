"""Each family's reminders queued as background tasks for their due time, sent once.

The scheduling is read from the database backend's stored rows (the suite's ImmediateBackend
cannot defer); the task itself runs with `now` passed in, against the real database.
"""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import make_workshop
from workshops import services, services_running
from workshops.models import Registration, Workshop
from workshops.services_reminders import reminder_due_at, send_due_reminders, send_reminder
from workshops.tasks import send_scheduled_reminder

pytestmark = pytest.mark.django_db

DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)
TASK_PATH = "workshops.tasks.send_scheduled_reminder"


def scheduled():
    """(run_after, args) of the queued reminder tasks, in order."""
    rows = DBTaskResult.objects.filter(task_path=TASK_PATH).order_by("run_after", "enqueued_at")
    return [(row.run_after, row.args_kwargs["args"]) for row in rows]


def sign_up(workshop, capture, email):
    with capture(execute=True):
        return services.register(workshop, first_name="Amina", email=email, language="en")


def confirmed_long_ago(workshop, email="amina@example.org"):
    """A family that signed up well before (as the cron tests do)."""
    return Registration.objects.create(
        workshop=workshop,
        first_name="Amina",
        email=email,
        language="en",
        consent_at=workshop.starts_at - timedelta(days=10),
        created_at=workshop.starts_at - timedelta(days=10),
        status=Registration.Status.CONFIRMED,
    )


def reminders_to(address):
    return [m for m in mail.outbox if address in m.to]


@DATABASE_TASKS
def test_confirmed_sign_up_queues_both_reminders_at_their_times(
    django_capture_on_commit_callbacks,
):
    workshop = make_workshop(capacity=1)
    registration = sign_up(workshop, django_capture_on_commit_callbacks, "a@example.org")
    assert scheduled() == [
        (reminder_due_at(workshop, "reminder_48h"), [registration.pk, "reminder_48h"]),
        (reminder_due_at(workshop, "reminder_3h"), [registration.pk, "reminder_3h"]),
    ]
    # Ids and the reminder's name only: no name, address or text in the queue.
    row = DBTaskResult.objects.filter(task_path=TASK_PATH).first()
    assert row.args_kwargs["kwargs"] == {}
    assert "a@example.org" not in str(row.args_kwargs)


@DATABASE_TASKS
def test_waiting_family_gets_none_until_promoted(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=1)
    first = sign_up(workshop, django_capture_on_commit_callbacks, "a@example.org")
    DBTaskResult.objects.all().delete()
    waiting = sign_up(workshop, django_capture_on_commit_callbacks, "b@example.org")
    assert waiting.status == Registration.Status.WAITLISTED
    assert scheduled() == []
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel(first)
    assert [args for _, args in scheduled()] == [
        [waiting.pk, "reminder_48h"],
        [waiting.pk, "reminder_3h"],
    ]


@DATABASE_TASKS
def test_reminders_already_past_are_not_queued(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=5, starts_in=timedelta(hours=20))
    registration = sign_up(workshop, django_capture_on_commit_callbacks, "a@example.org")
    assert scheduled() == [
        (reminder_due_at(workshop, "reminder_3h"), [registration.pk, "reminder_3h"]),
    ]


@DATABASE_TASKS
def test_moved_workshop_gets_its_reminders_at_the_new_times(django_capture_on_commit_callbacks):
    workshop = make_workshop(capacity=5)
    registration = sign_up(workshop, django_capture_on_commit_callbacks, "a@example.org")
    DBTaskResult.objects.all().delete()
    edited = Workshop.objects.get(pk=workshop.pk)
    edited.starts_at += timedelta(days=2)
    edited.ends_at += timedelta(days=2)
    with django_capture_on_commit_callbacks(execute=True):
        services_running.update_workshop(edited)
    assert scheduled() == [
        (reminder_due_at(edited, "reminder_48h"), [registration.pk, "reminder_48h"]),
        (reminder_due_at(edited, "reminder_3h"), [registration.pk, "reminder_3h"]),
    ]


def test_task_sends_once_at_its_time(django_capture_on_commit_callbacks):
    workshop = make_workshop(starts_in=timedelta(days=3))
    registration = confirmed_long_ago(workshop)
    due_at = reminder_due_at(workshop, "reminder_48h")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminder(registration.pk, "reminder_48h", now=due_at) is True
    (message,) = reminders_to("amina@example.org")
    assert workshop.title in message.subject + message.body
    registration.refresh_from_db()
    assert registration.reminder_48h_sent_at == due_at
    # Again, or the cron command after it: nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminder(registration.pk, "reminder_48h", now=due_at) is False
        assert send_due_reminders(due_at + timedelta(minutes=5))["reminder_48h"] == 0
    assert len(reminders_to("amina@example.org")) == 1


def test_task_after_the_cron_sends_nothing(django_capture_on_commit_callbacks):
    workshop = make_workshop(starts_in=timedelta(days=3))
    registration = confirmed_long_ago(workshop)
    due_at = reminder_due_at(workshop, "reminder_3h")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_due_reminders(due_at)["reminder_3h"] == 1
        assert send_reminder(registration.pk, "reminder_3h", now=due_at) is False
    assert len(reminders_to("amina@example.org")) == 1


def test_task_skips_a_cancelled_place(django_capture_on_commit_callbacks):
    workshop = make_workshop(starts_in=timedelta(days=3))
    registration = confirmed_long_ago(workshop)
    services.cancel(registration)
    mail.outbox.clear()
    due_at = reminder_due_at(workshop, "reminder_48h")
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminder(registration.pk, "reminder_48h", now=due_at) is False
    assert reminders_to("amina@example.org") == []


def test_task_skips_a_cancelled_workshop(django_capture_on_commit_callbacks):
    workshop = make_workshop(starts_in=timedelta(days=3))
    registration = confirmed_long_ago(workshop)
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CANCELLED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert not send_reminder(
            registration.pk, "reminder_48h", now=reminder_due_at(workshop, "reminder_48h")
        )
    assert reminders_to("amina@example.org") == []


def test_task_for_the_old_time_of_a_moved_workshop_sends_nothing(
    django_capture_on_commit_callbacks,
):
    workshop = make_workshop(starts_in=timedelta(days=3))
    registration = confirmed_long_ago(workshop)
    old_due = reminder_due_at(workshop, "reminder_48h")
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=workshop.starts_at + timedelta(days=2),
        ends_at=workshop.ends_at + timedelta(days=2),
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminder(registration.pk, "reminder_48h", now=old_due) is False
    assert reminders_to("amina@example.org") == []
    registration.refresh_from_db()
    assert registration.reminder_48h_sent_at is None  # still to send, at the new time
    workshop.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        assert send_reminder(
            registration.pk, "reminder_48h", now=reminder_due_at(workshop, "reminder_48h")
        )
    assert len(reminders_to("amina@example.org")) == 1


def test_the_task_itself_runs_the_same_check(django_capture_on_commit_callbacks):
    """Run through the task (ImmediateBackend) now: not due yet, so nothing is sent."""
    workshop = make_workshop(starts_in=timedelta(days=7))
    registration = confirmed_long_ago(workshop)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = send_scheduled_reminder.enqueue(registration.pk, "reminder_48h")
    assert result.return_value is False
    assert reminders_to("amina@example.org") == []
    assert timezone.now() < reminder_due_at(workshop, "reminder_48h")
