"""What a voice message's upload costs the server, against a written message sent by the same
kind of HTTP request (the room page's form without JavaScript), in the same run.

    .venv/bin/python bench/rooms_voice_upload.py [--requests 300] [--concurrency 4]

Needs PostgreSQL and Redis on 127.0.0.1 (the database and Redis of bench/rooms_fanout.py).
One uvicorn process as that bench starts it, one room whose only member is the sender (no
fan-out: what is measured is the request), then `--requests` written posts (POST /post/, a
form, answered 302) and as many voice messages (POST /voice/, multipart with a real 2.6 s
Ogg Opus recording, answered 201 in JSON), `--concurrency` at a time on keep-alive connections.
Prints the server's CPU per request (from /proc) and the latency of each kind.
"""

import argparse
import asyncio
import os
import shutil
import statistics
import sys
import time

import http_client  # bench/http_client.py
import rooms_clients  # bench/rooms_clients.py: the recording and the CSRF token
import rooms_fanout  # bench/rooms_fanout.py: its environment, database, people and servers
from harness import ROOT

ROOM = rooms_fanout.ROOM + "-upload"


async def send(kind: str, cookie: str, port: int, count: int, concurrency: int) -> list[float]:
    """`count` posts of `kind` ("text" or "voice"); their latencies in ms."""
    latencies = []

    async def worker(share: int):
        cookies = rooms_clients.http_cookies(cookie)
        connection = http_client.Connection("127.0.0.1", port, cookies=cookies)
        for n in range(share):
            if kind == "voice":
                body, headers = rooms_clients.voice_upload(f"{share}-{n}")
                answer = await connection.request(
                    "POST", f"/fr/rooms/{ROOM}/voice/", headers=headers, body=body
                )
                expected = 201
            else:
                answer = await connection.request(
                    "POST", f"/fr/rooms/{ROOM}/post/", form={"text": rooms_clients.TEXT},
                    headers={"X-CSRFToken": rooms_clients.CSRF_TOKEN},
                )  # fmt: skip
                expected = 302
            if answer.status != expected:
                raise SystemExit(f"{kind}: HTTP {answer.status} {answer.body[:200]!r}")
            latencies.append(answer.milliseconds)
        await connection.close()

    shares = [count // concurrency + (i < count % concurrency) for i in range(concurrency)]
    await asyncio.gather(*(worker(share) for share in shares))
    return latencies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    sys.path[:0] = [str(ROOT / "bench"), str(ROOT)]
    env = rooms_fanout.environment("pubsub")
    env["ROOMS_RATE_LIMIT_MESSAGES"] = "1000000"  # one sender posts them all
    rooms_fanout.prepare_database(env)
    os.environ.update(env)
    import django

    django.setup()
    import rooms_setup  # bench/rooms_setup.py

    [cookie] = rooms_fanout.people(1, rooms=False)
    from django.contrib.sessions.models import Session

    user_id = Session.objects.get(session_key=cookie.partition("=")[2]).get_decoded()
    rooms_setup.prepare(ROOM, [int(user_id["_auth_user_id"])])
    server = rooms_fanout.start_servers(env, 1)[0]
    port = rooms_fanout.PORTS[0]
    try:
        http_client.run(send("text", cookie, port, 20, 1))  # warm-up: imports, pools
        http_client.run(send("voice", cookie, port, 20, 1))
        for kind in ("text", "voice", "text", "voice"):
            before, started = rooms_fanout.cpu_of({server.pid}), time.monotonic()
            latencies = http_client.run(send(kind, cookie, port, args.requests, args.concurrency))
            wall = time.monotonic() - started
            cpu = rooms_fanout.cpu_of({server.pid}) - before
            latencies.sort()
            print(
                f"{kind:>5}: {args.requests} in {wall:.1f} s ({args.requests / wall:.0f}/s), "
                f"server CPU {cpu * 1000 / args.requests:.1f} ms per request, "
                f"p50 {statistics.median(latencies):.0f} ms, "
                f"p99 {latencies[int(len(latencies) * 0.99) - 1]:.0f} ms",
                flush=True,
            )
    finally:
        rooms_fanout.stop_servers([server])
        shutil.rmtree(rooms_fanout.LOGS / "voice", ignore_errors=True)


if __name__ == "__main__":
    main()
