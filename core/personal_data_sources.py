"""Personal data the base keeps: message opt-outs and the SMS file outbox (demo backend)."""

import json
import threading
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from .models import OptOut
from .personal_data import Person, Source, register

_outbox_lock = threading.Lock()


def _contacts(person: Person) -> list[str]:
    return [*person.emails, *person.phones]


def _export_opt_outs(person: Person):
    rows = OptOut.objects.filter(contact__in=_contacts(person))
    return [{"contact": row.contact, "created_at": row.created_at.isoformat()} for row in rows]


def _erase_opt_outs(person: Person) -> int:
    # An opt-out is the person's own wish; erasing the account erases the contact with it.
    return OptOut.objects.filter(contact__in=_contacts(person)).delete()[0]


def _outbox_path() -> Path:
    return Path(settings.SMS_FILE_PATH) / "outbox.jsonl"


def _outbox_lines():
    path = _outbox_path()
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as outbox:
        return [json.loads(line) for line in outbox if line.strip()]


def _export_outbox(person: Person):
    return [line for line in _outbox_lines() if line.get("to") in person.phones]


def _erase_outbox(person: Person) -> int:
    if not person.phones:
        return 0
    with _outbox_lock:
        lines = _outbox_lines()
        kept = [line for line in lines if line.get("to") not in person.phones]
        if len(kept) != len(lines):
            with open(_outbox_path(), "w", encoding="utf-8") as outbox:
                outbox.writelines(json.dumps(line, ensure_ascii=False) + "\n" for line in kept)
        return len(lines) - len(kept)


register(
    Source(
        name="core.opt_outs",
        label=_("Message opt-outs"),
        covers={"core.OptOut": ("contact",)},
        export=_export_opt_outs,
        erase=_erase_opt_outs,
    )
)
register(
    Source(
        name="core.sms_outbox",
        label=_("Text messages kept by the demo SMS outbox"),
        covers={},
        export=_export_outbox,
        erase=_erase_outbox,
    )
)
