"""The people of bench/production_load.py: parents on pages (closed loop, keep-alive HTTP/1.1
through nginx) and members chatting in rooms (WebSockets, the rooms protocol), and what each
kind of request measured."""

import asyncio
import json
import random
import statistics
import time
import uuid
from collections import Counter, defaultdict

import http_client  # bench/http_client.py (the script's folder is on sys.path)
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake

EXPECTED = {  # the statuses each kind answers when it works
    "guide": {200},
    "workshops": {200},
    "workshop_page": {200},
    "signup": {302, 200},  # 302: signed up (or on the waiting list); 200: full, said on the form
    "room_page": {200},
}


class Figures:
    """Times (ms) and outcomes per kind, for the requests started in the measured window."""

    def __init__(self) -> None:
        self.times: dict[str, list[float]] = defaultdict(list)
        self.statuses: dict[str, Counter] = defaultdict(Counter)
        self.errors: Counter = Counter()
        self.measuring = False
        self.started = self.ended = 0.0
        self.cpu: dict[str, float] = {}  # CPU seconds per process kind, in the window

    def add(self, kind: str, status, milliseconds: float) -> None:
        if not self.measuring:
            return
        self.statuses[kind][status] += 1
        if status in EXPECTED[kind]:
            self.times[kind].append(milliseconds)
        else:
            self.errors[f"{kind} {status}"] += 1

    @property
    def seconds(self) -> float:
        return self.ended - self.started

    def requests(self) -> int:
        return sum(sum(counter.values()) for counter in self.statuses.values())

    def percentiles(self, kind: str) -> tuple[float, float, float]:
        values = self.times[kind] or [0.0]
        if len(values) < 2:
            return values[0], values[0], values[0]
        cuts = statistics.quantiles(values, n=100, method="inclusive")
        return statistics.median(values), cuts[94], cuts[98]

    def all_times(self) -> list[float]:
        return [ms for values in self.times.values() for ms in values]

    def p95(self) -> float:
        values = self.all_times()
        return statistics.quantiles(values, n=100, method="inclusive")[94] if len(values) > 1 else 0


class Parent:
    """A parent on the site, one keep-alive connection, no think time (a closed loop: the
    parents together keep the workers busy); each turn one action, drawn from `mix`."""

    def __init__(self, number: int, port: int, site: dict, mix: dict, figures: Figures) -> None:
        self.number, self.port, self.site, self.figures = number, port, site, figures
        self.kinds, self.weights = list(mix), list(mix.values())
        self.random = random.Random(number)
        self.connection = http_client.Connection("127.0.0.1", port)
        self.signups = 0

    async def run(self, until: float) -> None:
        while time.monotonic() < until:
            kind = self.random.choices(self.kinds, self.weights)[0]
            try:
                await getattr(self, kind)()
            except (OSError, asyncio.IncompleteReadError, ValueError) as error:
                self.figures.add(kind, type(error).__name__, 0)
                await self.connection.close()
                self.connection = http_client.Connection("127.0.0.1", self.port)
        await self.connection.close()

    async def get(self, kind: str, path: str):
        response = await self.connection.request("GET", path)
        self.figures.add(kind, response.status, response.milliseconds)
        return response

    async def guide(self) -> None:
        await self.get("guide", self.random.choice(self.site["guides"]))

    async def workshops(self) -> None:
        await self.get("workshops", self.random.choice(["/fr/workshops/", "/ar/workshops/"]))

    async def signup(self) -> None:
        """The workshop's page (its form and CSRF token), then the form sent, as a guest."""
        path = f"/fr/workshops/{self.random.choice(self.site['workshops'])}/"
        page = await self.get("workshop_page", path)
        token = http_client.CSRF_FIELD.search(page.text) if page.status == 200 else None
        if token is None:
            return
        self.signups += 1
        form = {
            "csrfmiddlewaretoken": token.group(1),
            "first_name": f"Parent{self.number}",
            "email": f"bench-{self.number}-{self.signups}-{uuid.uuid4().hex[:6]}@example.org",
            "phone": "",
            "seats": "1",
            "consent": "on",
            "website": "",
        }
        referer = {"Referer": f"http://127.0.0.1:{self.port}{path}"}
        response = await self.connection.request("POST", path, form=form, headers=referer)
        self.figures.add("signup", response.status, response.milliseconds)

    async def room_page(self) -> None:
        """A member's room page, signed in for this one request (the parent's other requests
        stay a guest's)."""
        slug, cookie = self.random.choice(self.site["members"])
        guest = dict(self.connection.cookies)
        self.connection.cookies["sessionid"] = cookie.removeprefix("sessionid=")
        try:
            await self.get("room_page", f"/fr/rooms/{slug}/")
        finally:
            self.connection.cookies = guest


class Chat:
    """Members in rooms, each posting every `interval` seconds (staggered); every message's
    arrival at every other member of its room is timed from its sending."""

    def __init__(self, port: int, members: list[tuple[str, str]], interval: float) -> None:
        self.port, self.members, self.interval = port, members, interval
        self.sent: dict[str, tuple[float, str]] = {}  # client_id → (sent at, room)
        self.arrivals: list[float] = []  # ms, one per (message, other member)
        self.expected = 0  # (message, other member) pairs of the messages saved
        self.refused: Counter = Counter()
        self.dropped = 0  # sockets closed under a member
        self.measuring = False
        self.ready = 0
        self._room_size = Counter(slug for slug, _cookie in members)

    async def run(self, until: float) -> None:
        await asyncio.gather(
            *(self.member(n, slug, cookie, until) for n, (slug, cookie) in enumerate(self.members))
        )

    async def member(self, number: int, slug: str, cookie: str, until: float) -> None:
        try:
            async with connect(
                f"ws://127.0.0.1:{self.port}/ws/rooms/{slug}/",
                origin=f"http://127.0.0.1:{self.port}",
                additional_headers={"Cookie": cookie},
                compression=None,
                proxy=None,
                open_timeout=30,
            ) as socket:
                await socket.send(json.dumps({"type": "hello", "seq": None}))
                self.ready += 1
                poster = asyncio.create_task(self.post(socket, number, slug, until))
                try:
                    await self.listen(socket, slug, until + 3)  # the last ones still arrive
                finally:
                    poster.cancel()
        except (OSError, InvalidHandshake, TimeoutError, ConnectionClosed):
            self.dropped += 1

    async def post(self, socket, number: int, slug: str, until: float) -> None:
        await asyncio.sleep(self.interval * number / len(self.members))
        while time.monotonic() < until:
            client_id = str(uuid.uuid4())
            if self.measuring:
                self.sent[client_id] = (time.monotonic(), slug)
            frame = {
                "type": "post",
                "text": f"Qui vient jeudi ? ({number})",
                "client_id": client_id,
            }
            await socket.send(json.dumps(frame))
            await asyncio.sleep(self.interval)

    async def listen(self, socket, slug: str, until: float) -> None:
        while (left := until - time.monotonic()) > 0:
            try:
                frame = json.loads(await asyncio.wait_for(socket.recv(), left))
            except TimeoutError:
                return
            for event in frame["events"] if frame["type"] == "batch" else [frame]:
                if event["type"] == "message":
                    sent = self.sent.get(event["message"]["client_id"])
                    if sent is not None and event["message"]["author"]:
                        self.arrivals.append((time.monotonic() - sent[0]) * 1000)
                elif event["type"] == "error" and event.get("client_id") in self.sent:
                    self.refused[event["code"]] += 1
                    self.sent.pop(event["client_id"])

    def delivery(self) -> tuple[int, int]:
        """(arrivals, expected arrivals): each message saved, to every member of its room
        (its author's own echo included)."""
        expected = sum(self._room_size[room] for _at, room in self.sent.values())
        return len(self.arrivals), expected
