"""Sound files served to players (`core.audio`), for guides' recordings and rooms' voice
messages alike: a file's type read from its real first bytes, and the byte ranges phones ask
for, answered 206, or 416 past the end."""

from pathlib import Path

import pytest

from core.audio import (
    HEAD_BYTES,
    UnsatisfiableRange,
    byte_range,
    container,
    ranged_response,
    sniff_audio_type,
)

ROOT = Path(__file__).resolve().parents[2]
RECORDINGS = ROOT / "tests" / "rooms" / "audio"
FIREFOX_LIKE_OGG = RECORDINGS / "espeak-opusenc.opus"  # opusenc writes what Firefox records
CHROMIUM_WEBM = RECORDINGS / "chromium-mediarecorder.webm"
CHROMIUM_MP4 = RECORDINGS / "chromium-mediarecorder.mp4"
GUIDE_OGG = ROOT / "site" / "demo" / "recordings" / "ecrans-et-sommeil-steps-1-fr.opus"


def head(path: Path) -> bytes:
    return path.read_bytes()[:HEAD_BYTES]


# --- What a file is ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "kind", "content_type"),
    [
        (GUIDE_OGG, "ogg", "audio/ogg"),
        (FIREFOX_LIKE_OGG, "ogg", "audio/ogg"),
        (CHROMIUM_WEBM, "ebml", "audio/webm"),
        (CHROMIUM_MP4, "mp4", "audio/mp4"),
    ],
)
def test_real_recordings_are_known_from_their_first_bytes(path, kind, content_type):
    assert container(head(path)) == kind
    assert sniff_audio_type(head(path)) == content_type


def test_a_container_of_film_or_picture_is_not_sound():
    webm = bytearray(head(CHROMIUM_WEBM))
    at = webm.index(b"webm")
    matroska = bytes(webm[:at]) + b"mkv!" + bytes(webm[at + 4 :])  # Matroska, not WebM
    mp4 = head(CHROMIUM_MP4)
    heic = mp4[:8] + b"heic" + mp4[12:]  # a phone's photo is an MP4 box too
    ogg = head(GUIDE_OGG)
    theora = ogg.replace(b"OpusHead", b"\x80theora")
    for not_sound in (matroska, heic, theora):
        assert container(not_sound) is not None
        assert sniff_audio_type(not_sound) is None


@pytest.mark.parametrize(
    "not_sound", [b"", b"Og", b"%PDF-1.7\n", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"RIFF"]
)
def test_anything_else_is_nothing_we_play(not_sound):
    assert (container(not_sound), sniff_audio_type(not_sound)) == (None, None)


# --- Which bytes are asked for ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("bytes=0-", (0, 999)),  # open-ended: from there to the end
        ("bytes=600-", (600, 999)),
        ("bytes=100-199", (100, 199)),
        ("bytes=999-999", (999, 999)),
        ("bytes=900-5000", (900, 999)),  # the end is clipped to the file's
        ("bytes=-10", (990, 999)),  # the suffix: the last ten bytes
        ("bytes=-5000", (0, 999)),  # a suffix longer than the file: all of it
        (" bytes=5-9 ", (5, 9)),
    ],
)
def test_a_range_is_the_bytes_it_names_within_the_file(header, expected):
    assert byte_range(header, 1000) == expected


@pytest.mark.parametrize(
    "header",
    [
        "",
        None,
        "bytes=0-1,5-6",  # several ranges: HTTP lets a server answer with the whole file
        "bytes=0-99, 200-",
        "bytes=-",
        "bytes=9-3",  # the last byte before the first: an invalid header, ignored
        "items=0-1",
        "bytes=abc",
    ],
)
def test_a_header_we_do_not_answer_asks_for_the_whole_file(header):
    assert byte_range(header, 1000) is None


@pytest.mark.parametrize(
    ("header", "size"),
    [("bytes=1000-", 1000), ("bytes=5000-6000", 1000), ("bytes=-0", 1000), ("bytes=-5", 0)],
)
def test_a_range_past_the_end_is_unsatisfiable(header, size):
    with pytest.raises(UnsatisfiableRange):
        byte_range(header, size)


# --- The answer ---------------------------------------------------------------------------


def answer(range_header: str, filename: str = ""):
    file = CHROMIUM_WEBM.open("rb")
    size = CHROMIUM_WEBM.stat().st_size
    return file, ranged_response(file, size, "audio/webm", range_header, filename=filename)


def assert_served_safely(response):
    assert response["Accept-Ranges"] == "bytes"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]


# Closing a response ends a request: Django then looks at its database connections.
@pytest.mark.django_db
def test_without_a_range_the_whole_file_is_streamed_under_its_name():
    data = CHROMIUM_WEBM.read_bytes()
    file, response = answer("", filename="etape-1.webm")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == data
    assert response["Content-Type"] == "audio/webm"
    assert response["Content-Length"] == str(len(data))
    assert response["Content-Disposition"] == 'inline; filename="etape-1.webm"'
    assert_served_safely(response)
    response.close()
    assert file.closed


def test_a_range_is_answered_with_its_bytes_only():
    data = CHROMIUM_WEBM.read_bytes()
    file, response = answer("bytes=100-199")
    assert (response.status_code, response.content) == (206, data[100:200])
    assert response["Content-Range"] == f"bytes 100-199/{len(data)}"
    assert response["Content-Length"] == "100"
    assert response["Content-Type"] == "audio/webm"
    assert_served_safely(response)
    assert file.closed

    _file, tail = answer("bytes=-10")
    assert (tail.status_code, tail.content) == (206, data[-10:])
    assert tail["Content-Range"] == f"bytes {len(data) - 10}-{len(data) - 1}/{len(data)}"
    _file, rest = answer(f"bytes={len(data) - 3}-")
    assert (rest.status_code, rest.content) == (206, data[-3:])


def test_a_range_past_the_end_is_refused_with_the_size():
    size = CHROMIUM_WEBM.stat().st_size
    file, response = answer(f"bytes={size}-")
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{size}"
    assert response.content == b""
    assert_served_safely(response)
    assert file.closed


@pytest.mark.django_db
def test_several_ranges_get_the_whole_file():
    file, response = answer("bytes=0-1,5-6")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CHROMIUM_WEBM.read_bytes()
    response.close()
    assert file.closed
