"""A real uvicorn, started the way the Makefile and the README start it (review #13, items 2, 3).

- Behind a reverse proxy listed in TRUSTED_PROXIES, each family is counted by its own address:
  twelve families signing up through the proxy are all accepted (the limit is ten per address),
  while a client that is not a trusted proxy cannot choose its address with X-Forwarded-For.
  The proxy is a real one, written here: it listens on 127.0.0.1, reaches uvicorn from
  127.0.0.100 and appends the address each client came from, as nginx or a load balancer does.
  The clients connect from addresses of their own (127.0.0.2, 127.0.0.3, …: all of 127/8 is
  the loopback).
- The access log names no personal token.
"""

import http.client
import os
import re
import secrets
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.migrated_template import template_path

BASE_DIR = Path(__file__).resolve().parent.parent.parent
UVICORN = Path(sys.executable).parent / "uvicorn"
PROXY_ADDRESS = "127.0.0.100"  # where the proxy reaches uvicorn from
STARTUP_SECONDS = 60
TIMEOUT = 30
FAMILIES = 12  # two more than WORKSHOPS_SIGNUP_RATE_LIMIT (10 per address and workshop)

MAKE_WORKSHOP = """
from datetime import timedelta
from django.utils import timezone
from parents.models import Organisation, Territory
from workshops.models import Venue, Workshop
territory = Territory.objects.get_or_create(code="02", defaults={"name": "Aisne"})[0]
organisation = Organisation.objects.create(name="Centre social", kind=Organisation.Kind.ASSOCIATION)
venue = Venue.objects.create(organisation=organisation, territory=territory, name="Salle",
                             address="1 rue de la Paix", commune="Laon")
starts = timezone.now() + timedelta(days=7)
workshop = Workshop.objects.create(
    organisation=organisation, venue=venue, title="Pronote pas à pas", description="Découvrir",
    topic=Workshop.Topic.PRONOTE, languages="fr", starts_at=starts,
    ends_at=starts + timedelta(hours=2), capacity=100, status=Workshop.Status.PUBLISHED,
    waitlist_enabled=True)
print(workshop.pk)
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Proxy:
    """A small HTTP/1.1 reverse proxy: one request per connection, X-Forwarded-For appended."""

    def __init__(self, upstream_port: int) -> None:
        self.upstream_port = upstream_port
        self.server = socket.create_server(("127.0.0.1", 0))
        self.port = self.server.getsockname()[1]
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while True:
            try:
                client, (peer, _port) = self.server.accept()
            except OSError:
                return
            threading.Thread(target=self._relay, args=(client, peer), daemon=True).start()

    def _relay(self, client: socket.socket, peer: str) -> None:
        with client:
            data = b""
            while b"\r\n\r\n" not in data:
                chunk = client.recv(65536)
                if not chunk:
                    return
                data += chunk
            head, body = data.split(b"\r\n\r\n", 1)
            lines = head.decode("latin-1").split("\r\n")
            headers, forwarded, length = [], "", 0
            for line in lines[1:]:
                name, _, value = line.partition(":")
                if name.lower() == "x-forwarded-for":
                    forwarded = value.strip()
                    continue
                if name.lower() == "connection":
                    continue
                if name.lower() == "content-length":
                    length = int(value)
                headers.append(line)
            while len(body) < length:
                body += client.recv(65536)
            forwarded = f"{forwarded}, {peer}" if forwarded else peer
            headers += [f"X-Forwarded-For: {forwarded}", "Connection: close"]
            request = "\r\n".join([lines[0], *headers]).encode("latin-1") + b"\r\n\r\n" + body
            upstream = socket.create_connection(
                ("127.0.0.1", self.upstream_port),
                timeout=TIMEOUT,
                source_address=(PROXY_ADDRESS, 0),
            )
            with upstream:
                upstream.sendall(request)
                while chunk := upstream.recv(65536):
                    client.sendall(chunk)

    def close(self) -> None:
        self.server.close()


def request(port, method, path, *, source, headers=None, body=None):
    connection = http.client.HTTPConnection(
        "127.0.0.1", port, timeout=TIMEOUT, source_address=(source, 0)
    )
    try:
        connection.request(
            method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
        )
        response = connection.getresponse()
        return response.status, response.headers, response.read().decode()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("real-server")
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "LANG": "C.UTF-8",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_SETTINGS_MODULE": "coeduc.settings",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": f"sqlite:///{folder / 'db.sqlite3'}",
        "SMS_BACKEND": "core.sms.FileBackend",
        "SMS_FILE_PATH": str(folder / "sms"),
        "LOG_LEVEL": "WARNING",
        "TRUSTED_PROXIES": PROXY_ADDRESS,
        # Static files straight from the app folders (no collectstatic for a test).
        "DEBUG": "1",
    }
    manage = [sys.executable, "manage.py"]
    # The suite's migrated copy when a worker made one (tests/migrated_template.py): `migrate`
    # then finds nothing to do, which it checks.
    if template_path("default").exists():
        shutil.copyfile(template_path("default"), folder / "db.sqlite3")
    subprocess.run(
        [*manage, "migrate", "--no-input"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        timeout=600,
    )
    made = subprocess.run(
        [*manage, "shell", "-c", MAKE_WORKSHOP],
        cwd=BASE_DIR,
        env=env,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    )
    workshop_pk = int(made.stdout.strip().splitlines()[-1])
    port = free_port()
    log_path = folder / "uvicorn.log"
    log = open(log_path, "w")  # noqa: SIM115 — closed below
    # The Makefile's and the README's command line: --forwarded-allow-ips from TRUSTED_PROXIES.
    process = subprocess.Popen(
        [
            str(UVICORN),
            "coeduc.asgi:application",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--loop",
            "uvloop",
            "--http",
            "httptools",
            "--ws",
            "wsproto",
            "--lifespan",
            "off",
            "--proxy-headers",
            "--forwarded-allow-ips",
            env["TRUSTED_PROXIES"],
        ],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    proxy = None
    try:
        deadline = time.monotonic() + STARTUP_SECONDS
        while True:
            assert process.poll() is None, log_path.read_text()
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                assert time.monotonic() < deadline, log_path.read_text()
                time.sleep(0.2)
        proxy = Proxy(port)
        yield {"port": port, "proxy": proxy, "workshop": workshop_pk, "log": log_path}
    finally:
        if proxy:
            proxy.close()
        process.terminate()
        process.wait(timeout=10)
        log.close()


def sign_up(port, workshop, *, source, family, headers=None) -> int:
    """A guest sign-up as a browser makes it: the page, then the form with its CSRF token."""
    status, page_headers, html = request(
        port, "GET", f"/en/workshops/{workshop}/", source=source, headers=headers
    )
    assert status == 200, html[:500]
    cookie = re.search(r"csrftoken=([^;]+)", page_headers.get("Set-Cookie", "")).group(1)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
    form = {
        "csrfmiddlewaretoken": token,
        "first_name": f"Famille {family}",
        "email": f"famille{family}@example.org",
        "seats": "1",
        "consent": "on",
    }
    status, _headers, _html = request(
        port,
        "POST",
        f"/en/workshops/{workshop}/",
        source=source,
        body=urlencode(form),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": f"csrftoken={cookie}",
            **(headers or {}),
        },
    )
    return status


def test_families_behind_the_trusted_proxy_are_counted_one_by_one(site):
    statuses = [
        sign_up(site["proxy"].port, site["workshop"], source=f"127.0.0.{n}", family=n)
        for n in range(2, 2 + FAMILIES)
    ]

    assert statuses == [302] * FAMILIES  # the 11th and 12th families too


def test_a_client_cannot_choose_its_address_with_x_forwarded_for(site):
    """Straight to uvicorn from an address that is no proxy: its X-Forwarded-For is ignored."""
    statuses = [
        sign_up(
            site["port"],
            site["workshop"],
            source="127.0.0.50",
            family=f"d{n}",
            headers={"X-Forwarded-For": f"198.51.100.{n}"},
        )
        for n in range(11)
    ]

    assert statuses == [302] * 10 + [429]


def test_a_client_cannot_choose_its_address_through_the_proxy_either(site):
    """The proxy appends the address the client came from: what the client wrote is ignored."""
    statuses = [
        sign_up(
            site["proxy"].port,
            site["workshop"],
            source="127.0.0.60",
            family=f"p{n}",
            headers={"X-Forwarded-For": f"203.0.113.{n}"},
        )
        for n in range(11)
    ]

    assert statuses == [302] * 10 + [429]


def test_the_access_log_names_no_personal_token(site):
    secret = "PERSONAL" + secrets.token_hex(8)
    for path in (
        f"/en/workshops/r/{secret}/",
        f"/en/workshops/r/{secret}/workshop.ics",
        f"/en/me/guest/{secret}/",
        f"/en/workshops/manage/check-in/{secret}/",
        f"/en/accounts/password/reset/key/1a-{secret}/",
        f"/en/ambassadors/badges/{secret}/credential.json",
        f"/en/workshops/?token={secret}&page=2",
    ):
        request(site["port"], "GET", path, source="127.0.0.70")
    time.sleep(0.5)

    log = site["log"].read_text()
    assert secret not in log
    assert '"GET /en/workshops/r/…/ HTTP/1.1"' in log
    assert '"GET /en/workshops/r/…/workshop.ics HTTP/1.1"' in log
    assert "/en/workshops/?token=…&page=2" in log
    assert '"GET /en/me/guest/…/ HTTP/1.1"' in log
    assert '"GET /en/ambassadors/badges/…/credential.json HTTP/1.1"' in log
    assert "127.0.0.70" in log  # the rest of the line is kept
