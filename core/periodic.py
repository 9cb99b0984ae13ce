"""Recurring background tasks: each run queues the next one, and one run at a time waits.

Why a chain of queued runs rather than cron alone: the queued row lives in the database, so a
worker that was down runs it late rather than never, and a deployment needs nothing besides
`db_worker`. Each run queues its successor *before* doing its work (a failing run does not
end the chain), and every worker start calls the apps' `schedule_*` functions again (the
site's `db_worker` command), which restarts a chain that a killed worker left behind. The
work itself must be idempotent: it reads what is due at the time it runs.
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from django.utils import timezone
from django_tasks import TaskResultStatus

logger = logging.getLogger(__name__)


def queue_once(task, run_after: datetime) -> datetime | None:
    """Queue `task` (it takes no arguments) for `run_after`, unless a run of it already waits.

    Returns when the waiting run is due (the one found or the one just queued). None where the
    backend cannot defer (the tests' ImmediateBackend would run it at once, and that run would
    queue the next one at once, forever) or cannot be asked what waits.
    """
    from django_tasks_db import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    backend = task.get_backend()
    if not isinstance(backend, DatabaseBackend):
        if backend.supports_defer:
            logger.warning("%s not scheduled: only the database backend is supported", task.name)
        return None
    waiting = (
        DBTaskResult.objects.filter(
            task_path=task.module_path,
            backend_name=backend.alias,
            status=TaskResultStatus.READY,
        )
        .order_by("run_after")
        .values_list("run_after", flat=True)
        .first()
    )
    if waiting is not None:
        return waiting
    task.using(run_after=run_after).enqueue()
    return run_after


def next_local_time(at: time, now: datetime | None = None) -> datetime:
    """The next moment after `now` when the site's clock (TIME_ZONE) reads `at`."""
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    candidate = timezone.make_aware(datetime.combine(today, at))
    if candidate <= now:
        candidate = timezone.make_aware(datetime.combine(today + timedelta(days=1), at))
    return candidate


def next_hour(now: datetime | None = None) -> datetime:
    """The start of the next hour after `now`."""
    now = now or timezone.now()
    return now.replace(minute=0, second=0, microsecond=0) + timedelta(hours=1)
