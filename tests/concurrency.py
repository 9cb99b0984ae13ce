"""Real concurrent clients for the concurrency tests: threads, each with its own connection."""

import threading

from django.db import connections


def run_at_once(count, work):
    """Start `count` threads together (a barrier), run `work(index)` in each; return the errors."""
    barrier = threading.Barrier(count)
    errors = []

    def worker(index):
        try:
            barrier.wait(timeout=30)
            work(index)
        except Exception as error:  # noqa: BLE001 - collected and asserted on
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return errors
