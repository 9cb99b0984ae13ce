"""500 families sign up for one 40-place workshop at the same second, through the ASGI server.

    .venv/bin/python bench/workshops_signup_storm.py [--clients 500] [--capacity 40]

Needs PostgreSQL and Redis on 127.0.0.1 (as in production). Creates the database
`coeduc_bench` if missing and migrates it, collects the static files under
var/bench_workshops/, creates a fresh published workshop, then starts
``uvicorn coeduc.asgi:application --loop uvloop --http httptools --ws wsproto --workers 2``
(SECRET_KEY set, DEBUG unset, REDIS_URL=redis://127.0.0.1:6379/5).

Each client is a real HTTP client (urllib in a thread pool driven by asyncio): it opens the
workshop page (cookie and CSRF token), then every client posts its sign-up form at the same
moment (a barrier), without following the redirect. Each client sends its own
X-Forwarded-For address, which uvicorn (proxy headers from 127.0.0.1, its default) gives to
Django as REMOTE_ADDR: every family counts as a different connection for the guest rate
limit, as in real life — the limit is not raised.

Checks: exactly `capacity` places confirmed, everyone else on the waiting list, the waiting
list in arrival order (every confirmed family arrived before every waiting one, and the
waiting list's order is the order of insertion), zero 5xx. Reports p50/p99 of the POSTs.
"""

import argparse
import asyncio
import http.cookiejar
import os
import re
import secrets
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "bin"
WORK = ROOT / "var" / "bench_workshops"
DATABASE_URL = "postgres://postgres@127.0.0.1:5432/coeduc_bench"
PORT = 8765
TARGET_P99_MS = 1000


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
        DJANGO_SETTINGS_MODULE="coeduc.settings",
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
        subprocess.run(
            [VENV / "python", ROOT / "manage.py", *args],
            env=env,
            cwd=ROOT,
            check=True,
            stdout=subprocess.DEVNULL,
        )


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
    def __init__(self, number: int, base: str, path: str):
        self.number = number
        self.base, self.path = base, path
        self.address = f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256 or 1}"
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )
        self.form = None

    def get_form(self) -> int:
        """The status of the GET (200 when the form is ready to post)."""
        try:
            self._get_form()
        except urllib.error.HTTPError as error:
            return error.code
        return 200

    def _get_form(self) -> None:
        request = urllib.request.Request(
            self.base + self.path, headers={"X-Forwarded-For": self.address}
        )
        with self.opener.open(request, timeout=60) as response:
            html = response.read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        self.form = {
            "csrfmiddlewaretoken": token,
            "first_name": f"Parent{self.number}",
            "email": f"parent{self.number}@bench.example.org",
            "phone": "",
            "seats": "1",
            "consent": "on",
            "website": "",
        }

    def post(self, barrier: threading.Barrier) -> tuple[int, float, float]:
        body = urllib.parse.urlencode(self.form).encode()
        request = urllib.request.Request(
            self.base + self.path,
            data=body,
            headers={
                "X-Forwarded-For": self.address,
                "Referer": self.base + self.path,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        barrier.wait()
        sent = time.monotonic()
        try:
            with self.opener.open(request, timeout=120) as response:
                response.read()
                status = response.status
        except urllib.error.HTTPError as error:
            status = error.code
        return status, sent, (time.monotonic() - sent) * 1000


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


async def storm(clients: list[Client]) -> list[tuple[int, float, float]]:
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=len(clients)) as pool:
        got = await asyncio.gather(*(loop.run_in_executor(pool, c.get_form) for c in clients))
        failed = [(status, 0.0, 0.0) for status in got if status != 200]
        ready = [c for c, status in zip(clients, got, strict=True) if status == 200]
        if failed:
            print(f"{len(failed)} GETs of the form failed: {sorted({s for s, *_ in failed})}")
        barrier = threading.Barrier(len(ready))
        posted = await asyncio.gather(*(loop.run_in_executor(pool, c.post, barrier) for c in ready))
        return failed + list(posted)


def wait_until_up(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(url, timeout=5).read()
            return
        except (OSError, urllib.error.HTTPError):
            time.sleep(0.3)
    raise SystemExit(f"the server did not answer at {url}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--capacity", type=int, default=40)
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
    server = subprocess.Popen(
        [
            VENV / "uvicorn",
            "coeduc.asgi:application",
            "--loop", "uvloop", "--http", "httptools", "--ws", "wsproto",
            "--workers", "2", "--host", "127.0.0.1", "--port", str(PORT),
            "--no-access-log",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )  # fmt: skip
    try:
        base = f"http://127.0.0.1:{PORT}"
        wait_until_up(base + "/healthz")
        path = f"/fr/workshops/{workshop_id}/"
        clients = [Client(n, base, path) for n in range(1, args.clients + 1)]
        started = time.monotonic()
        results = asyncio.run(storm(clients))
        elapsed = time.monotonic() - started
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=30)

    statuses: dict[int, int] = {}
    for status, _sent, _ms in results:
        statuses[status] = statuses.get(status, 0) + 1
    latencies = sorted(ms for _status, sent, ms in results if sent) or [0.0]
    p50 = statistics.median(latencies)
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    posted = sum(1 for _status, sent, _ms in results if sent)
    problems = check_result(workshop_id, args.capacity, posted)
    server_errors = sum(n for status, n in statuses.items() if status >= 500)
    if server_errors:
        problems.append(f"{server_errors} responses 5xx")
    print(f"workshop {workshop_id}: {args.clients} simultaneous sign-ups, {args.capacity} places")
    print(f"settings: {env['DJANGO_SETTINGS_MODULE']}")
    print(f"HTTP statuses: {dict(sorted(statuses.items()))}")
    print(f"POST latency: p50 {p50:.0f} ms, p99 {p99:.0f} ms, max {latencies[-1]:.0f} ms")
    print(f"whole storm (GET + POST): {elapsed:.1f} s")
    if p99 > TARGET_P99_MS:
        print(f"p99 over the {TARGET_P99_MS} ms target")
    if problems:
        print("FAILED: " + "; ".join(problems))
        sys.exit(1)
    print(f"OK: {args.capacity} confirmed, {args.clients - args.capacity} waiting in arrival order")


if __name__ == "__main__":
    main()
