"""How long a sign-up keeps its workshop locked, on PostgreSQL.

    .venv/bin/python bench/workshops_lock_hold.py [--sign-ups 300]

Sign-ups for one workshop are decided one at a time (`workshops.services`: the workshop row
is locked from `SELECT … FOR UPDATE` to `COMMIT`), so the time the lock is held bounds how
many sign-ups one workshop can decide per second, however many cores serve them. This runs
`services.register` in a row (no concurrency: the lock's own cost, not the wait for it) on the
storm benchmark's database and reports the time from taking the lock to the end of COMMIT,
and the time of each statement inside it (COMMIT itself is not a statement Django's
wrappers see).
"""

import argparse
import collections
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]

import workshops_signup_storm as storm  # noqa: E402 (the same database and settings)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sign-ups", type=int, default=300)
    args = parser.parse_args()
    env = storm.environment(pool=False)
    storm.prepare(env)
    os.environ.update(env)
    workshop_id = storm.create_workshop(capacity=40)

    from django.db import connection

    from workshops import services
    from workshops.models import Workshop

    held: list[float] = []
    statements: dict[str, list[float]] = collections.defaultdict(list)
    lock_workshop = services._lock_workshop

    def timed_lock(pk):
        started = time.perf_counter()
        workshop = lock_workshop(pk)
        # The first on-commit callback of the transaction: it runs right after COMMIT.
        connection.on_commit(lambda: held.append((time.perf_counter() - started) * 1000))
        return workshop

    def timed_statement(execute, sql, params, many, context):
        inside = connection.in_atomic_block  # the task enqueued after COMMIT is left out
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            if inside:
                kind = "SELECT … FOR UPDATE" if "FOR UPDATE" in sql else sql.split()[0]
                statements[kind].append((time.perf_counter() - started) * 1000)

    services._lock_workshop = timed_lock
    with connection.execute_wrapper(timed_statement):
        for number in range(args.sign_ups):
            services.register(
                Workshop(pk=workshop_id),
                first_name="Bench",
                email=f"lock{number}@bench.example.org",
            )
    print(f"{args.sign_ups} sign-ups in a row for one workshop, PostgreSQL")
    print(
        f"lock held (lock → end of COMMIT): median {statistics.median(held):.2f} ms, "
        f"p90 {statistics.quantiles(held, n=10)[-1]:.2f} ms"
    )
    for kind, times in statements.items():
        print(f"  {kind}: median {statistics.median(times):.2f} ms ({len(times)} statements)")
    print(f"so one workshop decides at most ≈ {1000 / statistics.median(held):.0f} sign-ups/s")


if __name__ == "__main__":
    main()
