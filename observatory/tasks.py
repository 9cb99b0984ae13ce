"""Background tasks of the observatory: the monthly summary refreshed every hour."""

from django.utils import timezone
from django_tasks import task

from core.periodic import next_hour, queue_once

from . import summary


@task()
def refresh_observatory_hourly() -> int:
    """Recompute the open months, every hour (`core.periodic`): the dashboard reads only the
    summary table, so this is what keeps it current. The next run is queued first, so a
    failure here does not end the chain. Returns the cells computed."""
    schedule_refresh()
    return summary.refresh()


def schedule_refresh(*, at_once=False, now=None):
    """Queue the hourly refresh unless a run of it already waits: at the next hour, or
    `at_once` when a worker starts. Returns when the waiting run is due."""
    now = now or timezone.now()
    return queue_once(refresh_observatory_hourly, now if at_once else next_hour(now))
