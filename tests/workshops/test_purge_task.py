"""The nightly purge of guests' details: a background task that queues its next night itself,
reads what is due when it runs, and is started by every worker start.

The queue is read from the database backend's rows (the suite's ImmediateBackend cannot
defer); the last test runs the real worker (`db_worker --batch`) on them.
"""

from datetime import UTC, datetime, time, timedelta

import pytest
from django.test import override_settings
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.periodic import next_local_time
from tests.factories import make_workshop
from tests.task_worker import DATABASE_TASKS, waiting_runs
from workshops import services_running
from workshops.models import Registration, Workshop
from workshops.services_reminders import guest_data_kept
from workshops.tasks import purge_guest_data_nightly, schedule_guest_purge

TASK_PATH = "workshops.tasks.purge_guest_data_nightly"


def queued():
    """run_after of the purge runs waiting in the queue."""
    return waiting_runs(TASK_PATH)


def guest_of(workshop, email):
    return Registration.objects.create(
        workshop=workshop,
        first_name="Amina",
        email=email,
        phone="+33612345678",
        needs_details="Poussette",
        consent_at=workshop.starts_at - timedelta(days=5),
        created_at=workshop.starts_at - timedelta(days=5),
        status=Registration.Status.CONFIRMED,
    )


def ended_days_ago(days, **fields):
    ends_at = timezone.now() - timedelta(days=days)
    return make_workshop(starts_at=ends_at - timedelta(hours=2), ends_at=ends_at, **fields)


def is_erased(registration):
    registration.refresh_from_db()
    return (registration.first_name, registration.email, registration.phone) == ("", None, None)


@pytest.mark.django_db
@DATABASE_TASKS
def test_a_worker_start_queues_one_run_at_once_however_often_it_asks():
    now = timezone.now()
    assert schedule_guest_purge(at_once=True, now=now) == now
    assert schedule_guest_purge(at_once=True, now=now + timedelta(minutes=1)) == now
    assert schedule_guest_purge() == now  # a run already waits: no second chain
    assert queued() == [now]
    # Ids only in the queue: the task takes no arguments at all.
    assert DBTaskResult.objects.get(task_path=TASK_PATH).args_kwargs == {"args": [], "kwargs": {}}


@pytest.mark.django_db
@DATABASE_TASKS
def test_each_run_queues_the_next_night_at_three_before_purging():
    purge_guest_data_nightly.call()
    [next_run] = queued()
    assert next_run == next_local_time(time(3, 0))
    local = timezone.localtime(next_run)
    assert (local.hour, local.minute) == (3, 0)
    assert timezone.now() < next_run <= timezone.now() + timedelta(days=1)


def test_next_night_is_three_local_time_across_a_change_of_clocks():
    # 2026-03-29: France moves from UTC+1 to UTC+2 at 02:00.
    before = timezone.make_aware(datetime(2026, 3, 28, 12, 0))
    after = next_local_time(time(3, 0), before)
    assert timezone.localtime(after).hour == 3
    # 15 hours on the wall clock, one of them skipped: 14 hours of real time.
    assert after.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=14)


@pytest.mark.django_db
def test_the_run_erases_what_is_due_and_keeps_what_is_not_yet():
    due = guest_of(ended_days_ago(91), "due@example.org")
    not_yet = guest_of(ended_days_ago(89), "soon@example.org")
    future = guest_of(make_workshop(), "future@example.org")

    assert purge_guest_data_nightly.enqueue().return_value == 1
    assert is_erased(due)
    assert not is_erased(not_yet) and not is_erased(future)
    # Twice, or early: nothing more, nothing wrong.
    assert purge_guest_data_nightly.enqueue().return_value == 0
    assert not is_erased(not_yet)
    due.refresh_from_db()
    assert due.status == Registration.Status.CONFIRMED  # the figures keep their place


@pytest.mark.django_db
def test_a_workshop_moved_later_is_not_purged_at_its_old_time(
    django_capture_on_commit_callbacks,
):
    workshop = ended_days_ago(91)
    registration = guest_of(workshop, "moved@example.org")
    edited = Workshop.objects.get(pk=workshop.pk)
    edited.starts_at += timedelta(days=60)
    edited.ends_at += timedelta(days=60)
    with django_capture_on_commit_callbacks(execute=True):
        services_running.update_workshop(edited)

    assert purge_guest_data_nightly.enqueue().return_value == 0
    assert not is_erased(registration)


@pytest.mark.django_db
@override_settings(WORKSHOPS_GUEST_DATA_DAYS=60)
def test_the_retention_is_a_setting_and_the_privacy_page_says_it(client):
    assert guest_data_kept() == timedelta(days=60)
    assert "erased 60 days after the workshop" in client.get("/en/privacy/").content.decode()
    due = guest_of(ended_days_ago(61), "due@example.org")
    kept = guest_of(ended_days_ago(59), "kept@example.org")
    assert purge_guest_data_nightly.enqueue().return_value == 1
    assert is_erased(due) and not is_erased(kept)


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens connections
def test_the_real_worker_runs_the_purge_at_its_start_and_queues_the_next_night(task_worker):
    registration = guest_of(ended_days_ago(91), "due@example.org")
    assert "guest purge queued" in task_worker()
    assert is_erased(registration)
    [done] = DBTaskResult.objects.filter(task_path=TASK_PATH, status=TaskResultStatus.SUCCESSFUL)
    assert done.return_value == 1
    assert queued() == [next_local_time(time(3, 0), done.started_at)]
    # A second start finds the next night queued and adds nothing.
    task_worker()
    assert DBTaskResult.objects.filter(task_path=TASK_PATH).count() == 2
