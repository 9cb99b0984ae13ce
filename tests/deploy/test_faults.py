"""Faults under a steady load, on the production layout (deploy/run-local: nginx, two uvicorn
workers, the background worker) with a PostgreSQL cluster and a Redis of the test's own: a
worker killed, Redis restarted, PostgreSQL unreachable for 10 s, a rolling restart.

The load (tests/deploy/load.py), through nginx: 10 members of a room on WebSockets posting 5
messages a second in all, reconnecting and catching up by event number as room.js does, and
10 page views a second. Each test checks that nothing was lost: every GET answered as it
should, every post saved once (or refused with the protocol's error), and every message of the
database shown to every member once, in the order of their numbers. One run-local for the
module (its migration is most of the time); each test leaves both workers up and served.
"""

import json
import os
import signal
import socket
import time

import pytest
from django.utils import translation

from .layout import Layout
from .load import Load, delivery_problems
from .processes import request

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.redis,
    pytest.mark.serial,  # kills and restarts processes; timed deliveries on a 2-core machine
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres")
        or not os.environ.get("REDIS_URL"),
        reason="needs DATABASE_URL=postgres://… and REDIS_URL=redis://…",
    ),
]

ROOMS = ["kill", "redis", "database", "restart"]
MEMBERS = 10
WARM_UP = 3  # seconds of load before the fault
RECOVERY_SECONDS = 30  # pages served again once PostgreSQL is back, without any restart
# The load posts every 2 s per member, faster than a person: the rooms' per-person limit
# (5 in 10 s) would refuse some at random. The guest sign-up limits are not reached.
ENV = {"ROOMS_RATE_LIMIT_MESSAGES": "1000"}


@pytest.fixture(scope="module")
def layout(tmp_path_factory):
    layout = Layout(tmp_path_factory.mktemp("faults"), ENV)
    try:
        layout.start()
        layout.data = layout.seed(ROOMS, MEMBERS)
        layout.wait_in_rotation()
        yield layout
    finally:
        layout.stop()


def start_load(layout: Layout, room: str) -> Load:
    _pk, slug = layout.data["rooms"][room]
    cookies = layout.data["cookies"]
    pages = ["/fr/workshops/", "/ar/workshops/", "/fr/", (f"/fr/rooms/{slug}/", cookies[0])]
    load = Load(layout.port, slug, cookies, pages, posts_per_second=5, gets_per_second=10)
    load.start()
    time.sleep(WARM_UP)
    return load


def finish(layout: Layout, load: Load, room: str) -> list[tuple[int, int, str]]:
    """Stops the traffic, lets every page catch up; the room's messages, (id, seq, text)."""
    pk, _slug = layout.data["rooms"][room]
    load.stop_traffic()
    last = layout.query("SELECT last_event_seq FROM rooms_room WHERE id = %s", [pk])[0][0]
    load.wait_caught_up(last)
    return layout.query(
        "SELECT id, seq, text FROM rooms_message WHERE room_id = %s"
        " AND help_request_id IS NULL AND status = 'visible' ORDER BY seq",
        [pk],
    )


def logs_since(layout: Layout, offsets: dict[int, int]) -> str:
    return "".join(layout.log(f"web-{port}")[offset:] for port, offset in offsets.items())


def log_offsets(layout: Layout) -> dict[int, int]:
    return {port: len(layout.log(f"web-{port}")) for port in layout.web_ports}


def assert_nothing_lost(load: Load, saved) -> None:
    problems = delivery_problems(load, saved)
    assert not problems, f"{problems[:5]}; {len(saved)} saved; {load.summary()}"
    lost = [post.text for post in load.posts if post.state == "pending"]
    assert not lost, f"posts neither saved nor refused: {lost}; {load.summary()}"


def test_a_killed_worker_loses_no_page_and_no_message(layout):
    victim, _other = layout.web_ports
    load = start_load(layout, "kill")
    try:
        pid = layout.signal_worker(victim, signal.SIGKILL)
        layout.wait_exited(pid)
        killed_at = load.now()
        time.sleep(4)  # the other worker alone
        since = layout.access_log_size()
        layout.start_worker(victim)  # as systemd's Restart= does
        back_after = layout.wait_routed(victim, since)
        time.sleep(2)
        saved = finish(layout, load, "kill")
    finally:
        load.close()

    figures = f"killed at {killed_at:.1f} s, served again {back_after:.1f} s after its restart; "
    figures += load.summary()
    print(figures)  # shown with -rP: the run's figures
    failed = [(v.at, v.path, v.status) for v in load.views if v.status != 200]
    assert not failed, f"{len(failed)} failed GETs {failed[:5]}; {figures}"
    dropped = [m for m in load.members if m.closed_at]
    # nginx's round robin: about half of the sockets were on the killed worker.
    assert len(dropped) >= MEMBERS // 4, f"{len(dropped)} sockets on the killed worker; {figures}"
    assert all(m.connects >= 2 for m in dropped), figures  # each came back, and caught up
    assert_nothing_lost(load, saved)
    refused = [post.refusal for post in load.posts if post.state == "refused"]
    assert not refused, f"{refused}; {figures}"


def test_rooms_recover_by_themselves_when_redis_restarts(layout):
    offsets = log_offsets(layout)
    since = layout.access_log_size()
    load = start_load(layout, "redis")
    try:
        layout.redis.stop()
        stopped_at = load.now()
        time.sleep(3)
        layout.redis.start()
        back_at = load.now()
        time.sleep(8)
        saved = finish(layout, load, "redis")
    finally:
        load.close()

    figures = f"Redis away from {stopped_at:.1f} s to {back_at:.1f} s; {load.summary()}"
    print(figures)
    assert_nothing_lost(load, saved)
    refusals = {post.refusal for post in load.posts if post.state == "refused"}
    assert all(code == "unavailable" and message for code, message in refusals), figures
    # Back to live delivery, through the channel layer, on both workers: the messages posted
    # once Redis had been back for 2 s came live to every member, not by a catch-up.
    after = [p for p in load.posts if p.state == "saved" and p.sent_at > back_at + 2]
    assert len(after) >= 10, figures
    by_text = {text: message_id for message_id, _seq, text in saved}
    for member in load.members:
        missed = [p.text for p in after if by_text[p.text] not in member.live]
        assert not missed, f"member {member.index} had these by catch-up only: {missed}; {figures}"
    sockets = [line for line in layout.access_log(since) if "/ws/rooms/faults-redis/" in line]
    for port in layout.web_ports:
        assert any(f'"127.0.0.1:{port}" "101"' in line for line in sockets), (port, figures)
    # Pages do not need Redis to be served (the sessions are in PostgreSQL).
    failed = [(v.at, v.path, v.status) for v in load.views if v.status != 200]
    assert not failed, f"{len(failed)} failed GETs {failed[:5]}; {figures}"
    # The protocol's way (rooms/PROTOCOL.md): a refusal, or a close with 1012; never a
    # traceback nor a socket dropped without a close frame.
    codes = {code for member in load.members for code in member.closes}
    assert codes <= {1012}, f"closes {codes}; {figures}"
    logs = logs_since(layout, offsets)
    assert "Traceback" not in logs, logs[logs.find("Traceback") - 300 :][:3000]


def title(language: str) -> str:
    with translation.override(language):
        return translation.gettext("Coéduc is unavailable for a moment")


def test_postgresql_unreachable_for_10_seconds_then_back_without_a_restart(layout):
    pids = {port: layout.pid(port) for port in layout.web_ports}
    offsets = log_offsets(layout)
    load = start_load(layout, "database")
    try:
        layout.postgres.stop("immediate")  # as a crash: no goodbye to the connections
        down_at = load.now()
        time.sleep(2)
        asked = time.monotonic()
        health = request(layout.port, "/healthz", timeout=30)
        health_seconds = time.monotonic() - asked
        time.sleep(max(0.0, 10 - (load.now() - down_at)))
        layout.postgres.start()
        up_at = load.now()
        while request(layout.port, "/fr/workshops/", timeout=30)[0] != 200:
            assert load.now() - up_at < RECOVERY_SECONDS, load.summary()
            time.sleep(0.2)
        served_at = load.now()
        # Each worker itself, not only one of them through nginx.
        direct = {port: request(port, "/fr/workshops/", timeout=30)[0] for port in pids}
        time.sleep(6)  # posts and pages after the recovery
        saved = finish(layout, load, "database")
    finally:
        load.close()

    figures = (
        f"PostgreSQL away from {down_at:.1f} s to {up_at:.1f} s, pages again at {served_at:.1f} s;"
        f" /healthz answered in {health_seconds:.1f} s: {health[2][:200]!r}; {load.summary()}"
    )
    print(figures)
    assert direct == dict.fromkeys(pids, 200), (direct, figures)
    status, _headers, body = health
    assert status == 503, figures
    assert json.loads(body)["checks"]["database"] == "error", figures
    # Every page answered, 200 or the 503 page in its language with Retry-After; never a 500.
    unavailable = [v for v in load.views if v.status == 503]
    others = [(v.at, v.path, v.status) for v in load.views if v.status not in (200, 503)]
    assert not others, f"{others[:5]}; {figures}"
    assert unavailable, figures
    for view in unavailable:
        language = "ar" if view.path.startswith("/ar/") else "fr"
        assert view.retry_after == "30", (view.path, view.status, figures)
        assert f"<title>{title(language)} — Coéduc</title>" in view.body.decode(), figures
        assert down_at - 1 < view.at < up_at + 1, (view.at, figures)
    # Posts refused with the protocol's error and its message, none half-done; those after
    # the recovery saved and delivered.
    refusals = [post.refusal for post in load.posts if post.state == "refused"]
    assert refusals, figures
    assert all(code == "unavailable" and message for code, message in refusals), figures
    assert [p for p in load.posts if p.state == "saved" and p.sent_at > served_at], figures
    assert_nothing_lost(load, saved)
    # The same processes all along, healthy again.
    assert {port: layout.pid(port) for port in layout.web_ports} == pids
    assert request(layout.port, "/healthz")[0] == 200
    logs = logs_since(layout, offsets)
    assert "Traceback" not in logs, logs[logs.find("Traceback") - 300 :][:3000]
    assert "Internal Server Error" not in logs


def test_a_rolling_restart_loses_no_request_and_no_message(layout):
    first, second = layout.web_ports
    load = start_load(layout, "restart")
    try:
        # A request in flight when the worker is told to stop: an upload whose body is still
        # coming (sent to the worker itself: nginx would wait for the whole body first).
        upload = slow_upload(first)
        pid = layout.signal_worker(first, signal.SIGTERM)
        stopped = [load.now()]
        time.sleep(1)
        upload_status = finish_upload(upload)
        layout.wait_exited(pid)
        migrated = layout.manage("migrate", "--no-input")  # the release step, in between
        since = layout.access_log_size()
        layout.start_worker(first)
        # nginx leaves a worker that refused a connection aside for 10 s (fail_timeout): the
        # next one is stopped only once this one is served again.
        layout.wait_routed(first, since)
        layout.signal_worker(second, signal.SIGTERM)
        stopped.append(load.now())
        layout.wait_exited(layout.pid(second))
        since = layout.access_log_size()
        layout.start_worker(second)
        layout.wait_routed(second, since)
        time.sleep(2)
        saved = finish(layout, load, "restart")
    finally:
        load.close()

    figures = f"workers stopped at {stopped[0]:.1f} s and {stopped[1]:.1f} s; {load.summary()}"
    print(figures)
    assert upload_status == 403, f"the upload in flight got {upload_status}"  # CSRF: answered
    assert "No migrations to apply." in migrated
    failed = [(v.at, v.path, v.status) for v in load.views if v.status != 200]
    assert not failed, f"{len(failed)} failed GETs {failed[:5]}; {figures}"
    closes = [(at, code) for member in load.members for at, code in member.closed_at]
    assert {code for _at, code in closes} == {1012}, f"{closes}; {figures}"
    for started, ended in ((stopped[0], stopped[1]), (stopped[1], load.now())):
        assert [at for at, _code in closes if started <= at < ended], (started, figures)
    assert_nothing_lost(load, saved)
    refused = [post.refusal for post in load.posts if post.state == "refused"]
    assert not refused, f"{refused}; {figures}"


def slow_upload(port: int):
    """A POST whose headers and first half of the body are sent; the rest comes later."""
    body = b"message=" + b"x" * 4000
    connection = socket.create_connection(("127.0.0.1", port), timeout=30)
    head = (
        f"POST /fr/workshops/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
        "Content-Type: application/x-www-form-urlencoded\r\n"
        f"Content-Length: {len(body)}\r\n\r\n"
    )
    connection.sendall(head.encode() + body[:2000])
    time.sleep(0.3)  # uvicorn has the headers: the request is in flight
    return connection, body[2000:]


def finish_upload(upload) -> int:
    connection, rest = upload
    with connection:
        connection.sendall(rest)
        answer = b""
        while b"\r\n" not in answer:
            chunk = connection.recv(4096)
            if not chunk:
                break
            answer += chunk
    return int(answer.split(b" ", 2)[1]) if answer else 0
