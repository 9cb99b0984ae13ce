"""Sending text messages: the one place that does it, through a pluggable backend.

`SMS_BACKEND` names the class (dotted path). Shipped: `ConsoleBackend` (prints, the default;
the body only under DEBUG), `FileBackend` (one JSON line per message in `SMS_FILE_PATH`, handy
for demos and browser tests) and `MemoryBackend` (an outbox list for tests). A real provider
is one more subclass.
"""

import json
import sys
import threading
from dataclasses import asdict, dataclass, field
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string


@dataclass
class TextMessage:
    to: str
    body: str
    sent_at: str = field(default_factory=lambda: timezone.now().isoformat())


class BaseBackend:
    def send(self, message: TextMessage) -> None:
        raise NotImplementedError


class ConsoleBackend(BaseBackend):
    """Prints the message in development; outside DEBUG only its length (a body may hold a
    sign-in code, and a number is personal data: neither belongs in a server's logs)."""

    def send(self, message: TextMessage) -> None:
        if settings.DEBUG:
            sys.stdout.write(f"--- SMS to {message.to} ---\n{message.body}\n---\n")
        else:
            sys.stdout.write(f"SMS to ***** ({len(message.body)} characters)\n")
        sys.stdout.flush()


class FileBackend(BaseBackend):
    _lock = threading.Lock()

    def send(self, message: TextMessage) -> None:
        folder = Path(settings.SMS_FILE_PATH)
        folder.mkdir(parents=True, exist_ok=True)
        with self._lock, open(folder / "outbox.jsonl", "a", encoding="utf-8") as outbox:
            outbox.write(json.dumps(asdict(message), ensure_ascii=False) + "\n")


class MemoryBackend(BaseBackend):
    outbox: list[TextMessage] = []

    def send(self, message: TextMessage) -> None:
        MemoryBackend.outbox.append(message)


def send_sms(to: str, body: str) -> TextMessage:
    message = TextMessage(to=to, body=body)
    import_string(settings.SMS_BACKEND)().send(message)
    return message
