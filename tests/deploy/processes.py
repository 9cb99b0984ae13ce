"""Real processes for the deploy tests: nginx, uvicorn as deploy/coeduc-web starts it, a
PostgreSQL cluster of the test's own (which a test may stop), and plain HTTP requests."""

import contextlib
import glob
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

CHECKOUT = Path(__file__).resolve().parents[2]
DEPLOY = CHECKOUT / "deploy"
STARTUP_SECONDS = 60
RUN_LOCAL_OUTPUT = "run-local.out"  # in RUN_LOCAL_DIR: what deploy/run-local prints


def in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def need(what: str, found) -> None:
    """Skips without the Debian package; in CI (.ci/run installs it) fails instead."""
    if found:
        return
    if in_ci():
        pytest.fail(f"{what} not found: CI is set, so the deploy tests must run")
    pytest.skip(f"{what} not found")


def nginx_binary() -> str:
    found = shutil.which("nginx") or (
        "/usr/sbin/nginx" if os.path.exists("/usr/sbin/nginx") else None
    )
    need("nginx (apt-get install nginx)", found)
    return found


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def free_ports(count: int) -> int:
    """The first of `count` consecutive free ports."""
    for _ in range(50):
        first = free_port()
        if first + count < 65536 and all(_is_free(first + i) for i in range(count)):
            return first
    raise RuntimeError("no consecutive free ports")


def _is_free(port: int) -> bool:
    with socket.socket() as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_for_port(port: int, process: subprocess.Popen, log: Path, seconds=STARTUP_SECONDS):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"exited with {process.returncode}:\n{log.read_text(errors='replace')}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.1)
    pytest.fail(f"nothing listens on {port} after {seconds} s:\n{log.read_text(errors='replace')}")


def request(port: int, path: str, method="GET", headers=None, body=None, timeout=30):
    """(status, headers with lower-case names, body) of one request to 127.0.0.1:port."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        connection.request(
            method, path, body=body, headers={"Host": f"127.0.0.1:{port}", **(headers or {})}
        )
        response = connection.getresponse()
        return (
            response.status,
            {name.lower(): value for name, value in response.getheaders()},
            response.read(),
        )
    finally:
        connection.close()


def base_env(**env) -> dict[str, str]:
    """A production-like environment (DEBUG off) for the checkout's processes."""
    return run_local_env(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_SETTINGS_MODULE": "coeduc.settings",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DEBUG": "0",
            **env,
        }
    )


def run_local_env(settings: dict[str, str] | None = None) -> dict[str, str]:
    """PATH and LANG, then `settings`: none of the test's own environment. What deploy/run-local
    and the workers started like it get (run-local writes the production-like rest to
    RUN_LOCAL_DIR/env)."""
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LANG": "C.UTF-8", **(settings or {})}


def run_local_output(directory: Path) -> str:
    """What run-local printed so far (start_run_local sends it to directory/RUN_LOCAL_OUTPUT)."""
    return (directory / RUN_LOCAL_OUTPUT).read_text(errors="replace")


def start_run_local(
    directory: Path, port: int, first_web_port: int, env: dict[str, str]
) -> subprocess.Popen:
    """deploy/run-local with two workers and no demo, its output in directory/RUN_LOCAL_OUTPUT.

    `env`: DATABASE_URL, REDIS_URL and any other setting, added to run_local_env's."""
    output = open(directory / RUN_LOCAL_OUTPUT, "w")  # noqa: SIM115 — the child's now
    process = subprocess.Popen(
        [str(DEPLOY / "run-local"), "--no-demo", "--workers", "2"],
        cwd=CHECKOUT,
        env=run_local_env(
            {
                "RUN_LOCAL_DIR": str(directory),
                "RUN_LOCAL_PORT": str(port),
                "RUN_LOCAL_WEB_PORT": str(first_web_port),
                "LOG_LEVEL": "INFO",
                **env,
            }
        ),
        stdout=output,
        stderr=subprocess.STDOUT,
    )
    output.close()
    return process


def wait_run_local_ready(process: subprocess.Popen, directory: Path, seconds: float) -> None:
    """Until run-local says it is ready (a fresh database is migrated first); fails with its
    output if it stops or takes longer."""
    deadline = time.monotonic() + seconds
    while "run-local: ready" not in run_local_output(directory):
        if process.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"run-local not ready:\n{run_local_output(directory)[-5000:]}")
        time.sleep(0.5)


def stop_run_local(process: subprocess.Popen) -> int:
    """SIGTERM, as systemd or Ctrl-C would send it (run-local then stops what it started);
    killed after a minute. Its exit code."""
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    return process.returncode


class Process:
    """A command of the checkout, its output in a log file; stopped with SIGTERM."""

    def __init__(self, name: str, command: list[str], env: dict[str, str], log_dir: Path):
        self.name = name
        self.log_path = log_dir / f"{name}.log"
        self._log = open(self.log_path, "w")  # noqa: SIM115 — closed in stop()
        self.process = subprocess.Popen(
            command, cwd=CHECKOUT, env=env, stdout=self._log, stderr=subprocess.STDOUT
        )

    def output(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self, timeout: float = 30) -> int:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=5)
        self._log.close()
        return self.process.returncode


def start_web(port: int, env: dict[str, str], log_dir: Path) -> Process:
    """One worker, started as systemd's coeduc-web@PORT.service starts it."""
    worker = Process(f"web-{port}", [str(DEPLOY / "coeduc-web"), str(port)], env, log_dir)
    wait_for_port(port, worker.process, worker.log_path)
    return worker


class PrivatePostgres:
    """A PostgreSQL cluster of the test's own, on a free port: the test may stop it (the
    shared server never is). initdb refuses to run as root: as root, it runs as `postgres`."""

    def __init__(self) -> None:
        binaries = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
        need("PostgreSQL's server (initdb)", binaries)
        self.bin = Path(binaries[-1]).parent
        self.dir = Path(tempfile.mkdtemp(prefix="coeduc-pg-"))
        self.data = self.dir / "data"
        self.port = free_port()
        self.as_user = []
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
            self.as_user = ["runuser", "-u", "postgres", "--"]
        self._run(
            "initdb",
            "-D",
            self.data,
            "-A",
            "trust",
            "-U",
            "postgres",
            "--no-sync",
            "-E",
            "UTF8",
            "--locale",
            "C.UTF-8",
        )

    @property
    def url(self) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/coeduc"

    def _run(self, tool: str, *args) -> None:
        subprocess.run(
            [*self.as_user, str(self.bin / tool), *map(str, args)],
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            timeout=120,
        )

    def start(self) -> None:
        # Durability is not what is tested: fsync off makes the migrations quick.
        options = (
            f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        )
        self._run(
            "pg_ctl", "-D", self.data, "-l", self.dir / "server.log", "-o", options, "-w", "start"
        )

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", self.data, "-m", mode, "-w", "stop")

    def create_database(self, name: str = "coeduc") -> None:
        self._run("createdb", "-h", "127.0.0.1", "-p", self.port, "-U", "postgres", name)

    def remove(self) -> None:
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)
