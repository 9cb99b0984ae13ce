"""`/healthz`: in process with the test client, then through a real uvicorn server."""

import http.client
import json
import os
import secrets
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parent.parent
UVICORN = Path(sys.executable).parent / "uvicorn"
# Nothing listens on port 1: connections are refused at once.
DEAD_DATABASE_URL = "postgres://postgres@127.0.0.1:1/nowhere"
DEAD_REDIS_URL = "redis://127.0.0.1:1/0"
STARTUP_SECONDS = 30
# Three checks of at most 3 s each, plus some slack.
REQUEST_TIMEOUT_SECONDS = 15


def test_healthz_in_process(client, db):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {
        "status": "ok",
        "checks": {"database": "ok", "cache": "ok", "channel_layer": "ok"},
    }
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"


# --- A real server -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, name: str, env: dict[str, str], log_dir: Path) -> None:
        self.name = name
        self.port = free_port()
        self.log_path = log_dir / f"uvicorn-{name}.log"
        self.log = open(self.log_path, "w")  # noqa: SIM115 — closed in stop()
        full_env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "LANG": "C.UTF-8",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SETTINGS_MODULE": "coeduc.settings",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOG_LEVEL": "WARNING",
            **env,
        }
        self.process = subprocess.Popen(
            [
                str(UVICORN),
                "coeduc.asgi:application",
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                "--loop",
                "uvloop",
                "--http",
                "httptools",
                "--ws",
                "wsproto",
                "--lifespan",
                "off",
                "--timeout-keep-alive",
                "1",
                "--timeout-graceful-shutdown",
                "1",
            ],
            cwd=BASE_DIR,
            env=full_env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    def output(self) -> str:
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def wait_until_listening(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                pytest.fail(f"uvicorn ({self.name}) exited:\n{self.output()}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.1)
        pytest.fail(
            f"uvicorn ({self.name}) did not answer in {STARTUP_SECONDS} s:\n{self.output()}"
        )

    def get(self, path: str) -> tuple[int, dict[str, str], bytes]:
        connection = http.client.HTTPConnection(
            "127.0.0.1", self.port, timeout=REQUEST_TIMEOUT_SECONDS
        )
        try:
            connection.request("GET", path, headers={"Host": f"127.0.0.1:{self.port}"})
            response = connection.getresponse()
            return response.status, dict(response.getheaders()), response.read()
        finally:
            connection.close()

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self.log.close()


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    """Three servers, started together: healthy, without database, without Redis."""
    log_dir = tmp_path_factory.mktemp("uvicorn")
    # A database of its own: SELECT 1 needs no table, and the checkout's db.sqlite3 stays alone.
    healthy_env = {"DATABASE_URL": f"sqlite:///{log_dir / 'healthz.sqlite3'}"}
    if os.environ.get("REDIS_URL"):
        healthy_env["REDIS_URL"] = os.environ["REDIS_URL"]
    started = {
        "healthy": Server("healthy", healthy_env, log_dir),
        "no-database": Server("no-database", {"DATABASE_URL": DEAD_DATABASE_URL}, log_dir),
        "no-redis": Server(
            "no-redis",
            {"DATABASE_URL": healthy_env["DATABASE_URL"], "REDIS_URL": DEAD_REDIS_URL},
            log_dir,
        ),
    }
    try:
        for server in started.values():
            server.wait_until_listening()
        yield started
    finally:
        for server in started.values():
            server.stop()


def healthz(server: Server) -> tuple[int, dict]:
    status, headers, body = server.get("/healthz")
    assert headers.get("content-type") == "application/json", server.output()
    return status, json.loads(body)


def test_healthy_server_answers_200(servers):
    status, body = healthz(servers["healthy"])

    assert (status, body) == (
        200,
        {"status": "ok", "checks": {"database": "ok", "cache": "ok", "channel_layer": "ok"}},
    ), servers["healthy"].output()


def test_server_without_its_database_answers_503(servers):
    started = time.monotonic()
    status, body = healthz(servers["no-database"])

    assert status == 503, body
    assert body["status"] == "error"
    assert body["checks"] == {"database": "error", "cache": "ok", "channel_layer": "ok"}
    # A dead dependency must not hang the probe.
    assert time.monotonic() - started < REQUEST_TIMEOUT_SECONDS


def test_server_without_redis_answers_503(servers):
    status, body = healthz(servers["no-redis"])

    assert status == 503, body
    assert body["status"] == "error"
    assert body["checks"]["database"] == "ok"
    assert body["checks"]["channel_layer"] == "error"
    # The cache lives in the same Redis.
    assert body["checks"]["cache"] == "error"
