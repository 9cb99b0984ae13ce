"""django-tasks-db's `db_worker`, which first makes sure the recurring tasks are queued.

The same command and options (this app comes before django_tasks_db in INSTALLED_APPS, so
its command wins). Each start queues, unless one already waits, a run of the nightly guest
purge and of the hourly observatory refresh, due at once: a first deployment, or a worker
killed in the middle of one of them, needs nothing more (`core.periodic`).
"""

import logging

from django_tasks_db.management.commands import db_worker

from coeduc.logfilters import RedactPersonalData
from observatory.tasks import schedule_refresh
from workshops.tasks import schedule_guest_purge


class Command(db_worker.Command):
    def configure_logging(self, verbosity: int) -> None:
        super().configure_logging(verbosity)
        # When no configured handler would write its logs, django-tasks-db adds a plain one
        # of its own: it must mask contacts as every other handler does (a failed task's
        # traceback can name the person it was for).
        for name in (db_worker.TASKS_LOGGER, db_worker.logger.name):
            for handler in logging.getLogger(name).handlers:
                if not any(isinstance(f, RedactPersonalData) for f in handler.filters):
                    handler.addFilter(RedactPersonalData())

    def handle(self, *args, **options):
        for name, schedule in (
            ("guest purge", schedule_guest_purge),
            ("observatory refresh", schedule_refresh),
        ):
            due = schedule(at_once=True)
            if due is not None and options["verbosity"]:
                self.stdout.write(f"{name} queued, next run {due.isoformat()}")
        return super().handle(*args, **options)
