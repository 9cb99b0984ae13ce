"""Sound files served to players: what a file is, read from its first bytes (never its name),
and the byte ranges phones ask for to seek in it (206, or 416 past the end), which neither
Django's nor Wagtail's file responses answer. Guides' recordings and rooms' voice messages
both serve their files through here; who may hear a file is the caller's question.
"""

import re

from django.http import FileResponse, HttpResponse

# Enough of the start of a file to see what it is: the container's signature and, for Ogg and
# WebM, the codec or document type right after it.
HEAD_BYTES = 64

# MP4 brands of sound and video files (HEIF/AVIF images are MP4 boxes too: not those).
MP4_BRANDS = {b"M4A ", b"M4B ", b"mp41", b"mp42", b"isom", b"iso2", b"iso5", b"iso6", b"dash"}

# The file name's ending for each type a browser records in (the name is only ever a label).
EXTENSIONS = {"audio/ogg": ".ogg", "audio/webm": ".webm", "audio/mp4": ".m4a"}

RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")

# Opened on its own (not in a page's player), a served file runs nothing.
SANDBOX = "default-src 'none'; media-src 'self'; sandbox"


def container(head: bytes) -> str | None:
    """The container a file's first bytes announce: "ogg", "ebml" (Matroska, of which WebM is
    the web's part), "mp4", "mp3" or "adts"; None for anything else. What it holds (Opus or
    Theora, sound or film) is for the caller to read further."""
    if head.startswith(b"OggS"):
        return "ogg"
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "ebml"
    if head[4:8] == b"ftyp":
        return "mp4"
    if head.startswith(b"ID3"):  # MP3 with its tags first
        return "mp3"
    if len(head) >= 3 and head[0] == 0xFF:
        if head[1] & 0xF6 == 0xF0:  # ADTS: sync, layer 0
            return "adts"
        bitrate, sampling = head[2] >> 4, (head[2] >> 2) & 0x03
        if head[1] & 0xE0 == 0xE0 and head[1] & 0x06 and bitrate != 0x0F and sampling != 0x03:
            return "mp3"  # an MPEG audio frame header, MP3 without tags
    return None


def sniff_audio_type(head: bytes) -> str | None:
    """The content type of a sound file from its first bytes, or None if it is not one we play.

    Ogg (Opus or Vorbis), WebM, MP4 (AAC), ADTS AAC and MP3; never the file's name.
    """
    kind = container(head)
    if kind == "ogg":
        # The first packet names the codec: Opus or Vorbis, not Theora video nor anything else.
        return "audio/ogg" if b"OpusHead" in head or b"\x01vorbis" in head else None
    if kind == "ebml":
        return "audio/webm" if b"webm" in head else None
    if kind == "mp4":
        return "audio/mp4" if head[8:12] in MP4_BRANDS else None
    return {"mp3": "audio/mpeg", "adts": "audio/aac"}.get(kind)


class UnsatisfiableRange(ValueError):
    """A Range header that asks for bytes beyond the end of the file (answered with 416)."""


def byte_range(header: str, size: int) -> tuple[int, int] | None:
    """(first, last) byte asked for by a ``Range`` header, both included, or None for the whole
    file: no header, or one we do not answer (several ranges, another unit, nonsense, a last
    byte before the first), which HTTP lets a server ignore."""
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


def ranged_response(file, size: int, content_type: str, range_header: str, filename: str = ""):
    """The open `file` (of `size` bytes) as the answer to a request with `range_header`: whole
    (streamed, 200), the range asked for (206), or 416 past its end; the file is closed or
    handed to the response. The caller adds its own caching and checks who asks first."""
    try:
        wanted = byte_range(range_header, size)
    except UnsatisfiableRange:
        file.close()
        response = HttpResponse(status=416)
        response["Content-Range"] = f"bytes */{size}"
    else:
        if wanted is None:
            response = FileResponse(file, content_type=content_type, filename=filename)
        else:
            first, last = wanted
            with file:
                file.seek(first)
                body = file.read(last - first + 1)  # the callers' files are a few MB at most
            response = HttpResponse(body, status=206, content_type=content_type)
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
            response["Content-Length"] = str(len(body))
    response["Accept-Ranges"] = "bytes"
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = SANDBOX
    return response
