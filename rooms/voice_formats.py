"""What a voice message's file really is, read from its bytes: Ogg (Opus or Vorbis), WebM or MP4
audio, whole, and how long it lasts. Never the file's name nor the browser's Content-Type.

Browsers record in three containers (MediaRecorder): Chromium in WebM (Opus), Firefox in Ogg
(Opus), Safari in MP4 (AAC). Each reader checks that the file is complete (a cut-off upload is
refused, not stored) and that it holds sound and no picture. The duration:
- Ogg: mutagen (the last page's granule position, less the Opus pre-skip);
- MP4: mutagen reads the header (`mdhd`); a fragmented file (what MediaRecorder writes) keeps
  its samples' durations in its fragments (`moof`/`trun`) and leaves the header at 0 or wrong
  (Chromium writes milliseconds there against a 48 kHz timescale): they are added up here;
- WebM: mutagen does not read Matroska, and MediaRecorder's WebM, written as it records, often
  has no Duration: the time of its last block is read here (a small EBML walk), and the larger
  of the two is taken, so a header cannot understate what the blocks hold.
A few hundred lines of Python, rather than ffprobe: no system package to install and run, and a
file is read once, in memory (it is 2 MB at most when it gets here).
"""

import io
import struct
import zlib
from dataclasses import dataclass

import mutagen
from mutagen.mp4 import MP4
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

from core.audio import EXTENSIONS, HEAD_BYTES, container


class UnreadableAudio(Exception):
    """`kind`: "type" (not a recording of ours: another format, a picture, a program) or
    "broken" (our format, but cut off or damaged)."""

    def __init__(self, kind: str):
        self.kind = kind
        super().__init__(kind)


@dataclass(frozen=True)
class Recording:
    content_type: str  # audio/ogg, audio/webm or audio/mp4
    extension: str
    seconds: float


def read_recording(data: bytes) -> Recording:
    """The recording's type and duration, or UnreadableAudio."""
    # The signature chooses the reader (`core.audio`, as for guides' recordings); the reader
    # then tells sound from film, and a whole file from a cut-off one.
    kind = container(data[:HEAD_BYTES])
    if kind not in READERS:
        raise UnreadableAudio("type")  # MP3 or ADTS play in guides, but no browser records them
    content_type, seconds_of = READERS[kind]
    return Recording(content_type, EXTENSIONS[content_type], seconds_of(data))


# --- Ogg -----------------------------------------------------------------------------------


# Ogg's CRC-32 is zlib's, unreflected and without its initial and final inversions: zlib's C
# loop on the bytes' bits mirrored, then the result mirrored (a Python loop took 0.35 s a file).
_MIRROR = bytes(int(f"{byte:08b}"[::-1], 2) for byte in range(256))


def ogg_crc(page: bytes) -> int:
    reflected = zlib.crc32(page.translate(_MIRROR), 0xFFFFFFFF) ^ 0xFFFFFFFF
    return int(f"{reflected:032b}"[::-1], 2)


def _ogg_pages(data: bytes):
    """(header type, page body) of each page, checked whole and by its checksum."""
    offset = 0
    while offset < len(data):
        header = data[offset : offset + 27]
        if len(header) < 27 or header[:4] != b"OggS" or header[4] != 0:
            raise UnreadableAudio("broken")
        segments = header[26]
        lacing = data[offset + 27 : offset + 27 + segments]
        end = offset + 27 + segments + sum(lacing)
        if len(lacing) < segments or end > len(data):
            raise UnreadableAudio("broken")  # cut off in the middle of a page
        page = bytearray(data[offset:end])
        stored = struct.unpack_from("<I", page, 22)[0]
        page[22:26] = b"\0\0\0\0"
        if ogg_crc(page) != stored:
            raise UnreadableAudio("broken")
        yield header[5], bytes(page[27 + segments :])
        offset = end


def _ogg_seconds(data: bytes) -> float:
    codec = None
    for header_type, body in _ogg_pages(data):
        if header_type & 0x02:  # the first page of a stream: its first packet names the codec
            if body.startswith(b"OpusHead"):
                codec = codec or OggOpus
            elif body.startswith(b"\x01vorbis"):
                codec = codec or OggVorbis
            else:
                raise UnreadableAudio("type")  # Theora video, FLAC, Speex…: not ours
    if codec is None:
        raise UnreadableAudio("type")
    try:
        return float(codec(io.BytesIO(data)).info.length)
    except (mutagen.MutagenError, struct.error, ValueError, OverflowError):
        raise UnreadableAudio("broken") from None


# --- WebM (EBML) ---------------------------------------------------------------------------

EBML, DOC_TYPE = 0x1A45DFA3, 0x4282
SEGMENT, INFO, TIMECODE_SCALE, DURATION = 0x18538067, 0x1549A966, 0x2AD7B1, 0x4489
TRACKS, TRACK_ENTRY, TRACK_TYPE = 0x1654AE6B, 0xAE, 0x83
CLUSTER, CLUSTER_TIMECODE, SIMPLE_BLOCK, BLOCK_GROUP, BLOCK = 0x1F43B675, 0xE7, 0xA3, 0xA0, 0xA1
# Entered rather than skipped: their children are read as if they followed them. Matroska's
# element ids are unique whatever the level, so a flat walk needs no stack, and it reads the
# Segment and Clusters of unknown size that MediaRecorder writes as it goes.
MASTERS = {SEGMENT, INFO, TRACKS, TRACK_ENTRY, CLUSTER, BLOCK_GROUP}
VIDEO, AUDIO = 1, 2


def _vint(data: bytes, offset: int, keep_marker: bool) -> tuple[int, int, bool]:
    """(value, length, every value bit set: "unknown size") of the variable-size integer."""
    if offset >= len(data) or data[offset] == 0:
        raise UnreadableAudio("broken")
    first = data[offset]
    length = 9 - first.bit_length()
    if offset + length > len(data):
        raise UnreadableAudio("broken")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[offset + 1 : offset + length]:
        value = (value << 8) | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, length, unknown


def _elements(data: bytes, offset: int = 0):
    """(id, data offset, size or None when unknown) of each element, masters entered."""
    while offset < len(data):
        element, id_length, _ = _vint(data, offset, keep_marker=True)
        size, size_length, unknown = _vint(data, offset + id_length, keep_marker=False)
        start = offset + id_length + size_length
        if unknown and element not in MASTERS:
            raise UnreadableAudio("broken")
        if not unknown and start + size > len(data):
            raise UnreadableAudio("broken")  # cut off: the element goes past the end
        yield element, start, None if unknown else size
        offset = start if element in MASTERS else start + size


def _uint(data: bytes) -> int:
    return int.from_bytes(data, "big") if data else 0


def _webm_seconds(data: bytes) -> float:
    walk = _elements(data)
    element, start, size = next(walk)
    if element != EBML or size is None:
        raise UnreadableAudio("type")
    head = data[start : start + size]
    header = {e: head[s : s + n] for e, s, n in _elements(head)}
    if header.get(DOC_TYPE, b"").rstrip(b"\0") != b"webm":
        raise UnreadableAudio("type")  # Matroska video, or another EBML document
    scale, duration, types = 1_000_000, 0.0, []
    cluster_time, last, gap = 0, None, 0
    for element, start, size in walk:
        body = data[start : start + size] if size is not None else b""
        if element == TIMECODE_SCALE:
            scale = _uint(body) or scale
        elif element == DURATION and size in (4, 8):
            duration = struct.unpack(">f" if size == 4 else ">d", body)[0]
        elif element == TRACK_TYPE:
            types.append(_uint(body))
        elif element == CLUSTER_TIMECODE:
            cluster_time = _uint(body)
        elif element in (SIMPLE_BLOCK, BLOCK):
            _track, length, _ = _vint(body, 0, keep_marker=False)
            if len(body) < length + 3:
                raise UnreadableAudio("broken")
            time = cluster_time + struct.unpack_from(">h", body, length)[0]
            if last is not None and time > last:
                gap = time - last
            last = time if last is None else max(last, time)
    if AUDIO not in types or VIDEO in types:
        raise UnreadableAudio("type")
    # The last block lasts about as long as the one before it (20 ms of Opus, usually).
    blocks_end = (last + gap) if last is not None else 0
    if duration != duration or duration < 0:  # NaN, or negative: a damaged header
        raise UnreadableAudio("broken")
    return max(duration, blocks_end) * scale / 1e9


# --- MP4 (ISO BMFF) ------------------------------------------------------------------------

# Entered when looking for the audio track and the fragments' samples.
MP4_CONTAINERS = {b"moov", b"trak", b"mdia", b"minf", b"stbl", b"mvex", b"moof", b"traf"}


def _boxes(data: bytes, start: int, end: int):
    """(type, payload start, payload end) of each box in data[start:end], checked whole."""
    offset = start
    while offset < end:
        if offset + 8 > end:
            raise UnreadableAudio("broken")
        size, kind = struct.unpack_from(">I4s", data, offset)
        header = 8
        if size == 1:
            if offset + 16 > end:
                raise UnreadableAudio("broken")
            size, header = struct.unpack_from(">Q", data, offset + 8)[0], 16
        elif size == 0:
            size = end - offset  # "to the end of the file"
        if size < header or offset + size > end:
            raise UnreadableAudio("broken")  # cut off, or a size that lies
        yield kind, offset + header, offset + size
        offset += size


def _find(data, start, end, kind):
    return [(s, e) for k, s, e in _boxes(data, start, end) if k == kind]


def _mp4_tracks(data: bytes, moov: tuple[int, int]) -> dict[int, tuple[bytes, int]]:
    """Track id → (handler: b"soun", b"vide"…, timescale)."""
    tracks = {}
    for trak in _find(data, *moov, b"trak"):
        tkhd = _find(data, *trak, b"tkhd")
        mdia = _find(data, *trak, b"mdia")
        if not tkhd or not mdia:
            raise UnreadableAudio("broken")
        version = data[tkhd[0][0]]
        track_id = struct.unpack_from(">I", data, tkhd[0][0] + (20 if version == 1 else 12))[0]
        hdlr, mdhd = _find(data, *mdia[0], b"hdlr"), _find(data, *mdia[0], b"mdhd")
        if not hdlr or not mdhd or hdlr[0][1] - hdlr[0][0] < 12:
            raise UnreadableAudio("broken")
        handler = data[hdlr[0][0] + 8 : hdlr[0][0] + 12]
        version = data[mdhd[0][0]]
        timescale = struct.unpack_from(">I", data, mdhd[0][0] + (20 if version == 1 else 12))[0]
        tracks[track_id] = (handler, timescale)
    return tracks


def _fragments_duration(data: bytes, moov, moofs, track_id: int) -> int:
    """The sum of the track's samples' durations in every fragment, in its timescale."""
    defaults = {}
    for mvex in _find(data, *moov, b"mvex"):
        for start, _end in _find(data, *mvex, b"trex"):
            trex_track, _index, duration = struct.unpack_from(">III", data, start + 4)
            defaults[trex_track] = duration
    total = 0
    for moof in moofs:
        for traf in _find(data, *moof, b"traf"):
            tfhd = _find(data, *traf, b"tfhd")
            if not tfhd:
                raise UnreadableAudio("broken")
            start = tfhd[0][0]
            flags = int.from_bytes(data[start + 1 : start + 4], "big")
            if struct.unpack_from(">I", data, start + 4)[0] != track_id:
                continue
            at = start + 8 + (8 if flags & 0x01 else 0) + (4 if flags & 0x02 else 0)
            duration = struct.unpack_from(">I", data, at)[0] if flags & 0x08 else None
            duration = defaults.get(track_id, 0) if duration is None else duration
            for run_start, run_end in _find(data, *traf, b"trun"):
                total += _run_duration(data, run_start, run_end, duration)
    return total


def _run_duration(data: bytes, start: int, end: int, default: int) -> int:
    flags = int.from_bytes(data[start + 1 : start + 4], "big")
    count = struct.unpack_from(">I", data, start + 4)[0]
    at = start + 8 + (4 if flags & 0x01 else 0) + (4 if flags & 0x04 else 0)
    fields = sum(4 for bit in (0x100, 0x200, 0x400, 0x800) if flags & bit)
    if at + count * fields > end:
        raise UnreadableAudio("broken")
    if not flags & 0x100:
        return count * default
    return sum(struct.unpack_from(">I", data, at + n * fields)[0] for n in range(count))


def _mp4_seconds(data: bytes) -> float:
    try:
        top = list(_boxes(data, 0, len(data)))
        moovs = [(s, e) for k, s, e in top if k == b"moov"]
        if not moovs:
            raise UnreadableAudio("broken")
        tracks = _mp4_tracks(data, moovs[0])
        audio = [track for track, (handler, _) in tracks.items() if handler == b"soun"]
        if not audio or any(handler == b"vide" for handler, _ in tracks.values()):
            raise UnreadableAudio("type")  # a film, or no sound at all
        moofs = [(s, e) for k, s, e in top if k == b"moof"]
        if moofs:
            timescale = tracks[audio[0]][1]
            if not timescale:
                raise UnreadableAudio("broken")
            return _fragments_duration(data, moovs[0], moofs, audio[0]) / timescale
        return float(MP4(io.BytesIO(data)).info.length)
    except (struct.error, IndexError):
        raise UnreadableAudio("broken") from None
    except mutagen.MutagenError:
        raise UnreadableAudio("broken") from None


# The containers browsers record in (MediaRecorder), each with the reader of its duration.
READERS = {
    "ogg": ("audio/ogg", _ogg_seconds),
    "ebml": ("audio/webm", _webm_seconds),
    "mp4": ("audio/mp4", _mp4_seconds),
}
