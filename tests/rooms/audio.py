"""Small recordings made in Python for the voice-message tests, in the three containers browsers
record in: Ogg Opus (Firefox), WebM Opus (Chromium: with or without a Duration, sizes unknown as
MediaRecorder writes them) and MP4 (Safari: AAC; plain, or fragmented). Silence, any length,
a few bytes a second, so a three-minute file costs nothing; no encoder is needed.

The Opus frame is the 20 ms of silence encoders produce (0xF8 0xFF 0xFE: CELT, full band).
tests/rooms/audio/ holds real recordings besides (Chromium's MediaRecorder, opusenc).
"""

import struct
from pathlib import Path

from rooms.voice_formats import ogg_crc

FIXTURES = Path(__file__).parent / "audio"
OPUS_SILENCE = b"\xf8\xff\xfe"  # 20 ms
FRAMES_PER_SECOND = 50
PRE_SKIP = 312
OPUS_HEAD = b"OpusHead" + struct.pack("<BBHIhB", 1, 1, PRE_SKIP, 48000, 0, 0)


# --- Ogg -----------------------------------------------------------------------------------


def _ogg_page(body_packets: list[bytes], granule: int, sequence: int, flags: int) -> bytes:
    lacing = b""
    for packet in body_packets:
        lacing += b"\xff" * (len(packet) // 255) + bytes([len(packet) % 255])
    header = b"OggS" + struct.pack("<BBqIIIB", 0, flags, granule, 0x5EC0, sequence, 0, len(lacing))
    page = bytearray(header + lacing + b"".join(body_packets))
    struct.pack_into("<I", page, 22, ogg_crc(bytes(page)))
    return bytes(page)


def ogg_opus(seconds: float, frame: bytes = OPUS_SILENCE) -> bytes:
    """An Ogg Opus file of `seconds` of silence (or of `frame` every 20 ms), a page a second."""
    pages = [
        _ogg_page([OPUS_HEAD], 0, 0, 0x02),
        _ogg_page([b"OpusTags" + struct.pack("<I", 5) + b"tests" + struct.pack("<I", 0)], 0, 1, 0),
    ]
    frames = round(seconds * FRAMES_PER_SECOND)
    sequence, done = 2, 0
    while done < frames:
        count = min(FRAMES_PER_SECOND, frames - done)
        done += count
        last = done == frames
        granule = PRE_SKIP + done * 960
        pages.append(_ogg_page([frame] * count, granule, sequence, 0x04 if last else 0))
        sequence += 1
    return b"".join(pages)


# --- WebM ----------------------------------------------------------------------------------

UNKNOWN = b"\x01\xff\xff\xff\xff\xff\xff\xff"


def _size(length: int) -> bytes:
    return bytes([0x10]) + length.to_bytes(3, "big")  # 4-byte sizes: simple, and valid


def _element(element_id: bytes, payload: bytes) -> bytes:
    return element_id + _size(len(payload)) + payload


def _uint(element_id: bytes, value: int, width: int = 1) -> bytes:
    return _element(element_id, value.to_bytes(width, "big"))


def webm_opus(
    seconds: float, duration_ms: float | None = None, video: bool = False, doc_type=b"webm"
) -> bytes:
    """A WebM of `seconds` of Opus silence, Segment and Clusters of unknown size (as
    MediaRecorder writes them as it goes), a Duration in the header only if given."""
    header = _element(
        b"\x1a\x45\xdf\xa3",
        _uint(b"\x42\x86", 1)
        + _uint(b"\x42\xf7", 1)
        + _uint(b"\x42\xf2", 4)
        + _uint(b"\x42\xf3", 8)
        + _element(b"\x42\x82", doc_type)
        + _uint(b"\x42\x87", 4)
        + _uint(b"\x42\x85", 2),
    )
    info = _uint(b"\x2a\xd7\xb1", 1_000_000, 3) + _element(b"\x4d\x80", b"tests")
    if duration_ms is not None:
        info += _element(b"\x44\x89", struct.pack(">f", duration_ms))
    audio = _element(
        b"\xae",
        _uint(b"\xd7", 1)
        + _uint(b"\x73\xc5", 1234, 2)
        + _uint(b"\x83", 2)
        + _element(b"\x86", b"A_OPUS")
        + _element(b"\x63\xa2", OPUS_HEAD)
        + _element(b"\xe1", _element(b"\xb5", struct.pack(">f", 48000.0)) + _uint(b"\x9f", 1)),
    )
    if video:
        audio += _element(b"\xae", _uint(b"\xd7", 2) + _uint(b"\x83", 1))
    body = _element(b"\x15\x49\xa9\x66", info) + _element(b"\x16\x54\xae\x6b", audio)
    frames = round(seconds * FRAMES_PER_SECOND)
    for first in range(0, frames, FRAMES_PER_SECOND):
        cluster = b"\x1f\x43\xb6\x75" + UNKNOWN + _uint(b"\xe7", first * 20, 4)
        for n in range(min(FRAMES_PER_SECOND, frames - first)):
            block = b"\x81" + struct.pack(">hB", n * 20, 0x80) + OPUS_SILENCE
            cluster += _element(b"\xa3", block)
        body += cluster
    return header + b"\x18\x53\x80\x67" + UNKNOWN + body


# --- MP4 -----------------------------------------------------------------------------------

AAC_FRAME = bytes.fromhex("211049900219002380")  # AAC-LC mono silence, 1024 samples
AAC_RATE = 44100


def _box(kind: bytes, payload: bytes) -> bytes:
    return struct.pack(">I", 8 + len(payload)) + kind + payload


def _full(kind: bytes, payload: bytes, version: int = 0, flags: int = 0) -> bytes:
    return _box(kind, bytes([version]) + flags.to_bytes(3, "big") + payload)


def _descriptor(tag: int, payload: bytes) -> bytes:
    return bytes([tag, len(payload)]) + payload


def _track(handler: bytes, track_id: int, duration: int, frames: int, fragmented: bool) -> bytes:
    tkhd = _full(
        b"tkhd",
        struct.pack(">IIII", 0, 0, track_id, 0) + struct.pack(">I", duration) + b"\0" * 60,
        flags=3,
    )
    mdhd = _full(b"mdhd", struct.pack(">IIIIHH", 0, 0, AAC_RATE, duration, 0x55C4, 0))
    hdlr = _full(b"hdlr", b"\0\0\0\0" + handler + b"\0" * 12 + b"Handler\0")
    esds = _full(
        b"esds",
        _descriptor(
            3,
            struct.pack(">HB", 1, 0)
            + _descriptor(
                4, bytes([0x40, 0x15]) + b"\0\0\0" + b"\0" * 8 + _descriptor(5, b"\x12\x08")
            )
            + _descriptor(6, b"\x02"),
        ),
    )
    mp4a = _box(
        b"mp4a",
        b"\0" * 6
        + struct.pack(">H", 1)
        + b"\0" * 8
        + struct.pack(">HHHH", 1, 16, 0, 0)
        + struct.pack(">I", AAC_RATE << 16)
        + esds,
    )
    stsd = _full(b"stsd", struct.pack(">I", 1) + mp4a)
    counts = [] if fragmented else [frames]
    stts = _full(
        b"stts",
        struct.pack(">I", len(counts))
        + b"".join(struct.pack(">II", count, 1024) for count in counts),
    )
    stsc = _full(
        b"stsc",
        struct.pack(">I", 0 if fragmented else 1)
        + (b"" if fragmented else struct.pack(">III", 1, frames, 1)),
    )
    stsz = _full(
        b"stsz",
        struct.pack(">II", 0 if fragmented else len(AAC_FRAME), 0 if fragmented else frames),
    )
    stco = _full(b"stco", struct.pack(">I", 0))  # offsets patched in by the caller when needed
    stbl = _box(b"stbl", stsd + stts + stsc + stsz + stco)
    minf = _box(b"minf", _full(b"smhd", b"\0" * 4) + _box(b"dinf", b"") + stbl)
    return _box(b"trak", tkhd + _box(b"mdia", mdhd + hdlr + minf))


def mp4_aac(seconds: float, fragmented: bool = False, video: bool = False) -> bytes:
    """An MP4 of `seconds` of AAC silence: one sample table (Safari's plain file), or one
    fragment a second with the header's duration left at 0 (MediaRecorder's)."""
    frames = round(seconds * AAC_RATE / 1024)
    duration = 0 if fragmented else frames * 1024
    ftyp = _box(b"ftyp", b"M4A " + struct.pack(">I", 0) + b"M4A mp42isom")
    mvhd = _full(b"mvhd", struct.pack(">IIII", 0, 0, AAC_RATE, duration) + b"\0" * 80)
    tracks = _track(b"soun", 1, duration, frames, fragmented)
    if video:
        tracks += _track(b"vide", 2, duration, frames, fragmented)
    if not fragmented:
        return ftyp + _box(b"moov", mvhd + tracks) + _box(b"mdat", AAC_FRAME * frames)
    trex = _full(b"trex", struct.pack(">IIIII", 1, 1, 1024, 0, 0))
    out = ftyp + _box(b"moov", mvhd + tracks + _box(b"mvex", trex))
    per_fragment = AAC_RATE // 1024
    for number, first in enumerate(range(0, frames, per_fragment), start=1):
        count = min(per_fragment, frames - first)
        tfhd = _full(b"tfhd", struct.pack(">I", 1), flags=0x020000)
        tfdt = _full(b"tfdt", struct.pack(">I", first * 1024))
        # Each sample's duration and size given (flags 0x300), as Chromium writes them.
        samples = b"".join(struct.pack(">II", 1024, len(AAC_FRAME)) for _ in range(count))
        trun = _full(b"trun", struct.pack(">I", count) + samples, flags=0x000300)
        moof = _box(
            b"moof", _full(b"mfhd", struct.pack(">I", number)) + _box(b"traf", tfhd + tfdt + trun)
        )
        out += moof + _box(b"mdat", AAC_FRAME * count)
    return out
