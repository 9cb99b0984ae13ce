"""rooms.fanout: a room's events reach each process once and leave in as few frames as the
room's pace allows, in order, to every socket of the room in the process."""

import asyncio
import json

import pytest
from channels.layers import get_channel_layer

from rooms import fanout

IN_MEMORY = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}


@pytest.fixture(autouse=True)
def in_memory_layer(settings):
    """The in-memory layer, whose groups can be looked at (Redis's are covered by the
    two-process and Redis-restart tests)."""
    settings.CHANNEL_LAYERS = IN_MEMORY


class Socket:
    """What the fan-out needs of a consumer: `send(text_data=…)`. Keeps the frames."""

    def __init__(self, fail=False, stuck=False):
        self.frames: list[str] = []
        self.fail, self.stuck = fail, stuck
        self.unblocked = asyncio.Event()
        self.closed_with = None

    async def send(self, text_data):
        if self.fail:
            raise RuntimeError("this socket is closing")
        if self.stuck:
            await self.unblocked.wait()  # a full buffer that never drains
        self.frames.append(text_data)

    async def close(self, code):
        self.closed_with = code

    def events(self) -> list[dict]:
        found = []
        for frame in self.frames:
            event = json.loads(frame)
            found += event["events"] if event["type"] == "batch" else [event]
        return found


def room_event(number: int) -> dict:
    text = json.dumps({"type": "message", "message": {"id": number}})
    return {"type": "room.event", "text": text}


async def wait_for(predicate, seconds=2.0):
    deadline = asyncio.get_running_loop().time() + seconds
    while not predicate():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


async def test_one_subscription_per_room_and_process_and_a_lone_event_leaves_alone():
    layer = get_channel_layer()
    first, second = Socket(), Socket()
    await fanout.join("room.a", first)
    await fanout.join("room.a", second)
    assert len(layer.groups["room.a"]) == 1  # one subscription for both sockets

    await layer.group_send("room.a", room_event(1))
    await wait_for(lambda: first.frames and second.frames)
    assert json.loads(first.frames[0]) == {"type": "message", "message": {"id": 1}}
    assert first.frames == second.frames

    await fanout.leave("room.a", first)
    assert len(layer.groups["room.a"]) == 1  # the second socket still listens
    await fanout.leave("room.a", second)
    assert not layer.groups.get("room.a")  # the last one gone: unsubscribed


async def test_events_close_together_share_a_frame_in_order_and_nothing_is_lost():
    layer = get_channel_layer()
    sockets = [Socket() for _ in range(3)]
    for socket in sockets:
        await fanout.join("room.b", socket)
    for number in range(1, 31):
        await layer.group_send("room.b", room_event(number))
    await wait_for(lambda: all(len(s.events()) == 30 for s in sockets))

    for socket in sockets:
        assert [e["message"]["id"] for e in socket.events()] == list(range(1, 31))
        assert len(socket.frames) < 30  # batched: far fewer frames than events
        assert any(json.loads(frame)["type"] == "batch" for frame in socket.frames)
    for socket in sockets:
        await fanout.leave("room.b", socket)


async def test_a_socket_that_fails_does_not_silence_the_others():
    layer = get_channel_layer()
    broken, fine = Socket(fail=True), Socket()
    await fanout.join("room.c", broken)
    await fanout.join("room.c", fine)
    await layer.group_send("room.c", room_event(7))
    await wait_for(lambda: fine.frames)
    assert fine.events() == [{"type": "message", "message": {"id": 7}}]
    await fanout.leave("room.c", broken)
    await fanout.leave("room.c", fine)


async def test_other_event_types_are_not_forwarded():
    layer = get_channel_layer()
    socket = Socket()
    await fanout.join("room.d", socket)
    await layer.group_send("room.d", {"type": "something.else", "text": "{}"})
    await layer.group_send("room.d", room_event(3))
    await wait_for(lambda: socket.frames)
    assert socket.events() == [{"type": "message", "message": {"id": 3}}]
    await fanout.leave("room.d", socket)


async def test_a_slow_socket_does_not_hold_the_room_back_and_is_closed_when_far_behind(
    monkeypatch,
):
    monkeypatch.setattr(fanout, "MAX_BEHIND", 3)
    layer = get_channel_layer()
    slow, fine = Socket(stuck=True), Socket()
    await fanout.join("room.e", slow)
    await fanout.join("room.e", fine)
    for number in range(1, 7):  # one frame each: further apart than the batching window
        await layer.group_send("room.e", room_event(number))
        await wait_for(lambda n=number: len(fine.events()) == n)  # the room goes on
    # The slow socket's sends all wait; at the fourth frame it was closed, not waited for.
    assert slow.closed_with == fanout.CLOSE_TOO_SLOW  # its page reconnects and catches up
    assert slow not in fanout._fanouts[asyncio.get_running_loop()]["room.e"].sockets
    slow.unblocked.set()
    await fanout.leave("room.e", slow)
    await fanout.leave("room.e", fine)


async def test_when_the_layer_fails_the_sockets_are_closed_to_reconnect_not_left_deaf(
    monkeypatch,
):
    layer = get_channel_layer()
    first, second = Socket(), Socket()
    await fanout.join("room.f", first)
    await fanout.join("room.f", second)

    async def broken(channel):
        raise ConnectionError("Redis went away")

    monkeypatch.setattr(layer, "receive", broken)
    # The reader gets this event from the receive() it was waiting in; its next one fails.
    await layer.group_send("room.f", room_event(1))
    await wait_for(lambda: first.closed_with is not None and second.closed_with is not None)
    assert first.closed_with == second.closed_with == fanout.CLOSE_LAYER_FAILED
    assert "room.f" not in fanout._fanouts[asyncio.get_running_loop()]

    monkeypatch.undo()  # the layer is back: the next socket subscribes afresh
    third = Socket()
    await fanout.join("room.f", third)
    await layer.group_send("room.f", room_event(2))
    await wait_for(lambda: third.frames)
    await fanout.leave("room.f", third)


async def test_an_event_for_an_audience_reaches_it_and_the_others_count_its_number():
    layer = get_channel_layer()
    ambassador, parent = Socket(), Socket()
    ambassador.audiences = frozenset({"ambassadors"})
    await fanout.join("room.g", ambassador)
    await fanout.join("room.g", parent)
    private = json.dumps({"type": "help_request", "help_request": {"id": 9}, "seq": 2})
    skip = json.dumps({"type": "skip", "seq": 2})
    await layer.group_send("room.g", room_event(1))
    await layer.group_send(
        "room.g", {"type": "room.event", "text": private, "audience": "ambassadors", "others": skip}
    )
    await layer.group_send("room.g", room_event(3))
    await wait_for(lambda: len(ambassador.events()) == 3 and len(parent.events()) == 3)
    assert [e["type"] for e in ambassador.events()] == ["message", "help_request", "message"]
    assert parent.events()[1] == {"type": "skip", "seq": 2}  # in its place, in order
    assert "help_request" not in "".join(parent.frames)
    await fanout.leave("room.g", ambassador)
    await fanout.leave("room.g", parent)
