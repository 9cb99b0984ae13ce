"""Voice messages: the checks of an uploaded recording (its real type, whole, its length and
size), its file kept outside MEDIA_ROOT (`rooms.storage`), and the answer to a request for it
(the caller has checked who asks, every time), byte ranges included so that phones can seek.

A voice message is a room message like the others (`rooms.services.post_message`): its text is
a short note, perhaps empty, under the same watched words and masking; only its metadata
(type, length, address) goes through the channel layer, never the sound. A question asked by
voice (`rooms.services.ask_for_help`) is checked, stored and served the same way.
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.audio import EXTENSIONS, ranged_response

from .errors import RoomError
from .storage import voice_storage
from .voice_formats import Recording, UnreadableAudio, read_recording

MAX_SECONDS = settings.ROOMS_VOICE_MAX_SECONDS
MAX_BYTES = settings.ROOMS_VOICE_MAX_BYTES
# The page stops recording at MAX_SECONDS; the container then says a little more (the encoder's
# last frame, a block's rounding): that much more is not refused.
TOLERANCE_SECONDS = 1.0
NOTE_MAX_LENGTH = 300


@dataclass(frozen=True)
class CheckedRecording:
    data: bytes
    recording: Recording


def _too_big() -> RoomError:
    megabytes = f"{MAX_BYTES / (1024 * 1024):.2g}"
    return RoomError(
        "voice_too_big",
        _("This recording is too big: %(size)s MB at most. Record a shorter message.")
        % {"size": megabytes},
    )


def _too_long() -> RoomError:
    message = ngettext(
        "This recording is too long: a voice message lasts %(count)d second at most.",
        "This recording is too long: a voice message lasts %(count)d seconds at most.",
        MAX_SECONDS,
    )
    return RoomError("voice_too_long", message % {"count": MAX_SECONDS})


def check_recording(upload) -> CheckedRecording:
    """The uploaded file as a recording we keep, or RoomError with the reason (nothing is
    stored). Its type is read from its bytes; its name and declared type are ignored."""
    if upload is None or not upload.size:
        raise RoomError("voice_empty")
    if upload.size > MAX_BYTES:
        raise _too_big()
    upload.seek(0)
    data = upload.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise _too_big()
    if not data:
        raise RoomError("voice_empty")
    try:
        recording = read_recording(data)
    except UnreadableAudio as error:
        raise RoomError("voice_type" if error.kind == "type" else "voice_broken") from None
    if recording.seconds <= 0:
        raise RoomError("voice_empty")  # a container with no sound in it
    if recording.seconds > MAX_SECONDS + TOLERANCE_SECONDS:
        raise _too_long()
    return CheckedRecording(data, recording)


def clean_note(text) -> str:
    """A voice message's note: optional, short."""
    text = (text if isinstance(text, str) else "").strip()
    if len(text) > NOTE_MAX_LENGTH:
        message = ngettext(
            "This note is too long: %(count)d character at most.",
            "This note is too long: %(count)d characters at most.",
            NOTE_MAX_LENGTH,
        )
        raise RoomError("too_long", message % {"count": NOTE_MAX_LENGTH})
    return text


# --- The files -----------------------------------------------------------------------------


def store(checked: CheckedRecording, room) -> str:
    """Write the recording under a name nobody can guess; returns the storage's name."""
    from django.core.files.base import ContentFile

    name = f"room-{room.pk}/{secrets.token_urlsafe(18)}{checked.recording.extension}"
    return voice_storage.save(name, ContentFile(checked.data))


def attach(row, checked: CheckedRecording | None, room) -> str:
    """Store the recording (if any) and name it on the unsaved `row` (a message, a question);
    returns the storage's name, for the caller to discard if the row is not saved after all."""
    if checked is None:
        return ""
    row.voice = store(checked, room)
    row.voice_type = checked.recording.content_type
    row.voice_seconds = checked.recording.seconds
    return row.voice.name


def discard(name: str) -> None:
    if name:
        voice_storage.delete(name)


def discard_after_commit(name: str) -> None:
    """Delete the file once the row that named it is gone for good (a rollback keeps both)."""
    if name:
        transaction.on_commit(lambda: discard(name), robust=True)


def read(name: str) -> bytes:
    with voice_storage.open(name, "rb") as file:
        return file.read()


# --- The answer to a request ---------------------------------------------------------------


def file_response(request, row, name: str) -> HttpResponse:
    """The recording of a row (a message, a question) whose listener the caller has checked:
    whole, or the range asked for (206), as phones' players ask to seek. `name`: the file's
    name for who saves it, without its extension."""
    try:
        file = voice_storage.open(row.voice.name, "rb")
    except OSError:
        raise Http404 from None  # gone from the storage (erased meanwhile)
    content_type = row.voice_type or "application/octet-stream"
    response = ranged_response(file, file.size, content_type, request.headers.get("Range", ""))
    # Each request is checked: no copy kept by the browser or on the way, once erased.
    response["Cache-Control"] = "private, no-store"
    extension = EXTENSIONS.get(row.voice_type, "")
    response["Content-Disposition"] = f'inline; filename="{name}{extension}"'
    return response
