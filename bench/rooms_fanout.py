"""200 people in one room: how many messages per second reach everyone, with p99 under 250 ms.

    .venv/bin/python bench/rooms_fanout.py [--quick] [--layers core,pubsub] [--servers 1,2]
        [--consumers bare,rooms,voice] [--voice-every 5] [--clients 200] [--idle 1000]
        [--client-processes 1]

Needs PostgreSQL and Redis on 127.0.0.1. Uses the database `coeduc_bench` (created and
migrated if missing) and Redis database 6. For each channel layer (`CHANNEL_LAYER=core`, then
`pubsub`) it starts one, then two, ``uvicorn rooms_asgi:application --loop uvloop --http
httptools --ws wsproto`` processes on one Redis (bench/rooms_asgi.py: the project's
application plus a bare consumer that only re-broadcasts each frame to its group, at
/ws/bare/<room>/). With two, the clients are split between them.

In the same run, for the bare consumer and for the rooms consumer (/ws/rooms/<slug>/, the
protocol of the rooms app): 200 signed-in people (one user and session each) connect to one
room, then post at a steady aggregate rate, in turn, for `--seconds` per step; the rate
steps up until a step misses (p99 of send→receipt over 250 ms, or a delivery missing), then
once between the last pass and the miss. Each message's client_id carries its send time, so
every receipt is timed, by every recipient (the sender's own echo included).
delivered/expected counts distinct (message, recipient) pairs against messages sent × people.

`voice` is the rooms consumer again with one post in `--voice-every` a voice message (a real
2.6 s Ogg Opus recording, uploaded over HTTP as the page's recorder does, to the same servers):
the file is checked and stored, then only its metadata goes through the channel layer. Its
highest rate against the `rooms` series' of the same run says what voice messages cost a room.

With one server it also opens `--idle` idle connections (rooms, then bare) and reports the
server's resident memory per 1,000. CPU: of the server processes, Redis, and the clients
(which share the machine's cores; a client near 100 % of a core measures itself — add
`--client-processes`).
"""

import argparse
import contextlib
import multiprocessing
import os
import secrets
import shutil
import signal
import subprocess
import sys
import time

import rooms_clients  # bench/rooms_clients.py
import rooms_report  # bench/rooms_report.py
from harness import ROOT, VENV, manage, wait_until_up

DATABASE_URL = "postgres://postgres@127.0.0.1:5432/coeduc_bench"
REDIS_URL = "redis://127.0.0.1:6379/6"
PORTS = (8771, 8772)
ROOM = "bench-fanout"
LOGS = ROOT / "var" / "bench_rooms"
# Idle connections go to rooms of 100 people: every arrival in a room sends its presence list
# to everyone there, so 1,000 arrivals in one room would measure that storm, not idle memory.
IDLE_ROOM_SIZE = 100
NICE = 0  # --nice
RATES = (20, 30, 40, 50, 60, 80, 100, 130, 160, 200)


def environment(layer: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    env.update(
        SECRET_KEY=env.get("SECRET_KEY") or secrets.token_urlsafe(50),
        DATABASE_URL=DATABASE_URL,
        REDIS_URL=REDIS_URL,
        CHANNEL_LAYER=layer,
        ALLOWED_HOSTS="127.0.0.1",
        SITE_URL=f"http://127.0.0.1:{PORTS[0]}",
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="rooms_settings",
        # Each person posts up to one message a second here; the check itself is still paid.
        ROOMS_RATE_LIMIT_MESSAGES="1000",
        ROOMS_VOICE_ROOT=str(LOGS / "voice"),  # the voice series' uploads, removed at the end
        PYTHONPATH=os.pathsep.join([str(ROOT / "bench"), env.get("PYTHONPATH", "")]),
    )
    return env


def prepare_database(env: dict) -> None:
    created = subprocess.run(
        ["createdb", "-h", "127.0.0.1", "-U", "postgres", "coeduc_bench"],
        capture_output=True,
        text=True,
    )
    if created.returncode and "already exists" not in created.stderr:
        raise SystemExit(created.stderr)
    # --skip-checks: the checks are CI's business; a shared tree may be mid-edit.
    manage(env, "migrate", "--noinput", "--skip-checks")


def people(count: int, rooms: bool) -> list[str]:
    """`count` fresh signed-in people: their session cookies (users and sessions in the DB)."""
    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
    from django.contrib.sessions.backends.db import SessionStore

    from parents.models import User

    run = secrets.token_hex(4)
    users = User.objects.bulk_create(
        User(email=f"p{n}.{run}@bench.example.org", display_name=f"Parent {n}")
        for n in range(count)
    )
    backend = settings.AUTHENTICATION_BACKENDS[0]
    cookies = []
    for user in users:
        session = SessionStore()
        session[SESSION_KEY] = str(user.pk)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.create()
        cookies.append(f"{settings.SESSION_COOKIE_NAME}={session.session_key}")
    if rooms:
        import rooms_setup  # bench/rooms_setup.py: what the rooms app needs of a room and members

        rooms_setup.prepare(ROOM, [u.pk for u in users])
        # Idle connections are counted in rooms of IDLE_ROOM_SIZE (see idle_sockets()).
        for start in range(0, count, IDLE_ROOM_SIZE):
            ids = [u.pk for u in users[start : start + IDLE_ROOM_SIZE]]
            rooms_setup.prepare(f"{ROOM}-idle-{start // IDLE_ROOM_SIZE}", ids)
    return cookies


def rooms_ready() -> bool:
    """The rooms app is installed and migrated (it may still be under construction)."""
    from django.apps import apps
    from django.db import connection

    if not apps.is_installed("rooms"):
        return False
    tables = set(connection.introspection.table_names())
    return all(m._meta.db_table in tables for m in apps.get_app_config("rooms").get_models())


def start_servers(env: dict, count: int) -> list[subprocess.Popen]:
    LOGS.mkdir(parents=True, exist_ok=True)
    log = open(LOGS / "servers.log", "a")  # noqa: SIM115 — the servers write to it until stopped
    servers = [
        subprocess.Popen(
            [
                VENV / "uvicorn",
                "rooms_asgi:application",
                "--loop",
                "uvloop",
                "--http",
                "httptools",
                "--ws",
                "wsproto",
                "--ws-per-message-deflate",  # as `make serve`: no per-recipient compression
                "false",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
                "--no-access-log",
            ],
            env=env,
            cwd=ROOT,
            start_new_session=True,
            stdout=log,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        for port in PORTS[:count]
    ]
    for server in servers:
        prioritise(server.pid)
    for port in PORTS[:count]:
        wait_until_up(f"http://127.0.0.1:{port}/healthz")
    return servers


def prioritise(pid: int) -> None:
    """--nice for this process (its later threads inherit it) and its session's autogroup:
    with Linux's autogroups, a process's nice only counts inside its session's group."""
    if not NICE:
        return
    os.setpriority(os.PRIO_PROCESS, pid, NICE)
    with contextlib.suppress(OSError), open(f"/proc/{pid}/autogroup", "w") as autogroup:
        autogroup.write(str(NICE))


def stop_servers(servers: list[subprocess.Popen]) -> None:
    for server in servers:
        os.killpg(server.pid, 15)
    for server in servers:
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:  # still closing sockets: not worth waiting for
            os.killpg(server.pid, 9)
            server.wait(timeout=15)


def cpu_of(pids: set[int]) -> float:
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / ticks
    return total


def redis_pids() -> set[int]:
    found = set()
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/comm") as comm:
                if comm.read().strip() == "redis-server":
                    found.add(int(pid))
        except OSError:
            continue
    return found


def rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


class Clients:
    """The client worker processes, each driving its share of the sockets."""

    def __init__(self, processes: int):
        context = multiprocessing.get_context("fork")
        self.pipes, self.processes = [], []
        for index in range(processes):
            mine, theirs = context.Pipe()
            process = context.Process(target=rooms_clients.serve, args=(index, theirs))
            process.start()
            self.pipes.append(mine)
            self.processes.append(process)

    def ask(self, command: str, per_worker: list[dict]) -> list[dict]:
        for pipe, kwargs in zip(self.pipes, per_worker, strict=True):
            pipe.send((command, kwargs))
        return [pipe.recv() for pipe in self.pipes]

    def connect(self, sockets: list, hello: bool, deflate: bool) -> int:
        shares = [sockets[i :: len(self.pipes)] for i in range(len(self.pipes))]
        answers = self.ask(
            "connect", [{"sockets": s, "hello": hello, "deflate": deflate} for s in shares]
        )
        failures = {}
        for answer in answers:
            failures.update(answer["failures"])
        if failures:
            print(f"    connection failures: {failures}")
        return sum(a["connected"] for a in answers)

    def settle(self, since: float) -> str:
        answers = self.ask("settle", [{}] * len(self.pipes))
        frames = sum(a["frames"] for a in answers)
        megabytes = sum(a["bytes"] for a in answers) / 1e6
        seconds = time.monotonic() - since
        return (
            f"settled {seconds:.1f} s after the first connect: {frames} frames, {megabytes:.1f} MB"
        )

    def close(self) -> None:
        self.ask("close", [{}] * len(self.pipes))

    def exit(self) -> None:
        for pipe in self.pipes:
            with contextlib.suppress(OSError):
                pipe.send(("exit", {}))
        for process in self.processes:
            process.join(timeout=10)
            if process.is_alive():
                process.kill()


class Series:
    """One consumer behind one set of servers: steps the rate, keeps every step's figures."""

    def __init__(self, name, clients, servers, members, seconds, drain, voice_every=0):
        self.name, self.clients, self.servers = name, clients, servers
        self.members, self.seconds, self.drain = members, seconds, drain
        self.voice_every = voice_every
        self.steps: list[dict] = []
        self.step_number = 0

    def step(self, rate: float) -> dict:
        self.step_number += 1
        workers = len(self.clients.pipes)
        server_pids = {s.pid for s in self.servers}
        redis = redis_pids()
        start_at = time.monotonic() + 0.5
        before = (cpu_of(server_pids), cpu_of(redis))
        answers = self.clients.ask(
            "run_step",
            [
                {
                    "step": self.step_number,
                    "rate": rate / workers,
                    "seconds": self.seconds,
                    "start_at": start_at,
                    "drain": self.drain,
                    "voice_every": self.voice_every,
                }
            ]
            * workers,
        )
        wall = max(a["wall"] for a in answers)
        server_cpu = (cpu_of(server_pids) - before[0]) / wall
        redis_cpu = (cpu_of(redis) - before[1]) / wall
        result = rooms_report.step_figures(rate, answers, self.members, wall, server_cpu, redis_cpu)
        self.steps.append(result)
        print(rooms_report.step_line(self.name, result), flush=True)
        time.sleep(1.0)  # let any backlog clear before the next step
        return result

    def climb(self, rates) -> dict | None:
        """Steps up until a miss, then once halfway; returns the best step that held."""
        best, missed = None, None
        for rate in rates:
            result = self.step(rate)
            if not result["ok"]:
                missed = rate
                break
            best = result
        if best is not None and missed is not None and missed - best["rate"] > 4:
            middle = self.step((best["rate"] + missed) / 2)
            if middle["ok"]:
                best = middle
        return best


def run_series(name, clients, servers, sockets, hello, args, voice_every=0) -> dict:
    started = time.monotonic()
    connected = clients.connect(sockets, hello=hello, deflate=not args.no_deflate)
    # The steps start once what the arrivals sent (history, presence) has been received.
    print(f"  {name}: {connected} of {len(sockets)} connected; {clients.settle(started)}")
    series = Series(name, clients, servers, connected, args.seconds, args.drain, voice_every)
    best = series.climb(args.rates)
    clients.close()
    return {"name": name, "members": connected, "best": best, "steps": series.steps}


def idle_sockets(consumer: str, cookies: list[str], count: int) -> list[tuple]:
    base, origin = f"ws://127.0.0.1:{PORTS[0]}", f"http://127.0.0.1:{PORTS[0]}"
    sockets = []
    for i in range(count):
        room = f"{ROOM}-idle-{i // IDLE_ROOM_SIZE}"
        path = f"/ws/{consumer}/{room}/"
        sockets.append((base + path, cookies[i], origin))
    return sockets


def idle_memory(env: dict, clients, consumer: str, cookies: list[str], args) -> tuple:
    """Resident kilobytes a fresh server gains per idle connection (after the arrivals
    settle). A server of its own: one that has just carried the rate steps has memory to
    reuse, and its connections seemed almost free."""
    server = start_servers(env, 1)[0]
    hello = consumer != "bare"
    sockets = idle_sockets(consumer, cookies, args.idle)
    try:
        # A few connections first: what the first one loads (modules, pools) is not per socket.
        clients.connect(sockets[:20], hello=hello, deflate=not args.no_deflate)
        clients.settle(time.monotonic())
        clients.close()
        time.sleep(1.0)
        before = rss_kb(server.pid)
        started = time.monotonic()
        connected = clients.connect(sockets, hello=hello, deflate=not args.no_deflate)
        print(f"  idle, {consumer}: {connected} connected; {clients.settle(started)}")
        time.sleep(2.0)
        after = rss_kb(server.pid)
        clients.close()
    finally:
        stop_servers([server])
    return (after - before) / max(1, connected), connected


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="short steps, one layer (pubsub)")
    parser.add_argument("--layers", default="core,pubsub")
    parser.add_argument("--servers", default="1,2")
    parser.add_argument("--consumers", default="bare,rooms")
    parser.add_argument(
        "--voice-every", type=int, default=5, help="voice series: one post in N is a voice message"
    )
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--idle", type=int, default=1000)
    parser.add_argument("--client-processes", type=int, default=1)
    parser.add_argument("--seconds", type=float, default=8.0, help="length of a rate step")
    parser.add_argument("--drain", type=float, default=5.0)
    parser.add_argument("--rates", default=",".join(map(str, RATES)))
    parser.add_argument("--no-deflate", action="store_true", help="clients offer no compression")
    parser.add_argument(
        "--nice",
        type=int,
        default=0,
        help="scheduling priority of the servers and clients (e.g. -10, as root, on a machine "
        "busy with other work: the figures then measure this bench, not the neighbours)",
    )
    args = parser.parse_args()
    global NICE
    NICE = args.nice
    # Stopped with SIGTERM, the servers are stopped too (the `finally` blocks run).
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
    prioritise(os.getpid())  # the client processes forked below inherit it
    if args.quick:
        args.seconds, args.drain = 4.0, 3.0
        if args.layers == parser.get_default("layers"):
            args.layers = "pubsub"
    args.rates = [float(r) for r in args.rates.split(",")]

    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    results, memory = [], []
    started = time.monotonic()
    clients = Clients(args.client_processes)  # forked before Django or any event loop
    try:
        env = environment("core")
        prepare_database(env)
        os.environ.update(env)
        import django

        django.setup()
        consumers = args.consumers.split(",")
        rooms = [c for c in consumers if c != "bare"]
        if rooms and not rooms_ready():
            print("the rooms app is not installed or not migrated: rooms series skipped")
            consumers = [c for c in consumers if c == "bare"]
        cookies = people(max(args.clients, args.idle), rooms=rooms_ready() and bool(rooms))
        for layer in args.layers.split(","):
            env = environment(layer)
            for count in map(int, args.servers.split(",")):
                print(f"layer {layer}, {count} server process(es)", flush=True)
                servers = start_servers(env, count)
                try:
                    for consumer in consumers:
                        # "voice": the rooms consumer, some posts voice messages (over HTTP).
                        path = f"/ws/{'rooms' if consumer == 'voice' else consumer}/{ROOM}/"
                        sockets = [
                            (
                                f"ws://127.0.0.1:{PORTS[i % count]}{path}",
                                cookies[i],
                                f"http://127.0.0.1:{PORTS[i % count]}",
                            )
                            for i in range(args.clients)
                        ]
                        name = f"{consumer}, {layer}, {count} proc"
                        voice_every = args.voice_every if consumer == "voice" else 0
                        hello = consumer != "bare"
                        results.append(
                            run_series(name, clients, servers, sockets, hello, args, voice_every)
                        )
                finally:
                    stop_servers(servers)
            if 1 in map(int, args.servers.split(",")) and args.idle:
                for consumer in (c for c in consumers if c != "voice"):  # rooms' sockets
                    per, n = idle_memory(env, clients, consumer, cookies, args)
                    memory.append((f"{consumer}, {layer}", per, n))
                    print(f"  idle: {per:.1f} KB per connection ({n} connections)")
    finally:
        clients.exit()
        shutil.rmtree(LOGS / "voice", ignore_errors=True)
    rooms_report.report(results, memory, time.monotonic() - started, args)


if __name__ == "__main__":
    main()
