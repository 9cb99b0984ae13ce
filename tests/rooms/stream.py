"""A page's copy of a room's event stream, kept as rooms/static/rooms/room.js keeps it.

The tests' clients (in-process and over real sockets) feed it every event they receive, and
say hello with its `seq`: the number it has every event up to (rooms/PROTOCOL.md). An event
that comes before one it follows waits in `ahead` until the gap is filled (live, or by a
catch-up); each message and question is shown in the state of its latest number.
"""


class Stream:
    def __init__(self, seq: int | None = None):
        self.seq = seq  # every event numbered up to it is applied; None until a first history
        self.ahead: dict[int, dict] = {}  # number → an event that came early
        self.messages: dict[int, dict] = {}  # id → the message shown
        self.help_requests: dict[int, str] = {}  # id → "open" or "claimed"
        self.states: dict[tuple[str, int], int] = {}  # (kind, id) → number of the state shown
        self.applied: list[dict] = []  # every numbered event applied, in order

    def hello(self) -> dict:
        return {"type": "hello", "seq": self.seq}

    def receive(self, event: dict) -> None:
        if event["type"] == "history":
            self._history(event)
            return
        number = event.get("seq")
        if number is None:
            return  # presence, who is on duty, errors, pongs: not numbered
        if self.seq is not None and number <= self.seq:
            return  # had it (a catch-up brought it, or it came twice)
        self.ahead[number] = event
        self._advance()

    @property
    def waiting(self) -> bool:
        """A gap: an event came whose predecessor did not (room.js asks again after a while)."""
        return bool(self.ahead)

    def shown(self) -> list[dict]:
        """The messages as the page lists them: by id."""
        return [self.messages[key] for key in sorted(self.messages)]

    def _history(self, event: dict) -> None:
        for one in event["events"]:
            self._apply(one)
        self.seq = max(self.seq or 0, event["seq"])
        for number in [n for n in self.ahead if n <= self.seq]:
            del self.ahead[number]  # the catch-up gave those things' states as of then or later
        self._advance()

    def _advance(self) -> None:
        while self.seq is not None and self.seq + 1 in self.ahead:
            self.seq += 1
            self._apply(self.ahead.pop(self.seq))

    def _newer(self, kind: str, key: int, number: int) -> bool:
        if self.states.get((kind, key), -1) >= number:
            return False  # shows a later state already
        self.states[(kind, key)] = number
        return True

    def _apply(self, event: dict) -> None:
        kind, number = event["type"], event["seq"]
        if kind == "skip":
            return  # an event for others (a private question): only its number counts
        self.applied.append(event)
        if kind in ("message", "restored", "hidden"):
            key = event["message"]["id"] if kind != "hidden" else event["message_id"]
            if self._newer("message", key, number):
                if kind == "hidden":
                    self.messages.pop(key, None)
                else:
                    self.messages[key] = event["message"]
        elif kind in ("help_request", "claimed"):
            claimed = kind == "claimed"
            key = event["help_request_id"] if claimed else event["help_request"]["id"]
            if self._newer("help_request", key, number):
                self.help_requests[key] = "claimed" if claimed else "open"
