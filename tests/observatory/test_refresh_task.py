"""The observatory's summary kept current by a background task: every hour it recomputes the
open months and queues its next run; every worker start makes sure one run waits.

The queue is read from the database backend's rows (the suite's ImmediateBackend cannot
defer); the last test runs the real worker (`db_worker --batch`).
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from core.periodic import next_hour
from observatory import summary
from observatory.models import MonthlyFigures
from observatory.tasks import refresh_observatory_hourly, schedule_refresh
from tests.factories import add_registrations, make_territory, make_venue, make_workshop
from tests.task_worker import DATABASE_TASKS, waiting_runs

TASK_PATH = "observatory.tasks.refresh_observatory_hourly"


def queued():
    return waiting_runs(TASK_PATH)


def workshop_held_today():
    """A workshop held three hours ago (in an open month, whatever the day) with 6 families."""
    aisne = make_territory("02", "Aisne")
    workshop = make_workshop(
        venue=make_venue(territory=aisne, commune="Laon"),
        starts_at=timezone.now() - timedelta(hours=3),
    )
    add_registrations(workshop, 6)
    return aisne, workshop


def whole_territory(territory, workshop):
    return MonthlyFigures.objects.get(
        territory=territory,
        month=summary.month_of(workshop.starts_at),
        organisation=None,
        commune="*",
    )


@pytest.mark.django_db
@DATABASE_TASKS
def test_a_worker_start_queues_one_refresh_at_once_however_often_it_asks():
    now = timezone.now()
    assert schedule_refresh(at_once=True, now=now) == now
    assert schedule_refresh(at_once=True, now=now + timedelta(seconds=5)) == now
    assert schedule_refresh() == now
    assert queued() == [now]


@pytest.mark.django_db
@DATABASE_TASKS
def test_a_run_queues_the_next_hour_and_brings_the_open_month_up_to_date():
    aisne, workshop = workshop_held_today()
    assert not MonthlyFigures.objects.exists()

    assert refresh_observatory_hourly.call() > 0
    [next_run] = queued()
    assert next_run == next_hour()
    cell = whole_territory(aisne, workshop)
    assert (cell.workshops_held, cell.families) == (1, 6)

    # A family more before the next run: the next run counts it.
    add_registrations(workshop, 1, prefix="late")
    refresh_observatory_hourly.call()
    assert whole_territory(aisne, workshop).families == 7
    assert len(queued()) == 1  # the run already waiting is kept, no second chain


def test_next_hour_is_the_start_of_the_next_hour():
    now = timezone.now().replace(minute=59, second=30)
    assert next_hour(now) == now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)


@pytest.mark.django_db(transaction=True)  # the worker closes and reopens connections
def test_the_real_worker_refreshes_at_its_start_and_queues_the_next_hour(task_worker):
    aisne, workshop = workshop_held_today()
    assert "observatory refresh queued" in task_worker()
    assert whole_territory(aisne, workshop).families == 6
    [done] = DBTaskResult.objects.filter(task_path=TASK_PATH, status=TaskResultStatus.SUCCESSFUL)
    assert done.return_value > 0
    assert queued() == [next_hour(done.started_at)]
