"""The real task worker for the tests of recurring tasks: the database queue and one batch run.

The suite's ImmediateBackend runs a task at once and cannot defer, so these tests use
django-tasks-db's backend (`DATABASE_TASKS`), read its rows (`waiting_runs`) and run its worker
(`task_worker`). The sub-conftests of the apps that have such tasks make the fixture visible.
"""

import io
import signal

import pytest
from django.core.management import call_command
from django.test import override_settings
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

DATABASE_TASKS = override_settings(
    TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
)


def waiting_runs(task_path: str) -> list:
    """run_after of the runs of `task_path` waiting in the queue, earliest first."""
    rows = DBTaskResult.objects.filter(task_path=task_path, status=TaskResultStatus.READY)
    return sorted(rows.values_list("run_after", flat=True))


@pytest.fixture
def task_worker():
    """Run the site's `db_worker` once, on the database queue: it queues the recurring tasks
    (as every start does), runs what is due and stops (`--batch`). Returns what it printed.

    Needs `django_db(transaction=True)`: the worker closes and reopens connections. It
    installs its own SIGINT/SIGTERM/SIGQUIT handlers; pytest gets its own back.
    """
    saved = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}

    def run() -> str:
        out = io.StringIO()
        call_command(
            "db_worker", batch=True, reload=False, startup_delay=False, interval=0, stdout=out
        )
        return out.getvalue()

    with DATABASE_TASKS:
        yield run
    for sig, handler in saved.items():
        signal.signal(sig, handler)
