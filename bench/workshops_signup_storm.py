"""500 families sign up for one 40-place workshop at the same second, through the ASGI server.

    .venv/bin/python bench/workshops_signup_storm.py [--clients 500] [--capacity 40] [--workers 2]

Needs PostgreSQL and Redis on 127.0.0.1 (as in production). Creates the database
`coeduc_bench` if missing and migrates it, collects the static files under
var/bench_workshops/, creates fresh published workshops, then starts
``uvicorn coeduc.asgi:application --loop uvloop --http httptools --ws wsproto --workers 2``
(SECRET_KEY set, DEBUG unset, REDIS_URL=redis://127.0.0.1:6379/5) with the project's settings
plus one control URL (bench/storm_settings.py, bench/storm_urls.py).

Each client is a real HTTP client on its own connection (bench/http_client.py, on uvloop:
light, so that the clients, which share the server's cores here, take as little of them as
possible): it opens the workshop page (cookie and CSRF token), then every client posts its
sign-up form at the same moment, without following the redirect. Each client sends its own
X-Forwarded-For address, which uvicorn (proxy headers from 127.0.0.1, its default) gives to
Django as REMOTE_ADDR: every family counts as a different connection for the guest rate
limit, as in real life — the limit is not raised.

Before the storm, 50 families sign up for another workshop (warm-up). After it, the control:
the same storm posted to a view that does nothing, to show what any request costs here.

Checks: exactly `capacity` places confirmed, everyone else on the waiting list, the waiting
list in arrival order (every confirmed family arrived before every waiting one, and the
waiting list's order is the order of insertion), zero 5xx. Reports p50/p99 of the POSTs and
of the control's, and the CPU time per request of uvicorn, PostgreSQL and Redis (Linux /proc).
"""

import argparse
import asyncio
import collections
import ipaddress
import os
import secrets
import statistics
import subprocess
import sys

import http_client  # bench/http_client.py (the script's folder is on sys.path)
from harness import ROOT, VENV, manage, wait_until_up

WORK = ROOT / "var" / "bench_workshops"
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/coeduc_bench"
PORT = 8765
TARGET_P99_MS = 1000
# Each run's families come from their own addresses (around 10.x.1.0, x drawn at random), so that
# the rate-limit counters of an earlier run, kept in Redis for 10 minutes, do not count.
RUN_NETWORK = int(ipaddress.IPv4Address(f"10.{secrets.randbelow(256)}.1.0"))


def environment(pool: bool) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG"}}
    env.update(
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        DATABASE_URL=DATABASE_URL,
        REDIS_URL="redis://127.0.0.1:6379/5",
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{PORT}",
        STATIC_ROOT=str(WORK / "static"),
        MEDIA_ROOT=str(WORK / "media"),
        LOG_LEVEL="WARNING",
        # The project's settings plus a control URL (bench/storm_settings.py).
        DJANGO_SETTINGS_MODULE="storm_settings",
        PYTHONPATH=os.pathsep.join([str(ROOT / "bench"), env.get("PYTHONPATH", "")]),
        # The pool is on by default on PostgreSQL (site/settings.py); size 0 turns it off here.
        DATABASE_POOL_SIZE="20" if pool else "0",
    )
    return env


def prepare(env: dict) -> None:
    created = subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", "coeduc_bench"],
        capture_output=True,
        text=True,
    )
    if created.returncode and "already exists" not in created.stderr:
        raise SystemExit(created.stderr)
    for args in (["migrate", "--noinput"], ["collectstatic", "--noinput"]):
        manage(env, *args)


def create_workshop(capacity: int) -> int:
    import django

    django.setup()
    from datetime import timedelta

    from django.utils import timezone

    from parents.models import Organisation, Territory
    from workshops.models import Venue, Workshop

    territory, _ = Territory.objects.get_or_create(code="02", defaults={"name": "Aisne"})
    organisation, _ = Organisation.objects.get_or_create(
        name="Bench organisation", defaults={"kind": Organisation.Kind.ASSOCIATION}
    )
    venue, _ = Venue.objects.get_or_create(
        organisation=organisation,
        name="Bench venue",
        defaults={"address": "1 rue du Banc", "commune": "Laon", "territory": territory},
    )
    starts_at = timezone.now() + timedelta(days=10)
    workshop = Workshop.objects.create(
        organisation=organisation,
        venue=venue,
        title="Bench: Pronote pas à pas",
        topic=Workshop.Topic.PRONOTE,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
        capacity=capacity,
        status=Workshop.Status.PUBLISHED,
        waitlist_enabled=True,
    )
    return workshop.pk


def check_result(workshop_id: int, capacity: int, clients: int) -> list[str]:
    from django.db import connection

    from workshops.models import Registration

    connection.close()
    rows = list(Registration.objects.filter(workshop_id=workshop_id).order_by("pk"))
    confirmed = [r for r in rows if r.status == Registration.Status.CONFIRMED]
    waiting = [r for r in rows if r.status == Registration.Status.WAITLISTED]
    problems = []
    expected = min(capacity, clients)
    if sum(r.seats for r in confirmed) != expected:
        problems.append(f"{sum(r.seats for r in confirmed)} places confirmed, not {expected}")
    if len(confirmed) + len(waiting) != clients:
        problems.append(f"{len(confirmed) + len(waiting)} sign-ups saved, not {clients}")
    if (
        confirmed
        and waiting
        and max(r.created_at for r in confirmed) > min(r.created_at for r in waiting)
    ):
        problems.append("a waiting family arrived before a confirmed one")
    by_time = sorted(waiting, key=lambda r: (r.created_at, r.pk))
    if [r.pk for r in by_time] != [r.pk for r in waiting]:
        problems.append("the waiting list is not in arrival order")
    return problems


class Client:
    """One family on its own connection: opens the workshop page, then posts its sign-up."""

    def __init__(self, number: int, path: str, post_path: str | None = None):
        self.number, self.path = number, path
        self.post_path = post_path or path
        address = str(ipaddress.IPv4Address(RUN_NETWORK + number))
        self.connection = http_client.Connection(
            "127.0.0.1", PORT, extra_headers={"X-Forwarded-For": address}
        )
        self.form = None

    async def get_form(self) -> int:
        response = await self.connection.request("GET", self.path)
        if response.status == 200:
            token = http_client.CSRF_FIELD.search(response.text).group(1)
            self.form = {
                "csrfmiddlewaretoken": token,
                "first_name": f"Parent{self.number}",
                "email": f"parent{self.number}@bench.example.org",
                "phone": "",
                "seats": "1",
                "consent": "on",
                "website": "",
            }
        return response.status

    async def post(self, go: asyncio.Event) -> tuple[int, float]:
        referer = f"http://127.0.0.1:{PORT}{self.path}"
        # A new connection (the server closes idle ones after 5 s; a browser would reconnect),
        # opened before the signal so that only the sign-up itself is timed.
        await self.connection.close()
        await self.connection.open()
        await go.wait()
        response = await self.connection.request(
            "POST", self.post_path, form=self.form, headers={"Referer": referer}
        )
        await self.connection.close()
        return response.status, response.milliseconds


async def storm(
    clients: list[Client], cpu: "CpuTime | None" = None
) -> tuple[list[int], list[tuple[int, float]]]:
    """Every client loads the form; once all have it, all post at the same moment.

    With `cpu`, the CPU time the server, PostgreSQL and Redis spend during the posts is added
    to it (the form loads are left out).
    """
    got = await asyncio.gather(*(c.get_form() for c in clients))
    ready = [c for c, status in zip(clients, got, strict=True) if status == 200]
    failed = [status for status in got if status != 200]
    go = asyncio.Event()
    posts = [asyncio.create_task(c.post(go)) for c in ready]
    await asyncio.sleep(0.5)  # every task is now waiting on the event
    before = cpu.read() if cpu else None
    go.set()
    results = await asyncio.gather(*posts)
    if cpu:
        cpu.add(before, cpu.read())
    return failed, results


class CpuTime:
    """CPU seconds (user + system) of the server's processes, PostgreSQL's and Redis's (Linux)."""

    def __init__(self, server_pid: int):
        self.server_pid = server_pid
        self.spent: collections.Counter = collections.Counter()

    def read(self) -> dict[int, tuple[str, float]]:
        ticks = os.sysconf("SC_CLK_TCK")
        readings = {}
        for pid in filter(str.isdigit, os.listdir("/proc")):
            try:
                with open(f"/proc/{pid}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
                with open(f"/proc/{pid}/comm") as comm:
                    name = comm.read().strip()
            except OSError:  # the process ended meanwhile
                continue
            parent = int(fields[1])
            if self.server_pid in (int(pid), parent):
                kind = "uvicorn"
            elif name in ("postgres", "redis-server"):
                kind = name
            else:
                continue
            readings[int(pid)] = (kind, (int(fields[11]) + int(fields[12])) / ticks)
        return readings

    def add(self, before: dict, after: dict) -> None:
        for pid, (kind, seconds) in after.items():
            self.spent[kind] += seconds - before.get(pid, (kind, 0.0))[1]

    def per_request(self, requests: int) -> str:
        return ", ".join(
            f"{kind} {seconds / requests * 1000:.1f} ms" for kind, seconds in self.spent.items()
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=40)
    parser.add_argument("--workers", type=int, default=2, help="uvicorn worker processes")
    parser.add_argument(
        "--no-pool",
        action="store_true",
        help="without the PostgreSQL connection pool (to see why it is there)",
    )
    args = parser.parse_args()

    WORK.mkdir(parents=True, exist_ok=True)
    env = environment(pool=not args.no_pool)
    prepare(env)
    os.environ.update(env)
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    workshop_id = create_workshop(args.capacity)
    warm_up_id = create_workshop(args.capacity)
    server = subprocess.Popen(
        [
            VENV / "uvicorn",
            "coeduc.asgi:application",
            "--loop", "uvloop", "--http", "httptools", "--ws", "wsproto",
            "--workers", str(args.workers), "--host", "127.0.0.1", "--port", str(PORT),
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )  # fmt: skip
    try:
        wait_until_up(f"http://127.0.0.1:{PORT}/healthz")
        # Warm-up, as on a server that has been up a while: 50 families sign up for another
        # workshop, so that the storm does not pay for first-use costs (regular expressions
        # compiled on first use, connections to Redis and PostgreSQL opened by the pools).
        warm_up = f"/fr/workshops/{warm_up_id}/"
        http_client.run(storm([Client(n, warm_up) for n in range(-50, 0)]))
        path = f"/fr/workshops/{workshop_id}/"
        clients = [Client(n, path) for n in range(1, args.clients + 1)]
        cpu, control_cpu = CpuTime(server.pid), CpuTime(server.pid)
        failed_gets, results = http_client.run(storm(clients, cpu))
        # The control: the same storm from new families, posted to a view that does nothing.
        controls = [
            Client(n, path, post_path="/bench/nothing/")
            for n in range(args.clients + 1, 2 * args.clients + 1)
        ]
        _, control_results = http_client.run(storm(controls, control_cpu))
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)

    statuses = collections.Counter(status for status, _ms in results)
    problems = check_result(workshop_id, args.capacity, len(results))
    if failed_gets:
        problems.append(f"{len(failed_gets)} GETs of the form failed: {sorted(set(failed_gets))}")
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    if server_errors:
        problems.append(f"{server_errors} responses 5xx")
    print(f"workshop {workshop_id}: {args.clients} simultaneous sign-ups, {args.capacity} places")
    print(f"uvicorn workers: {args.workers}; CPU cores: {os.cpu_count()}")
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    p50, p99, slowest = percentiles(results)
    print(f"sign-up POST latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {slowest:.0f} ms")
    print(
        "control, the same storm on a view that does nothing: p50 {:.0f} ms, p99 {:.0f} ms, "
        "max {:.0f} ms".format(*percentiles(control_results))
    )
    print(f"CPU per sign-up: {cpu.per_request(len(results))}")
    print(f"CPU per control request: {control_cpu.per_request(len(control_results))}")
    if p99 > TARGET_P99_MS:
        print(f"p99 over the {TARGET_P99_MS} ms target")
    if problems:
        print("FAILED: " + "; ".join(problems))
        sys.exit(1)
    print(f"OK: {args.capacity} confirmed, {args.clients - args.capacity} waiting in arrival order")


def percentiles(results: list[tuple[int, float]]) -> tuple[float, float, float]:
    latencies = sorted(ms for _status, ms in results) or [0.0]
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    return statistics.median(latencies), p99, latencies[-1]


if __name__ == "__main__":
    main()
