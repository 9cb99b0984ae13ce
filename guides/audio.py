"""Recordings in guides: which files are sound (read from their bytes), their address, and the
byte ranges phones ask for to seek in them, which neither Django's nor Wagtail's file
responses answer.
"""

import re

from django.urls import reverse

# Enough of the start of a file to see what it is: the container's signature and, for Ogg and
# WebM, the codec or document type right after it.
HEAD_BYTES = 64

# MP4 brands of sound and video files (HEIF/AVIF images are MP4 boxes too: not those).
MP4_BRANDS = {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"iso5", b"iso6", b"dash"}

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def sniff_audio_type(head: bytes) -> str | None:
    """The content type of a sound file from its first bytes, or None if it is not one we play.

    Ogg (Opus or Vorbis), WebM, MP4 (AAC), ADTS AAC and MP3; never the file's name.
    """
    if head.startswith(b"OggS"):
        # The first packet names the codec: Opus or Vorbis, not Theora video nor anything else.
        if b"OpusHead" in head or b"\x01vorbis" in head:
            return "audio/ogg"
        return None
    if head.startswith(b"\x1a\x45\xdf\xa3"):  # EBML: Matroska, of which WebM is the web's part
        return "audio/webm" if b"webm" in head else None
    if head[4:8] == b"ftyp":
        return "audio/mp4" if head[8:12] in MP4_BRANDS else None
    if head.startswith(b"ID3"):  # MP3 with its tags first
        return "audio/mpeg"
    if len(head) >= 3 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:  # ADTS: sync, layer 0
            return "audio/aac"
        bitrate, sampling = head[2] >> 4, (head[2] >> 2) & 0x03
        if head[1] & 0xE0 == 0xE0 and head[1] & 0x06 and bitrate != 0x0F and sampling != 0x03:
            return "audio/mpeg"  # an MPEG audio frame header, MP3 without tags
    return None


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


class UnsatisfiableRange(ValueError):
    """A Range header that asks for bytes beyond the end of the file (answered with 416)."""


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte asked for by a ``Range`` header, both included, or None for the whole
    file: no header, or one we do not answer (several ranges, another unit, nonsense), which
    HTTP lets a server ignore."""
    match = RANGE.match((header or "").strip())
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # "bytes=-500": the last 500 bytes
        length = int(last)
        if length == 0 or size == 0:
            raise UnsatisfiableRange(header)
        return max(0, size - length), size - 1
    start = int(first)
    if last and int(last) < start:
        return None
    if start >= size:
        raise UnsatisfiableRange(header)
    return start, min(int(last), size - 1) if last else size - 1
