"""A realistic mixed load on the production layout (deploy/run-local), one worker then two.

    .venv/bin/python bench/production_load.py [--seconds 30] [--parents 12] [--chatters 24]
        [--worker-cores 0.4] [--order 1,2]

Starts `deploy/run-local --workers 1` (nginx, one uvicorn worker, the background worker, with
the demo), drives it through nginx for `--seconds` after a warm-up, stops it, and does the same
with `--workers 2`; prints requests/s, p50/p95/p99 per kind, errors, the rooms' delivery and
the ratio of the two throughputs. DATABASE_URL (postgres://postgres@127.0.0.1:5432/
coeduc_bench_production, created and migrated by run-local; kept between runs) and REDIS_URL
(redis://127.0.0.1:6379/5) as for run-local; its files under var/bench_production/.

The load, in the proportions of MIX below: parents reading guides, browsing and signing up for
the demo's workshops as guests (the form's page, its CSRF token, the form sent), opening a room
page signed in; and members chatting in the demo's rooms on WebSockets (a message every
CHAT_INTERVAL seconds each, timed to every member of the room). The parents are a closed loop
without think time: together they keep the workers busy, so requests/s is what the layout
serves. Two workers get twice the parents of one: if the throughput doubles, the time of each
request stays the same (Little's law), so the two runs compare throughputs at (about) the same
p95, which the report shows side by side. The chat's rate is the same in both runs.

With `--worker-cores C`, each uvicorn worker runs in a CPU cgroup of its own, held to C of a
core (the kernel's CFS quota; cgroup v1's `cpu` controller, as root): an app server of that
size. On one 2-core machine, where nginx, PostgreSQL, Redis and these clients share the cores
with the workers, that is how the ratio shows what one more app server adds, rather than how
many cores the machine has left (without it, one worker already takes most of one core and
the others the rest). The report gives each worker's CPU and how often the quota stopped it.

The guest sign-up limits per address (WORKSHOPS_SIGNUP_RATE_LIMIT, _ADDRESS_LIMIT,
_CONTACT_LIMIT) are raised to 1,000,000 in run-local's environment: every parent of the bench
comes from 127.0.0.1, and the limit would otherwise refuse them after the tenth sign-up.

Why not Locust: it drives HTTP well, but it has no WebSocket client of its own (the rooms
would need a third-party plugin or a hand-written gevent client), and it runs on gevent, which
cannot share a process with the asyncio `websockets` client the rooms' tests already use. The
clients here are asyncio, on uvloop, light (bench/http_client.py: one keep-alive HTTP/1.1
connection per parent), since they share the machine's cores with the server they measure.
"""

import argparse
import asyncio
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import http_client  # bench/http_client.py (the script's folder is on sys.path)
from harness import ROOT
from production_clients import Chat, Figures, Parent

MIX = {"guide": 0.55, "workshops": 0.15, "signup": 0.15, "room_page": 0.15}
CHAT_INTERVAL = 5.0  # seconds between two messages of one member (the rooms allow 5 in 10 s)
WARM_UP = 5.0
WORK = ROOT / "var" / "bench_production"
TARGET_RATIO = 1.7
CPU_CGROUPS = Path("/sys/fs/cgroup/cpu")  # cgroup v1's cpu controller
CFS_PERIOD_US = 100_000
# Members of the demo's rooms, sessions for them (printed as JSON on the last line).
SETUP = """
import json
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from guides.models import GuidePage
from parents.models import Territory, User
from rooms import services
from rooms.models import Room
from workshops.models import Workshop
guides = [page.url for page in Page.objects.live().type(GuidePage).specific()]
workshops = list(Workshop.objects.filter(status="published", starts_at__gt=timezone.now())
                 .values_list("pk", flat=True))
rooms = list(Room.objects.active().order_by("pk"))
members = []
for number in range({chatters}):
    room = rooms[number % len(rooms)]
    territory = room.territory or Territory.objects.order_by("pk").first()
    user, _ = User.objects.get_or_create(
        email=f"bench-chat-{{number}}@example.org",
        defaults={{"display_name": f"Parent {{number}}", "territory": territory}})
    user.territory = territory
    user.save()
    services.accept_rules(user, room)
    browser = Client()
    browser.force_login(user)
    members.append([room.slug, "sessionid=" + browser.cookies["sessionid"].value])
print(json.dumps({{"guides": guides, "workshops": workshops, "members": members}}))
"""


def environment(args) -> dict:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "DATABASE_URL": os.environ.get(
            "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coeduc_bench_production"
        ),
        "REDIS_URL": os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/5"),
        "RUN_LOCAL_DIR": str(WORK),
        "RUN_LOCAL_PORT": str(args.port),
        "RUN_LOCAL_WEB_PORT": str(args.port + 1),
        "LOG_LEVEL": "WARNING",
    }
    for name in ("RATE_LIMIT", "ADDRESS_LIMIT", "CONTACT_LIMIT"):
        env[f"WORKSHOPS_SIGNUP_{name}"] = "1000000"
    return env


class RunLocal:
    def __init__(self, env: dict, workers: int, demo: bool) -> None:
        WORK.mkdir(parents=True, exist_ok=True)
        self.env = env
        self.output = open(WORK / f"run-local-{workers}.out", "w")  # noqa: SIM115
        options = ["--workers", str(workers)] + ([] if demo else ["--no-demo"])
        self.process = subprocess.Popen(
            [str(ROOT / "deploy" / "run-local"), *options],
            cwd=ROOT,
            env=env,
            stdout=self.output,
            stderr=subprocess.STDOUT,
        )
        path = WORK / f"run-local-{workers}.out"
        deadline = time.monotonic() + 300
        while "run-local: ready" not in path.read_text(errors="replace"):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise SystemExit(f"run-local did not start:\n{path.read_text()[-3000:]}")
            time.sleep(0.5)

    def manage(self, *args: str) -> str:
        command = '. "$0/env" && exec .venv/bin/python manage.py "$@"'
        return subprocess.run(
            ["bash", "-c", command, str(WORK), *args],
            cwd=ROOT,
            env={"PATH": self.env["PATH"], "LANG": "C.UTF-8"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=60)
        self.output.close()


class WorkerCgroups:
    """Each worker of run-local (its pid file) in a cgroup of its own, held to `cores`."""

    def __init__(self, port: int, workers: int, cores: float) -> None:
        if not (CPU_CGROUPS / "cgroup.procs").exists():
            raise SystemExit(f"--worker-cores needs cgroup v1's cpu controller at {CPU_CGROUPS}")
        self.groups = []
        for web_port in range(port + 1, port + 1 + workers):
            group = CPU_CGROUPS / f"coeduc-bench-web-{web_port}"
            group.mkdir(exist_ok=True)
            (group / "cpu.cfs_period_us").write_text(str(CFS_PERIOD_US))
            (group / "cpu.cfs_quota_us").write_text(str(int(cores * CFS_PERIOD_US)))
            (group / "cgroup.procs").write_text((WORK / f"web-{web_port}.pid").read_text())
            self.groups.append(group)

    def throttled(self) -> dict[str, tuple[int, int]]:
        """Per group: (periods, periods in which the quota stopped the worker)."""
        found = {}
        for group in self.groups:
            stat = dict(line.split() for line in (group / "cpu.stat").read_text().splitlines())
            found[group.name] = (int(stat["nr_periods"]), int(stat["nr_throttled"]))
        return found

    def remove(self) -> None:
        """Once the workers have exited (an empty cgroup can be removed)."""
        for group in self.groups:
            for _ in range(50):
                try:
                    group.rmdir()
                    break
                except OSError:
                    time.sleep(0.1)


def cpu_seconds() -> dict[str, float]:
    """CPU seconds so far of uvicorn, nginx, PostgreSQL, Redis, this script, and the machine."""
    ticks = os.sysconf("SC_CLK_TCK")
    spent = dict.fromkeys(["uvicorn", "nginx", "postgres", "redis-server", "bench"], 0.0)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
            with open(f"/proc/{pid}/comm") as comm:
                name = comm.read().strip()
        except OSError:
            continue
        name = "bench" if int(pid) == os.getpid() else name
        if name in spent:
            spent[name] += (int(fields[11]) + int(fields[12])) / ticks
    with open("/proc/stat") as stat:
        user, nice, system, idle, iowait, *rest = map(int, stat.readline().split()[1:8])
    spent["machine"] = (user + nice + system + sum(rest)) / ticks
    return spent


async def drive(port: int, site: dict, parents: int, seconds: float) -> tuple[Figures, Chat]:
    figures = Figures()
    chat = Chat(port, [tuple(member) for member in site["members"]], CHAT_INTERVAL)
    until = time.monotonic() + WARM_UP + seconds
    chatting = asyncio.create_task(chat.run(until))
    people = [Parent(n, port, site, MIX, figures) for n in range(parents)]
    loops = [asyncio.create_task(parent.run(until)) for parent in people]
    await asyncio.sleep(WARM_UP)
    before = cpu_seconds()
    figures.measuring = chat.measuring = True
    figures.started = time.monotonic()
    await asyncio.gather(*loops)
    figures.ended = time.monotonic()
    figures.cpu = {name: spent - before[name] for name, spent in cpu_seconds().items()}
    figures.measuring = chat.measuring = False
    await chatting
    return figures, chat


def report(workers: int, parents: int, figures: Figures, chat: Chat) -> float:
    rate = figures.requests() / figures.seconds
    print(f"\n{workers} worker(s), {parents} parents, {len(chat.members)} chatters:")
    print(f"  {figures.requests()} requests in {figures.seconds:.1f} s: {rate:.1f} requests/s")
    print(f"  {'kind':<14}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for kind in MIX | {"workshop_page": 0}:
        p50, p95, p99 = figures.percentiles(kind)
        count = sum(figures.statuses[kind].values())
        print(f"  {kind:<14}{count:>7}{p50:>9.0f}{p95:>9.0f}{p99:>9.0f}")
    print(f"  all pages p95 {figures.p95():.0f} ms; errors: {dict(figures.errors) or 'none'}")
    signups = figures.statuses["signup"]
    print(f"  sign-ups: {signups[302]} saved, {signups[200]} refused by the form (workshop full)")
    arrived, expected = chat.delivery()
    share = 100 * arrived / expected if expected else 0
    latencies = sorted(chat.arrivals) or [0]
    p95 = latencies[int(0.95 * (len(latencies) - 1))]
    print(
        f"  rooms: {len(chat.sent)} messages, {arrived}/{expected} arrivals ({share:.1f} %),"
        f" p50 {latencies[len(latencies) // 2]:.0f} ms, p95 {p95:.0f} ms;"
        f" refused {dict(chat.refused) or 'none'}; sockets dropped {chat.dropped}"
    )
    cpu = figures.cpu
    machine = cpu.pop("machine")
    shares = ", ".join(f"{name} {spent / figures.seconds:.2f}" for name, spent in cpu.items())
    others = (machine - sum(cpu.values())) / figures.seconds
    print(f"  cores used: {shares}, everything else {others:.2f} (of 2)")
    served = figures.requests() / cpu["uvicorn"] if cpu["uvicorn"] else 0
    print(f"  {served:.0f} requests per CPU second of uvicorn")
    return rate


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=30, help="measured, per run")
    parser.add_argument("--parents", type=int, default=12, help="per worker")
    parser.add_argument("--chatters", type=int, default=24)
    parser.add_argument("--port", type=int, default=8280, help="nginx; the workers on +1, +2")
    parser.add_argument(
        "--worker-cores", type=float, default=0, help="hold each worker to this much of a core"
    )
    parser.add_argument(
        "--order",
        default="1,2",
        help="which run first: 2,1 gives the one-worker run the caches the first run filled",
    )
    args = parser.parse_args()
    order = [int(n) for n in args.order.split(",")]
    if sorted(order) != [1, 2]:
        parser.error("--order is 1,2 or 2,1")
    env = environment(args)
    rates, p95s = {}, {}
    site = None
    for workers in order:
        layout = RunLocal(env, workers, demo=site is None)
        cgroups = (
            WorkerCgroups(args.port, workers, args.worker_cores) if args.worker_cores else None
        )
        try:
            if site is None:
                output = layout.manage("shell", "-v", "0", "-c", SETUP.format(**vars(args)))
                site = json.loads(output.strip().splitlines()[-1])
            parents = args.parents * workers
            figures, chat = http_client.run(drive(args.port, site, parents, args.seconds))
            rates[workers] = report(workers, parents, figures, chat)
            p95s[workers] = figures.p95()
            if cgroups:
                print(
                    f"  each worker held to {args.worker_cores} core; CFS periods (all,"
                    f" throttled): {cgroups.throttled()}"
                )
        finally:
            layout.stop()
            if cgroups:
                cgroups.remove()
    ratio = rates[2] / rates[1]
    verdict = "meets" if ratio >= TARGET_RATIO else "below"
    print(
        f"\ntwo workers / one: {ratio:.2f} × the requests/s ({rates[2]:.1f} / {rates[1]:.1f}),"
        f" p95 {p95s[2]:.0f} ms / {p95s[1]:.0f} ms ({verdict} the {TARGET_RATIO} × target)"
    )


if __name__ == "__main__":
    sys.exit(main())
