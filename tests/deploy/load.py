"""A steady load through nginx, as people make it: room members on real WebSockets speaking the
rooms protocol (reconnecting and catching up by event number as room.js does) and page views.

It runs on an event loop of its own in a thread, so that the test injects its fault meanwhile;
every outcome is kept (each GET's answer, each post's fate, each socket's closing code) for the
test's assertions and their messages.
"""

import asyncio
import collections
import contextlib
import itertools
import json
import random
import threading
import time
import uuid
from dataclasses import dataclass, field

from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake, InvalidStatus

from tests.rooms.stream import Stream

# room.js asks again after a gap of 3 s and backs off up to 30 s between reconnections: shorter
# here, where a whole test lasts about 20 s. The shape is room.js's (exponential, jittered).
GAP_WAIT = 1.0
BACKOFF_CEILING = 4.0
GET_TIMEOUT = 30  # a page may wait DATABASE_POOL_TIMEOUT (10 s) before its 503


@dataclass
class PageView:
    at: float  # seconds since the load started
    path: str
    status: int | str  # the HTTP status, or what went wrong on the connection
    seconds: float
    retry_after: str | None = None
    body: bytes = b""


@dataclass
class Post:
    """One message a member means to send, through resends after a dropped socket."""

    text: str
    member: "Member"
    client_ids: list[str] = field(default_factory=list)
    state: str = "pending"  # pending, saved, refused
    refusal: tuple[str, str] | None = None  # (code, message) of the error frame
    sent_at: float = 0.0  # seconds into the load, first sent


async def get(port: int, path: str, cookie: str | None = None) -> tuple[int, dict, bytes]:
    """One GET, HTTP/1.0 (nginx answers it unchunked), on its own connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        lines = [f"GET {path} HTTP/1.0", f"Host: 127.0.0.1:{port}"]
        if cookie:
            lines.append(f"Cookie: {cookie}")
        writer.write(("\r\n".join(lines) + "\r\n\r\n").encode())
        data = await reader.read()
    finally:
        writer.close()
    head, _, body = data.partition(b"\r\n\r\n")
    if not head:
        raise ConnectionError("closed without an answer")
    status_line, *header_lines = head.decode("latin-1").split("\r\n")
    headers = {}
    for line in header_lines:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    return int(status_line.split(" ", 2)[1]), headers, body


class Member:
    """A member's room page: one socket, reconnected with backoff, its stream kept by number."""

    def __init__(self, load: "Load", index: int, cookie: str) -> None:
        self.load, self.index, self.cookie = load, index, cookie
        self.page = Stream()
        self.socket = None
        self.ready = False  # connected, and the catch-up answered
        self.pending: Post | None = None  # the text in the box, sent, not echoed nor refused
        self.connects = 0
        self.closes: collections.Counter = collections.Counter()
        self.closed_at: list[tuple[float, int | str]] = []  # (seconds into the load, code)
        self.errors: list[tuple[str, str]] = []  # error frames that answered no post
        self.first_shown: list[int] = []  # message ids in the order the page first showed them
        self.live_numbers: set[int] = set()  # the numbers this connection brought live
        self.duplicates = 0  # a number brought twice by one connection
        self.live: set[int] = set()  # ids of the messages that came live (not in a catch-up)

    async def run(self) -> None:
        attempt = 0
        url = f"ws://127.0.0.1:{self.load.port}/ws/rooms/{self.load.slug}/"
        while not self.load.closing:
            try:
                async with connect(
                    url,
                    origin=f"http://127.0.0.1:{self.load.port}",
                    additional_headers={"Cookie": self.cookie},
                    open_timeout=10,
                    compression=None,
                    proxy=None,
                ) as socket:
                    self.socket, attempt, just_connected = socket, 0, True
                    self.connects += 1
                    self.live_numbers = set()
                    await socket.send(json.dumps(self.page.hello()))
                    await self.listen(socket, just_connected)
            except InvalidStatus as refused:  # the handshake refused (a connect refused)
                self.closed(f"HTTP {refused.response.status_code}")
            except ConnectionClosed as closed:  # closed before its hello was sent
                self.closed(closed.rcvd.code if closed.rcvd else "no close frame")
            except (OSError, InvalidHandshake, TimeoutError) as error:
                self.closed(type(error).__name__)
            finally:
                self.socket, self.ready = None, False
            if self.load.closing:
                return
            ceiling = min(BACKOFF_CEILING, 2.0**attempt)
            attempt += 1
            await asyncio.sleep(ceiling / 2 + random.random() * ceiling / 2)

    async def listen(self, socket, just_connected: bool) -> None:
        gap_since = None
        while True:
            try:
                frame = await asyncio.wait_for(socket.recv(), timeout=0.25)
            except TimeoutError:
                frame = None
            except ConnectionClosed as closed:
                self.closed(closed.rcvd.code if closed.rcvd else "no close frame")
                return
            if self.load.closing:
                return
            if frame is not None:
                event = json.loads(frame)
                for one in event["events"] if event["type"] == "batch" else [event]:
                    if one["type"] == "history" and just_connected:
                        just_connected = False
                        self.page.receive(one)
                        self.note_shown()
                        self.ready = True
                        await self.after_reconnect()
                    else:
                        self.receive(one)
            # A gap that lasts: hello again with the number it has everything up to.
            if not self.page.waiting:
                gap_since = None
            elif gap_since is None:
                gap_since = time.monotonic()
            elif time.monotonic() - gap_since > GAP_WAIT:
                gap_since = None
                with contextlib.suppress(ConnectionClosed):
                    await socket.send(json.dumps(self.page.hello()))

    def closed(self, code: int | str) -> None:
        self.closes[code] += 1
        self.closed_at.append((self.load.now(), code))

    def receive(self, event: dict) -> None:
        if event["type"] != "history" and event.get("seq") is not None:
            self.duplicates += event["seq"] in self.live_numbers
            self.live_numbers.add(event["seq"])
        self.page.receive(event)
        self.note_shown()
        if event["type"] == "message":
            self.live.add(event["message"]["id"])
        post = self.pending
        if event["type"] == "message" and post:
            if event["message"]["client_id"] in post.client_ids:
                self.settled("saved")
        elif event["type"] == "history" and post:  # a gap filled: the echo may be in it
            if {message["client_id"] for message in self.page.shown()} & set(post.client_ids):
                self.settled("saved")
        elif event["type"] == "error":
            if post and event.get("client_id") in post.client_ids:
                self.settled("refused", (event["code"], event.get("message", "")))
            else:
                self.errors.append((event["code"], event.get("message", "")))

    def note_shown(self) -> None:
        if len(self.page.messages) > len(self.first_shown):
            known = set(self.first_shown)
            self.first_shown += [key for key in self.page.messages if key not in known]

    async def after_reconnect(self) -> None:
        """The post of a dropped socket: in the catch-up, it was saved; otherwise the person
        sends it again (room.js kept the text in the box)."""
        post = self.pending
        if post is None:
            return
        shown = {message["client_id"] for message in self.page.shown()}
        if shown & set(post.client_ids):
            self.settled("saved")
        else:
            self.load.resent += 1
            await self.send(post)

    def settled(self, state: str, refusal=None) -> None:
        self.pending.state, self.pending.refusal = state, refusal
        self.pending = None

    async def send(self, post: Post) -> None:
        client_id = str(uuid.uuid4())
        post.client_ids.append(client_id)
        self.pending = post
        frame = {"type": "post", "text": post.text, "client_id": client_id}
        with contextlib.suppress(ConnectionClosed, AttributeError):  # gone: resent on reconnect
            await self.socket.send(json.dumps(frame))


class Load:
    """`members` sockets in one room posting `posts_per_second` in all, and `gets_per_second`
    page views of `pages` (a path, or (path, cookie) for a signed-in one), until stop()."""

    def __init__(self, port, slug, cookies, pages, posts_per_second=5.0, gets_per_second=10.0):
        self.port, self.slug, self.pages = port, slug, pages
        self.posts_per_second, self.gets_per_second = posts_per_second, gets_per_second
        self.members = [Member(self, index, cookie) for index, cookie in enumerate(cookies)]
        self.views: list[PageView] = []
        self.posts: list[Post] = []
        self.offline_turns = 0  # a member's turn to post came while it was not connected
        self.resent = 0
        self.posting = self.closing = False
        self.started = 0.0
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)
        self._tasks: list[asyncio.Task] = []
        self._views_in_flight: set[asyncio.Task] = set()

    # --- Driven from the test's thread -------------------------------------------------------

    def start(self, connect_seconds: float = 20) -> None:
        """Connects every member (each has its catch-up), then starts the traffic."""
        self._thread.start()
        self._call(self._start())
        deadline = time.monotonic() + connect_seconds
        while not all(member.ready for member in self.members):
            assert time.monotonic() < deadline, f"members not connected: {self.summary()}"
            time.sleep(0.1)
        self.started = time.monotonic()
        self.posting = True
        self._call(self._traffic())

    def now(self) -> float:
        return time.monotonic() - self.started

    def stop_traffic(self, seconds: float = 20) -> None:
        """No new post nor page view; waits for the pages asked and the posts sent."""
        self.posting = False
        deadline = time.monotonic() + seconds
        while self._views_in_flight or any(post.state == "pending" for post in self.posts):
            if time.monotonic() > deadline:
                break  # reported by the test: a post never settled is lost
            time.sleep(0.1)

    def wait_caught_up(self, last_seq: int, seconds: float = 20) -> None:
        """Until every member's page has every event up to the room's last number."""
        deadline = time.monotonic() + seconds
        while any((member.page.seq or 0) < last_seq for member in self.members):
            if time.monotonic() > deadline:
                return  # the test's delivery check says who misses what
            time.sleep(0.1)

    def close(self) -> None:
        self.closing = True
        if self._thread.is_alive():
            with contextlib.suppress(TimeoutError):
                self._call(self._close(), timeout=20)
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(timeout=10)

    def _call(self, coroutine, timeout: float = 30):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result(timeout)

    # --- On the load's loop ---------------------------------------------------------------------

    async def _start(self) -> None:
        self._tasks += [asyncio.create_task(member.run()) for member in self.members]

    async def _traffic(self) -> None:
        self._tasks += [asyncio.create_task(self._post()), asyncio.create_task(self._view())]

    async def _close(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, *self._views_in_flight, return_exceptions=True)

    async def _post(self) -> None:
        turns = itertools.cycle(self.members)
        for number in itertools.count():
            await asyncio.sleep(self.started + number / self.posts_per_second - time.monotonic())
            if not self.posting:
                return
            member = next(turns)
            if not member.ready or member.pending is not None:
                self.offline_turns += 1
                continue
            text = f"Message {number} de {member.index} : à quelle heure ?"
            post = Post(text, member, sent_at=self.now())
            self.posts.append(post)
            await member.send(post)

    async def _view(self) -> None:
        pages = itertools.cycle(self.pages)
        for number in itertools.count():
            await asyncio.sleep(self.started + number / self.gets_per_second - time.monotonic())
            if not self.posting:
                return
            task = asyncio.create_task(self._one_view(next(pages)))
            self._views_in_flight.add(task)
            task.add_done_callback(self._views_in_flight.discard)

    async def _one_view(self, page) -> None:
        path, cookie = (page, None) if isinstance(page, str) else page
        at = self.now()
        started = time.monotonic()
        try:
            status, headers, body = await asyncio.wait_for(
                get(self.port, path, cookie), GET_TIMEOUT
            )
        except (OSError, TimeoutError, ValueError) as error:
            self.views.append(PageView(at, path, type(error).__name__, time.monotonic() - started))
            return
        seconds = time.monotonic() - started
        body = b"" if status == 200 else body  # only the failures' are read
        self.views.append(PageView(at, path, status, seconds, headers.get("retry-after"), body))

    # --- What happened ---------------------------------------------------------------------

    def statuses(self, views=None) -> collections.Counter:
        return collections.Counter(view.status for view in (self.views if views is None else views))

    def summary(self) -> str:
        states = collections.Counter(post.state for post in self.posts)
        closes = sum((member.closes for member in self.members), collections.Counter())
        slowest = max((view.seconds for view in self.views), default=0)
        return (
            f"{len(self.views)} GETs {dict(self.statuses())} (slowest {slowest:.1f} s); "
            f"{len(self.posts)} posts {dict(states)}, {self.resent} sent again, "
            f"{self.offline_turns} turns offline; "
            f"{sum(m.connects for m in self.members)} connects, closes {dict(closes)}"
        )


def delivery_problems(load: Load, saved: list[tuple[int, int, str]]) -> list[str]:
    """What differs between the room's messages in the database, (id, seq, text) by seq, and
    each member's page: every message shown, first shown in the order of their numbers, none
    brought twice by one connection, none saved twice, every echoed post saved."""
    problems = []
    expected_ids = [message_id for message_id, _seq, _text in saved]
    texts = [text for _id, _seq, text in saved]
    duplicated = [text for text, count in collections.Counter(texts).items() if count > 1]
    if duplicated:
        problems.append(f"saved twice: {duplicated}")
    for post in load.posts:
        if post.state == "saved" and post.text not in texts:
            problems.append(f"echoed but not in the database: {post.text}")
    for member in load.members:
        if member.duplicates:
            problems.append(f"member {member.index}: {member.duplicates} events came twice live")
        if member.first_shown != expected_ids:
            missing = sorted(set(expected_ids) - set(member.first_shown))
            extra = sorted(set(member.first_shown) - set(expected_ids))
            problems.append(
                f"member {member.index} (seq {member.page.seq}): missing {missing}, extra {extra}"
                + ("" if missing or extra else ", not in the order of their numbers")
            )
    return problems
