"""WebSocket clients of bench/rooms_fanout.py: one asyncio process drives a share of them.

The parent process sends commands through a pipe (connect, step, close); each worker keeps its
clients connected between steps and answers with what it counted. A message's client_id is a
UUID that carries its send time (`time.monotonic_ns()`, the same clock in every process on
Linux), its step and its sender, so that any receiving process can time it with no exchange.
"""

import asyncio
import collections
import json
import resource
import secrets
import string
import time
import urllib.parse
import uuid

import http_client  # bench/http_client.py
import uvloop
from harness import ROOT
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

# Realistic text (typed by a parent), with nothing the rooms would mask or hold.
TEXT = "Bonjour, quelqu'un sait comment retrouver le mot de passe EduConnect de ma fille ?"
# A voice message: a real recording (espeak-ng, then opusenc: what Firefox records), 2.6 s.
RECORDING = (ROOT / "tests" / "rooms" / "audio" / "espeak-opusenc.opus").read_bytes()
# Django's CSRF check compares the cookie with the header: a token of the client's own will do.
CSRF_TOKEN = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))


def voice_upload(client_id: str) -> tuple[bytes, dict[str, str]]:
    """The body and headers of a voice message's upload, as the page's recorder sends it."""
    body, content_type = http_client.multipart(
        {"client_id": client_id, "note": ""}, {"audio": ("voice.ogg", "audio/ogg", RECORDING)}
    )
    headers = {"Content-Type": content_type, "Accept": "application/json",
               "X-CSRFToken": CSRF_TOKEN}  # fmt: skip
    return body, headers


def http_cookies(session_cookie: str) -> dict[str, str]:
    """A signed-in person's cookies for HTTP posts: the session's and the CSRF token's."""
    name, _, value = session_cookie.partition("=")
    return {name: value, "csrftoken": CSRF_TOKEN}


def make_client_id(step: int, sender: int, seq: int) -> str:
    sent = time.monotonic_ns()
    return str(uuid.UUID(int=(sent << 64) | (step << 40) | (sender << 20) | (seq & 0xFFFFF)))


def read_client_id(client_id: str) -> tuple[int, int]:
    """(send time in ns, step) of a client_id made by make_client_id."""
    value = uuid.UUID(client_id).int
    return value >> 64, (value >> 40) & 0xFFFFFF


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


class Client:
    """One person's socket: posts when told, times every message it receives."""

    def __init__(self, worker: "Worker", number: int, url: str, cookie: str, origin: str):
        self.worker, self.number = worker, number
        self.url, self.cookie, self.origin = url, cookie, origin
        self.socket = None
        self.reader = None
        self.http = None  # its keep-alive HTTP connection, for voice messages
        self.seq = 0

    async def open(self, hello: bool, deflate: bool) -> str | None:
        """None when connected, else why not."""
        try:
            self.socket = await connect(
                self.url,
                origin=self.origin,
                additional_headers={"Cookie": self.cookie},
                compression="deflate" if deflate else None,
                open_timeout=60,
                ping_interval=None,
                max_queue=None,
            )
        except Exception as error:  # noqa: BLE001 — reported, not raised: counted per cause
            return type(error).__name__ + ": " + str(error)[:80]
        if hello:
            await self.socket.send(json.dumps({"type": "hello", "last_id": None}))
        self.reader = asyncio.create_task(self.read())
        return None

    async def read(self) -> None:
        worker = self.worker
        try:
            async for frame in self.socket:
                received = time.monotonic_ns()
                worker.frames += 1
                worker.frame_bytes += len(frame)
                worker.last_frame = time.monotonic()
                if '"client_id"' not in frame and '"error"' not in frame:
                    continue  # presence, history, pong
                data = json.loads(frame)
                # rooms: events close together come as one frame {"type": "batch", ...}
                for event in data["events"] if data.get("type") == "batch" else [data]:
                    self.count(event, received)
        except ConnectionClosed as closed:
            worker.closed[str(closed.rcvd.code if closed.rcvd else "none")] += 1

    def count(self, data: dict, received: int) -> None:
        worker = self.worker
        if data.get("type") == "error":
            worker.errors[data.get("code", "?")] += 1
            return
        message = data.get("message", data)  # rooms: {"message": {...}}; bare: as sent
        client_id = message.get("client_id") if isinstance(message, dict) else None
        if not client_id:
            return
        try:
            sent, step = read_client_id(client_id)
        except ValueError:
            return
        if step != worker.step:
            worker.stray += 1
            return
        key = (client_id, self.number)
        if key in worker.seen:
            worker.duplicates += 1
            return
        worker.seen.add(key)
        worker.latencies.append((received - sent) / 1e6)
        worker.last_receipt = time.monotonic()

    async def post(self, step: int, sender: int) -> None:
        self.seq += 1
        frame = json.dumps(
            {"type": "post", "text": TEXT, "client_id": make_client_id(step, sender, self.seq)}
        )
        await self.socket.send(frame)

    async def post_voice(self, step: int, sender: int) -> None:
        """A voice message as the page's recorder sends it: over HTTP (multipart, the file and
        the client_id), then broadcast by the server as metadata and timed like any other."""
        self.seq += 1
        body, headers = voice_upload(make_client_id(step, sender, self.seq))
        url = urllib.parse.urlsplit(self.url)  # ws://host:port/ws/rooms/<slug>/
        slug = url.path.rstrip("/").rsplit("/", 1)[1]
        for attempt in range(2):  # the server closes a connection left idle between steps
            if self.http is None:
                cookies = http_cookies(self.cookie)
                self.http = http_client.Connection(url.hostname, url.port, cookies=cookies)
            try:
                answer = await self.http.request(
                    "POST", f"/fr/rooms/{slug}/voice/", headers=headers, body=body
                )
                break
            except (OSError, asyncio.IncompleteReadError):
                await self.http.close()
                self.http = None
                if attempt:
                    self.worker.errors["voice: connection"] += 1
                    return
        if answer.status != 201:
            self.worker.errors[f"voice: HTTP {answer.status}"] += 1

    async def close(self) -> None:
        if self.http is not None:
            await self.http.close()
            self.http = None
        if self.socket is not None:
            await self.socket.close()
        if self.reader is not None:
            await self.reader


class Worker:
    def __init__(self, index: int):
        self.index = index
        self.clients: list[Client] = []
        self.step = 0
        self.frames = self.frame_bytes = 0
        self.last_frame = time.monotonic()
        self.reset()

    def reset(self) -> None:
        self.latencies: list[float] = []
        self.seen: set = set()
        self.errors: collections.Counter = collections.Counter()
        self.closed: collections.Counter = collections.Counter()
        self.duplicates = self.stray = 0
        self.last_receipt = time.monotonic()

    async def connect(self, sockets: list[tuple[str, str, str]], hello: bool, deflate: bool):
        """Opens the sockets, 50 at a time (a crowd arriving, not a single burst)."""
        new = [Client(self, len(self.clients) + i, *s) for i, s in enumerate(sockets)]
        failures: collections.Counter = collections.Counter()
        for start in range(0, len(new), 50):
            batch = new[start : start + 50]
            for error in await asyncio.gather(*(c.open(hello, deflate) for c in batch)):
                if error:
                    failures[error] += 1
        self.clients += [c for c in new if c.socket is not None and c.reader is not None]
        return {"connected": len(self.clients), "failures": dict(failures)}

    async def settle(self, quiet: float = 1.0, limit: float = 60.0):
        """Waits until no frame arrived for `quiet` seconds: what the arrivals caused is over.

        Returns the frames and bytes received since the last settle, and the time it took."""
        started = time.monotonic()
        while time.monotonic() - self.last_frame < quiet and time.monotonic() - started < limit:
            await asyncio.sleep(0.1)
        counted = {"frames": self.frames, "bytes": self.frame_bytes}
        self.frames = self.frame_bytes = 0
        return {**counted, "seconds": time.monotonic() - started}

    async def run_step(
        self, step: int, rate: float, seconds: float, start_at: float, drain: float, voice_every=0
    ):
        """Posts at `rate` per second from this worker's clients, in turn, from `start_at`;
        with `voice_every` N, one post in N is a voice message (sent over HTTP)."""
        self.reset()
        self.step = step
        cpu_before = cpu_seconds()
        count = round(rate * seconds)
        lags = []
        sends = []
        for i in range(count):
            due = start_at + i / rate
            delay = due - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            lags.append(max(0.0, time.monotonic() - due) * 1000)
            client = self.clients[(i * 7919 + self.index) % len(self.clients)]
            voice = voice_every and i % voice_every == voice_every - 1
            post = client.post_voice if voice else client.post
            sends.append(asyncio.create_task(post(step, self.index)))
        await asyncio.gather(*sends, return_exceptions=True)
        end = time.monotonic()
        # Drain: until nothing of this step arrived for 1 s (at most `drain` seconds).
        while time.monotonic() - end < drain and time.monotonic() - self.last_receipt < 1.0:
            await asyncio.sleep(0.1)
        lags.sort()
        self.frames = self.frame_bytes = 0  # `settle` counts what arrivals cause, not steps
        return {
            "sent": count,
            "latencies": self.latencies,
            "duplicates": self.duplicates,
            "stray": self.stray,
            "errors": dict(self.errors),
            "closed": dict(self.closed),
            "cpu": cpu_seconds() - cpu_before,
            "wall": time.monotonic() - start_at,
            "send_lag_p99": lags[int(len(lags) * 0.99) - 1] if lags else 0.0,
        }

    async def close(self):
        await asyncio.gather(*(c.close() for c in self.clients), return_exceptions=True)
        closed = len(self.clients)
        self.clients = []
        return {"closed": closed}


def serve(index: int, pipe) -> None:
    """A worker process's life: obey the parent's commands until "exit"."""

    async def main():
        worker = Worker(index)
        loop = asyncio.get_running_loop()
        while True:
            command, kwargs = await loop.run_in_executor(None, pipe.recv)
            if command == "exit":
                await worker.close()
                pipe.send({})
                return
            pipe.send(await getattr(worker, command)(**kwargs))

    uvloop.run(main())
