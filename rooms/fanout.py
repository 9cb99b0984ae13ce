"""A room's events reach each server process once, and the process writes them to its sockets.

With one channel-layer subscription per socket, every event cost, for each of the room's 200
people, a queue, a task wake-up and a dispatch before the frame was even written: the fan-out
measured in bench/rooms_fanout.py was that per-recipient work. Here each process subscribes
once per room (`RoomFanout`), and the sockets of that room in this process are plain
Python objects it writes to.

Events that arrive while a frame is being written, or within BATCH_WINDOW of the last one,
leave together as one frame `{"type": "batch", "events": [...]}` (a single event leaves as
it is): under load, each recipient gets fewer, larger frames; when the room is quiet, an event
leaves at once. The batch is built once, as text, for every recipient.

Order is kept: one subscription, one writer, per room and process. Nothing is lost that the
channel layer delivered; what it did not (a Redis restart) the client asks for again by its
last event number (rooms.events). An event for an audience (the ambassadors) reaches the
sockets in it; the others get the skip of its number in its place, so theirs goes on.
"""

import asyncio
import functools
import logging
import weakref

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

# Long enough to share a frame between the events of a busy room (a p99 budget of 250 ms),
# short enough not to be noticed in a conversation.
BATCH_WINDOW = 0.05
# Frames a socket may have waiting to be written (a slow line) before it is closed: at the
# busiest, 20 frames a second, that is several seconds behind the room.
MAX_BEHIND = 100
CLOSE_TOO_SLOW = 4408
CLOSE_LAYER_FAILED = 1012  # "service restart": the client reconnects

_fanouts: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # loop → {group: RoomFanout}


def batch_frame(texts: list[str]) -> str:
    """One frame for events already serialised as JSON objects (joined, not re-encoded)."""
    if len(texts) == 1:
        return texts[0]
    return '{"type":"batch","events":[' + ",".join(texts) + "]}"


class RoomFanout:
    """One group's subscription in this process, and the sockets it writes to."""

    def __init__(self, group: str):
        self.group = group
        self.layer = get_channel_layer()
        self.sockets: dict = {}  # socket → frames handed to it and not yet written
        self.pending: list[tuple[str, str | None, str | None]] = []  # (text, audience, others)
        self.wake = asyncio.Event()
        self.channel: str | None = None
        self.tasks: list[asyncio.Task] = []
        self.started = asyncio.ensure_future(self._start())

    async def _start(self) -> None:
        self.channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, self.channel)
        self.tasks = [asyncio.ensure_future(self._read()), asyncio.ensure_future(self._write())]

    async def _read(self) -> None:
        try:
            while True:
                event = await self.layer.receive(self.channel)
                if event.get("type") == "room.event":
                    audience = event.get("audience")
                    self.pending.append((event["text"], audience, event.get("others")))
                    self.wake.set()
        except Exception:  # noqa: BLE001 — whatever broke, the room must not go deaf in silence
            # The core layer fails with its Redis connection (the pub/sub layer resubscribes
            # by itself): the sockets are closed, their pages reconnect and catch up by id.
            logger.warning("room %s: the channel layer failed, its sockets reconnect", self.group)
            self._abandon()

    def _abandon(self) -> None:
        fanouts = _fanouts.get(asyncio.get_running_loop(), {})
        if fanouts.get(self.group) is self:
            del fanouts[self.group]  # the sockets that come back start a new subscription
        sockets, self.sockets = list(self.sockets), {}
        for socket in sockets:
            asyncio.ensure_future(socket.close(code=CLOSE_LAYER_FAILED))
        for task in self.tasks:
            task.cancel()

    async def _write(self) -> None:
        while True:
            await self.wake.wait()
            self.wake.clear()
            items, self.pending = self.pending, []
            if not any(audience for _text, audience, _others in items):
                frame = batch_frame([text for text, _audience, _others in items])
                for socket in list(self.sockets):
                    self._deliver(socket, frame)
            else:
                self._deliver_to_audiences(items)
            await asyncio.sleep(BATCH_WINDOW)

    def _deliver_to_audiences(self, items) -> None:
        """Some events are for an audience only: one frame per set of audiences heard."""
        frames: dict[frozenset, str] = {}
        for socket in list(self.sockets):
            heard = getattr(socket, "audiences", frozenset()) & {a for _t, a, _o in items}
            if heard not in frames:
                texts = [text if a is None or a in heard else others for text, a, others in items]
                frames[heard] = batch_frame(texts)
            self._deliver(socket, frames[heard])

    def _deliver(self, socket, frame: str) -> None:
        """Hands the frame to the socket without waiting for it: a phone on a poor line whose
        buffer is full makes its own sends wait, not the room's. One that falls MAX_BEHIND
        frames behind is closed; its page reconnects and catches up by id."""
        behind = self.sockets.get(socket, 0)
        if behind >= MAX_BEHIND:
            del self.sockets[socket]
            asyncio.ensure_future(socket.close(code=CLOSE_TOO_SLOW))
            return
        self.sockets[socket] = behind + 1
        sending = asyncio.ensure_future(socket.send(text_data=frame))
        sending.add_done_callback(functools.partial(self._sent, socket))

    def _sent(self, socket, sending: asyncio.Future) -> None:
        if socket in self.sockets:
            self.sockets[socket] -= 1
        if not sending.cancelled() and sending.exception() is not None:
            # A socket closing as the frame left: its page catches up when it reconnects.
            logger.debug("a socket of %s refused a frame: %r", self.group, sending.exception())

    async def stop(self) -> None:
        try:
            await self.started  # (the tasks exist once it is done)
        except Exception:  # noqa: BLE001 — never subscribed: nothing to undo
            return
        for task in self.tasks:
            task.cancel()
        await self.layer.group_discard(self.group, self.channel)


async def join(group: str, socket) -> None:
    """From now on, `socket` (a consumer) gets the group's events through this process's
    subscription, which is ready when this returns."""
    fanouts = _fanouts.setdefault(asyncio.get_running_loop(), {})
    fanout = fanouts.get(group)
    if fanout is None:
        fanout = fanouts[group] = RoomFanout(group)
    fanout.sockets[socket] = 0
    try:
        if fanout.started.done() and not fanout.started.exception():
            # Again, at each arrival: a Redis restarted without its data forgets the group's
            # members, and with the core layer that leaves a subscription alive but deaf. A
            # page that reconnects renews it before it asks for what it missed.
            await fanout.layer.group_add(group, fanout.channel)
        await fanout.started
    except BaseException:
        fanout.sockets.pop(socket, None)
        if fanouts.get(group) is fanout and not fanout.sockets:
            del fanouts[group]  # the next socket tries again (the layer may be back)
        raise


async def leave(group: str, socket) -> None:
    fanouts = _fanouts.get(asyncio.get_running_loop(), {})
    fanout = fanouts.get(group)
    if fanout is None:
        return
    fanout.sockets.pop(socket, None)
    if not fanout.sockets:
        del fanouts[group]  # before awaiting: a socket that joins meanwhile starts a new one
        await fanout.stop()
