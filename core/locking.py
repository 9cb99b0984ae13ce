"""The one place that locks a row for a decision (capacity, a stage, a claim).

On PostgreSQL `SELECT … FOR UPDATE` makes concurrent deciders wait for each other; on SQLite
writes are serialised by the database itself and `select_for_update()` is a no-op. Must be
called inside `transaction.atomic()`.
"""

from django.db import transaction


def lock(queryset_or_model, pk):
    """The row `pk`, locked until the end of the current transaction."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("lock() must be called inside transaction.atomic()")
    manager = getattr(queryset_or_model, "_default_manager", queryset_or_model)
    return manager.select_for_update().get(pk=pk)
