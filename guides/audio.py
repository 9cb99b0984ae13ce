"""Recordings in guides: which documents are sound (read from their bytes by `core.audio`,
shared with rooms' voice messages) and their address."""

from django.urls import reverse

from core.audio import HEAD_BYTES, sniff_audio_type


def audio_type_of(document) -> str | None:
    """The content type of a Wagtail document that is a sound file, else None."""
    try:
        with document.open_file() as file:
            head = file.read(HEAD_BYTES)
    except (OSError, ValueError):  # missing from the storage
        return None
    return sniff_audio_type(head)


def recording_url(document) -> str:
    """The guides' own address for a recording, changing with its file (cached by browsers)."""
    url = reverse("guides:recording", args=[document.pk])
    return f"{url}?v={document.file_hash[:12]}" if document.file_hash else url
