"""Personal data of the rooms, for core.personal_data: a person's messages, voice messages,
questions (written or spoken), reports, memberships and presence.

Erasure keeps the conversations' shape: a message's text is emptied and flagged, and is shown
as "deleted account" (translated when displayed); a voice message's recording is deleted from
the storage (a question's too); reports made or received lose their reason and their reporter.
"""

import base64

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from core.personal_data import Person, Source, declare_not_personal, register

from . import events, voice
from .models import (
    Connection,
    HelpRequest,
    Member,
    Message,
    ModerationAction,
    OnDuty,
    Report,
    Room,
    WatchedWord,
)


def _export(person: Person):
    if person.user_id is None:
        return {}
    messages = Message.objects.filter(author_id=person.user_id, erased=False).select_related("room")
    questions = HelpRequest.objects.filter(asker_id=person.user_id, erased=False)
    return {
        "messages": [
            {
                "room": message.room.name,
                "text": message.text,
                "created_at": message.created_at.isoformat(),
                "help_request": message.help_request_id,
            }
            for message in messages
        ],
        "questions": [
            {
                "id": question.pk,
                "question": question.question,
                "private": question.is_private,
                "created_at": question.created_at.isoformat(),
            }
            for question in questions
        ],
        "reports": [
            {"message": report.message_id, "reason": report.reason}
            for report in Report.objects.filter(reporter_id=person.user_id)
        ],
        "rooms": [
            {
                "room": member.room.name,
                "rules_accepted_at": member.rules_accepted_at.isoformat()
                if member.rules_accepted_at
                else None,
            }
            for member in Member.objects.filter(user_id=person.user_id).select_related("room")
        ],
    }


def _erase(person: Person) -> int:
    if person.user_id is None:
        return 0
    user_id = person.user_id
    # The messages pages show: shown again, erased, to pages open now and catching up later.
    shown = list(
        Message.objects.filter(author_id=user_id, status=Message.Status.VISIBLE, erased=False)
        .select_related("room", "help_request", "author")
        .order_by("pk")
    )
    touched = Message.objects.filter(author_id=user_id).update(text="", erased=True, client_id="")
    touched += HelpRequest.objects.filter(asker_id=user_id).update(question="", erased=True)
    touched += Report.objects.filter(Q(reporter_id=user_id) | Q(message__author_id=user_id)).update(
        reason="", reporter=None
    )
    touched += Connection.objects.filter(user_id=user_id).delete()[0]
    touched += OnDuty.objects.filter(user_id=user_id).delete()[0]
    touched += Member.objects.filter(user_id=user_id).delete()[0]
    for message in shown:
        message.text, message.erased, message.client_id = "", True, ""
    events.publish_changed(shown)  # last: the rooms' rows stay locked until the commit
    return touched


def _recording(row, note: str, **where) -> dict:
    try:
        data = base64.b64encode(voice.read(row.voice.name)).decode("ascii")
    except OSError:
        data = None  # missing from the storage: the row is still told
    return {
        "room": row.room.name,
        "note": note,
        "created_at": row.created_at.isoformat(),
        **where,
        "type": row.voice_type,
        "seconds": row.voice_seconds,
        "base64": data,
    }


def _export_voice(person: Person):
    """Each recording itself (base64), a voice message's or a question's, with its note, length
    and type."""
    if person.user_id is None:
        return []
    messages = Message.objects.filter(author_id=person.user_id, erased=False).exclude(voice="")
    questions = HelpRequest.objects.filter(asker_id=person.user_id, erased=False).exclude(voice="")
    return [
        _recording(message, message.text, help_request=message.help_request_id)
        for message in messages.select_related("room").order_by("pk")
    ] + [
        _recording(question, question.question, question=question.pk)
        for question in questions.select_related("room").order_by("pk")
    ]


def _erase_voice(person: Person) -> int:
    """The files leave the storage once the erasure is committed (a rollback keeps them)."""
    if person.user_id is None:
        return 0
    touched = 0
    for recordings in (
        Message.objects.filter(author_id=person.user_id).exclude(voice=""),
        HelpRequest.objects.filter(asker_id=person.user_id).exclude(voice=""),
    ):
        for name in recordings.values_list("voice", flat=True):
            voice.discard_after_commit(name)
        touched += recordings.update(voice="", voice_type="", voice_seconds=None)
    return touched


register(
    Source(
        name="rooms.voice",
        label=_("Help rooms: your voice messages"),
        covers={
            Message._meta.label: ("voice", "voice_type", "voice_seconds"),
            HelpRequest._meta.label: ("voice", "voice_type", "voice_seconds"),
        },
        export=_export_voice,
        erase=_erase_voice,
        order=29,  # before the messages: their erasure then sends them without a recording
    )
)
register(
    Source(
        name="rooms.messages",
        label=_("Help rooms: your messages, questions and reports"),
        covers={
            Message._meta.label: ("author", "text", "client_id"),
            HelpRequest._meta.label: ("asker", "question"),
            Report._meta.label: ("reporter", "reason"),
            Member._meta.label: ("user",),
            Connection._meta.label: ("user", "channel_name"),
            OnDuty._meta.label: ("user",),
        },
        export=_export,
        erase=_erase,
        order=30,
    )
)
declare_not_personal(
    Room._meta.label, ["name", "description", "rules"], "A room set up by the team."
)
declare_not_personal(WatchedWord._meta.label, ["word"], "A word the team watches for.")
declare_not_personal(
    ModerationAction._meta.label,
    ["reason", "details"],
    "A moderator's record of an action (append-only); the people are unlinked on erasure.",
)
