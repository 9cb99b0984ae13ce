"""deploy/run-local on a PostgreSQL cluster and a Redis of the test's own, which a test may stop,
kill or restart (the shared servers never are), with its workers restarted as systemd would.

Ports come from 9100–9199, a range of their own: away from the ephemeral ports other tests'
`free_port()` hands out and from a run-local started by hand (8080, 8101…).
"""

import contextlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import psycopg
import pytest

from tests.rooms.test_redis_restart import OwnRedis

from .processes import (
    CHECKOUT,
    PrivatePostgres,
    _is_free,
    need,
    nginx_binary,
    request,
    run_local_env,
    run_local_output,
    start_run_local,
    stop_run_local,
    wait_run_local_ready,
)

PORTS = range(9100, 9200)
READY_SECONDS = 300  # the fresh database is migrated first
WORKER_SECONDS = 60  # a worker restarted on a loaded machine answers /healthz within this

# The data of the tests: a room for each test, the same members in all (rules accepted) and a
# signed-in session for each, made in run-local's environment as its processes would make them
# (printed as JSON on the last line).
SEED = """
import json
from django.test import Client
from tests.factories import join, make_room, make_user
rooms = {{name: make_room(slug=f"faults-{{name}}") for name in {rooms!r}}}
cookies = []
for index in range({members}):
    person = make_user(f"Parent {{index}}", email=f"faults-{{index}}@example.org")
    for room in rooms.values():
        join(person, room)
    browser = Client()
    browser.force_login(person)
    cookies.append("sessionid=" + browser.cookies["sessionid"].value)
rooms = {{name: [room.pk, room.slug] for name, room in rooms.items()}}
print(json.dumps({{"rooms": rooms, "cookies": cookies}}))
"""


def free_ports(count: int) -> list[int]:
    """`count` free ports of PORTS, the first two of them consecutive (the workers')."""
    for first in PORTS:
        ports = [first, first + 1]
        if not all(_is_free(port) for port in ports):
            continue
        others = [p for p in PORTS if p not in ports and _is_free(p)]
        if len(others) >= count - 2:
            return ports + others[: count - 2]
    pytest.fail(f"no {count} free ports in {PORTS.start}–{PORTS.stop - 1}")


class Layout:
    """run-local (nginx, two uvicorn workers, the background worker) on the test's own servers.

    `env`: settings added to run-local's environment (and to the workers restarted later)."""

    def __init__(self, tmp: Path, env: dict[str, str]) -> None:
        nginx_binary()
        self.dir = tmp
        first, second, self.port, pg_port, redis_port = free_ports(5)
        self.web_ports = [first, second]
        self.postgres = DurablePostgres()
        self.postgres.port = pg_port
        need("redis-server (apt-get install redis-server)", shutil.which("redis-server"))
        self.redis = OwnRedis(tmp, redis_port)
        self.extra_env = env
        self.restarted: dict[int, subprocess.Popen] = {}  # workers started by the test
        self.process = None

    # --- Starting and stopping everything ---------------------------------------------------

    def start(self) -> None:
        self.postgres.start()
        self.redis.start()
        self.process = start_run_local(
            self.dir,
            self.port,
            self.web_ports[0],
            {"DATABASE_URL": self.postgres.url, "REDIS_URL": self.redis.url, **self.extra_env},
        )
        wait_run_local_ready(self.process, self.dir, READY_SECONDS)

    def stop(self) -> None:
        if self.process is not None:
            stop_run_local(self.process)
        for worker in self.restarted.values():  # run-local stops only the ones it started
            if worker.poll() is None:
                worker.terminate()
                with contextlib.suppress(subprocess.TimeoutExpired):
                    worker.wait(timeout=30)
            if worker.poll() is None:
                worker.kill()
        self.redis.stop()
        self.postgres.remove()

    def output(self) -> str:
        return run_local_output(self.dir)

    # --- The data, in run-local's environment ------------------------------------------------

    def manage(self, *args: str, timeout: float = 180) -> str:
        """A manage.py command as a sysadmin runs one: with RUN_LOCAL_DIR/env sourced."""
        command = '. "$0/env" && exec .venv/bin/python manage.py "$@"'
        result = subprocess.run(
            ["bash", "-c", command, str(self.dir), *args],
            cwd=CHECKOUT,
            env=run_local_env(),
            capture_output=True,
            text=True,
            timeout=timeout,
        )
        assert result.returncode == 0, f"manage.py {args[0]}: {result.stderr[-3000:]}"
        return result.stdout

    def seed(self, rooms: list[str], members: int) -> dict:
        """{"rooms": {name: [pk, slug]}, "cookies": [a member's session cookie…]}"""
        output = self.manage("shell", "-v", "0", "-c", SEED.format(rooms=rooms, members=members))
        return json.loads(output.strip().splitlines()[-1])

    def query(self, sql: str, params=()) -> list[tuple]:
        with psycopg.connect(self.postgres.url, connect_timeout=10) as connection:
            return connection.execute(sql, params).fetchall()

    # --- The workers -------------------------------------------------------------------------

    def pid(self, web_port: int) -> int:
        return int((self.dir / f"web-{web_port}.pid").read_text())

    def log(self, name: str) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")

    def signal_worker(self, web_port: int, signum: int) -> int:
        pid = self.pid(web_port)
        os.kill(pid, signum)
        return pid

    def wait_exited(self, pid: int, seconds: float = 40) -> None:
        deadline = time.monotonic() + seconds
        while _alive(pid):
            assert time.monotonic() < deadline, f"worker {pid} still running after {seconds} s"
            time.sleep(0.1)

    def start_worker(self, web_port: int) -> None:
        """The worker started again as systemd's coeduc-web@PORT does (Restart=), from the
        environment run-local gave the others, its pid where run-local keeps them."""
        previous = self.restarted.get(web_port)
        if previous is not None:
            previous.wait(timeout=5)  # it was stopped or killed by the test: reap it
        log = open(self.dir / f"web-{web_port}.log", "a")  # noqa: SIM115 — the child's now
        command = '. "$0/env" && exec deploy/coeduc-web "$1"'
        self.restarted[web_port] = worker = subprocess.Popen(
            ["bash", "-c", command, str(self.dir), str(web_port)],
            cwd=CHECKOUT,
            env=run_local_env({"LOG_LEVEL": "INFO", **self.extra_env}),
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()
        (self.dir / f"web-{web_port}.pid").write_text(str(worker.pid))
        deadline = time.monotonic() + WORKER_SECONDS
        while True:
            assert worker.poll() is None, self.log(f"web-{web_port}")[-3000:]
            with contextlib.suppress(OSError):
                if request(web_port, "/healthz", timeout=5)[0] == 200:
                    return
            assert time.monotonic() < deadline, f"worker {web_port} not healthy"
            time.sleep(0.2)

    # --- What nginx did ----------------------------------------------------------------------

    def access_log_size(self) -> int:
        return (self.dir / "nginx" / "access.log").stat().st_size

    def access_log(self, since: int = 0) -> list[str]:
        with open(self.dir / "nginx" / "access.log", "rb") as log:
            log.seek(since)
            return log.read().decode(errors="replace").splitlines()

    def wait_routed(self, web_port: int, since: int, seconds: float = 30) -> float:
        """Waits until nginx sends pages to this worker again (a worker that refused a
        connection is left aside for fail_timeout, 10 s); returns how long it took."""
        started = time.monotonic()
        answered = f'"127.0.0.1:{web_port}" "200"'
        while not any(answered in line for line in self.access_log(since)):
            assert time.monotonic() - started < seconds, f"nginx sends nothing to {web_port}"
            time.sleep(0.2)
        return time.monotonic() - started

    def wait_in_rotation(self, seconds: float = 30) -> None:
        """Until nginx sends pages to every worker: run-local's readiness check may have met a
        worker not listening yet, which nginx then leaves aside for 10 s."""
        since = self.access_log_size()
        deadline = time.monotonic() + seconds
        while True:
            request(self.port, "/fr/workshops/")
            lines = self.access_log(since)
            if all(any(f'"127.0.0.1:{p}" "200"' in line for line in lines) for p in self.web_ports):
                return
            assert time.monotonic() < deadline, f"nginx does not send pages to both: {lines[-4:]}"
            time.sleep(0.3)


class DurablePostgres(PrivatePostgres):
    """The test's cluster, stopped with `immediate` as a crash would: commits must survive it.
    PrivatePostgres's synchronous_commit=off lost a message already committed and sent to the
    room (its number then given to the next one); fsync off is harmless to a process crash."""

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", self.data, "-l", self.dir / "server.log", "-o", options, "-w", "start"
        )


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A child of ours that exited stays a zombie until reaped: not running any more.
    with contextlib.suppress(OSError):
        if Path(f"/proc/{pid}/stat").read_text().split(") ")[-1].startswith("Z"):
            return False
    return True
