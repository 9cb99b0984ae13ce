"""deploy/run-local end to end: nginx in front of two uvicorn workers and the background worker,
on PostgreSQL and Redis; a worker stopped with SIGTERM closes its WebSockets with 1012 while
the other one serves; SIGTERM to run-local stops everything it started.

run-local gets a database of its own (the test database's name + "_run_local"), dropped after.
"""

import contextlib
import json
import os
import signal
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

import psycopg
import pytest
from psycopg import sql
from psycopg.conninfo import conninfo_to_dict
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

from .processes import (
    CHECKOUT,
    free_port,
    free_ports,
    nginx_binary,
    request,
    run_local_output,
    start_run_local,
    stop_run_local,
    wait_run_local_ready,
)

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("REDIS_URL"),
        reason="needs DATABASE_URL=postgres://… and REDIS_URL=redis://…",
    ),
]

READY_SECONDS = 300  # a fresh database is migrated first


class RunLocal:
    def __init__(self, tmp: Path) -> None:
        url = urlsplit(os.environ["DATABASE_URL"])
        self.database = f"{url.path.strip('/')}_run_local"
        self.server = {**conninfo_to_dict(url.geturl()), "dbname": "postgres"}
        self.database_url = url._replace(path=f"/{self.database}").geturl()
        self.dir = tmp
        self.port = free_port()
        self.web_ports = [first := free_ports(2), first + 1]
        self.process = start_run_local(
            tmp,
            self.port,
            first,
            {"DATABASE_URL": self.database_url, "REDIS_URL": os.environ["REDIS_URL"]},
        )

    def output(self) -> str:
        return run_local_output(self.dir)

    def wait_until_ready(self) -> None:
        wait_run_local_ready(self.process, self.dir, READY_SECONDS)

    def pid(self, name: str) -> int:
        return int((self.dir / f"{name}.pid").read_text())

    def log(self, name: str) -> str:
        return (self.dir / f"{name}.log").read_text(errors="replace")

    def access_log(self) -> str:
        time.sleep(0.2)
        return (self.dir / "nginx" / "access.log").read_text()

    def stop(self) -> int:
        return stop_run_local(self.process)

    def drop_database(self) -> None:
        with psycopg.connect(**self.server, autocommit=True) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                    sql.Identifier(self.database)
                )
            )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    nginx_binary()
    run = RunLocal(tmp_path_factory.mktemp("run-local"))
    try:
        run.wait_until_ready()
        yield run
    finally:
        run.stop()
        run.drop_database()


def session_cookie(run: RunLocal) -> str:
    """A signed-in person's session in run-local's database, made as its processes would."""
    script = (
        "from django.test import Client\n"
        "from parents.models import User\n"
        "user, _ = User.objects.get_or_create(email='deploy-test@example.org',"
        " defaults={'display_name': 'Awa'})\n"
        "browser = Client()\nbrowser.force_login(user)\n"
        "print(browser.cookies['sessionid'].value)\n"
    )
    result = subprocess.run(
        [
            "bash",
            "-c",
            f'. "{run.dir}/env" && .venv/bin/python manage.py shell -v 0 -c "$0"',
            script,
        ],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return f"sessionid={result.stdout.strip().splitlines()[-1]}"


def open_socket(sockets: contextlib.ExitStack, port: int, cookie: str):
    socket = sockets.enter_context(
        connect(
            f"ws://127.0.0.1:{port}/ws/notifications/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": cookie},
            open_timeout=10,
        )
    )
    socket.send(json.dumps({"type": "ping"}))
    assert json.loads(socket.recv(timeout=10)) == {"type": "pong"}
    return socket


def close_code(socket, seconds: float = 10):
    """The code the server closed the socket with, or None when it is still open."""
    deadline = time.monotonic() + seconds
    try:
        while time.monotonic() < deadline:
            socket.recv(timeout=deadline - time.monotonic())
    except TimeoutError:
        return None
    except ConnectionClosed as closed:
        return closed.rcvd.code if closed.rcvd else "no close frame"
    return None


def test_pages_go_through_nginx_to_both_workers_and_static_files_do_not(site):
    for _ in range(4):
        status, headers, body = request(site.port, "/fr/workshops/")
        assert status == 200, body[:300]
    css = next(
        p for p in body.decode().split('"') if p.startswith("/static/") and p.endswith(".css")
    )
    status, headers, _ = request(site.port, css)
    assert status == 200
    assert headers["cache-control"].endswith("immutable")

    log = site.access_log()
    for port in site.web_ports:
        assert f'"127.0.0.1:{port}" "200"' in log
    static_line = next(line for line in log.splitlines() if css in line)
    assert static_line.endswith('"" "" ""')  # answered by nginx, no worker asked


def test_the_clients_address_reaches_the_workers(site):
    request(site.port, "/fr/workshops/?from=client", headers={"X-Forwarded-For": "198.51.100.23"})
    time.sleep(0.3)

    logs = "".join(site.log(f"web-{port}") for port in site.web_ports)

    assert '198.51.100.23:0 - "GET /fr/workshops/?from=client' in logs


def test_a_stopped_worker_closes_its_websockets_with_1012_and_the_other_serves_on(site):
    cookie = session_cookie(site)
    stopping, staying = site.web_ports
    with contextlib.ExitStack() as sockets:
        direct = open_socket(sockets, stopping, cookie)
        # Through nginx, round robin: two on each worker.
        proxied = [open_socket(sockets, site.port, cookie) for _ in range(4)]

        os.kill(site.pid(f"web-{stopping}"), signal.SIGTERM)

        assert close_code(direct) == 1012  # "service restart": the browser reconnects
        codes = [close_code(socket, seconds=3) for socket in proxied]
        assert codes.count(1012) == 2, codes
        assert codes.count(None) == 2, codes
        for socket, code in zip(proxied, codes, strict=True):
            if code is None:
                socket.send(json.dumps({"type": "ping"}))
                assert json.loads(socket.recv(timeout=5)) == {"type": "pong"}
        # A reconnecting browser lands on the worker still up; pages too.
        open_socket(sockets, site.port, cookie)
    for _ in range(4):
        assert request(site.port, "/fr/workshops/")[0] == 200
    assert "Finished server process" in site.log(f"web-{stopping}")


def test_sigterm_stops_everything_run_local_started(site):
    pids = [site.pid(f"web-{site.web_ports[1]}"), site.pid("worker"), site.pid("nginx")]

    assert site.stop() == 143
    assert "run-local: stopped" in site.output()
    for pid in pids:
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
    for port in (site.port, *site.web_ports):
        with pytest.raises(OSError):
            request(port, "/healthz", timeout=2)
