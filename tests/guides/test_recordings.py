"""Recordings of guide parts: only sound files, played by "Listen" (with the device's voice as
the fallback the page tells about), served inline with byte ranges, and one per language."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from core.audio import byte_range, sniff_audio_type
from parents.models import User

pytestmark = pytest.mark.django_db

DEMO_RECORDINGS = Path(__file__).resolve().parents[2] / "site" / "demo" / "recordings"
OPUS = (DEMO_RECORDINGS / "ecrans-et-sommeil-steps-1-fr.opus").read_bytes()
OPUS_AR = (DEMO_RECORDINGS / "ecrans-et-sommeil-steps-1-ar.opus").read_bytes()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def document(title: str, content: bytes, name: str, collection=None) -> Document:
    doc = Document(title=title, file=ContentFile(content, name=name))
    if collection is not None:
        doc.collection = collection
    doc._set_document_file_metadata()
    doc.save()
    return doc


@pytest.fixture
def recording():
    return document("Étape 1 lue", OPUS, "etape-1.opus")


@pytest.fixture
def arabic_recording():
    return document("الخطوة 1", OPUS_AR, "khutwa-1.opus")


@pytest.fixture
def not_sound():
    # Named like a sound file: only its bytes tell what it is.
    return document("Un PDF", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "faux.mp3")


@pytest.fixture
def editor_client(db):
    from wagtail.users.models import UserProfile

    user = User.objects.create_superuser(email="redaction@example.org", password="x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"  # the admin's messages in their source strings
    profile.save()
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    client.user = user
    return client


def set_recordings(page, recordings: dict, field: str = "steps"):
    """Give parts of a page's stream a recording ({index: document or None}) and publish."""
    raw = []
    for index, child in enumerate(getattr(page, field).raw_data):
        value = dict(child["value"])
        if index in recordings:
            doc = recordings[index]
            value["audio"] = {"file": doc.pk if doc else None, "transcript": ""}
        raw.append({"type": child["type"], "id": child["id"], "value": value})
    setattr(page, field, raw)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def audio_sources(html: str) -> list[str]:
    return re.findall(r'<audio class="recording__player"[^>]*src="([^"]+)"', html)


# --- What counts as sound -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (OPUS[:64], "audio/ogg"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x01vorbis" + b"\x00" * 20, "audio/ogg"),
        (b"OggS\x00\x02" + b"\x00" * 22 + b"\x80theora" + b"\x00" * 20, None),  # Ogg video
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\x82\x84webm", "audio/webm"),
        (b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska", None),
        (b"\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00M4A mp42isom", "audio/mp4"),
        (b"\x00\x00\x00\x1cftypheic\x00\x00\x00\x00mif1heic", None),  # a phone's photo
        (b"ID3\x04\x00\x00\x00\x00\x00\x23TSSE", "audio/mpeg"),
        (b"\xff\xfb\x90\x64\x00\x00\x00\x00", "audio/mpeg"),  # an MP3 frame, no tags
        (b"\xff\xf1\x50\x80\x02\x1f\xfc", "audio/aac"),  # ADTS
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None),
        (b"%PDF-1.7", None),
        (b"", None),
    ],
)
def test_sound_is_recognised_from_its_bytes(head, expected):
    assert sniff_audio_type(head) == expected


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("", None),
        ("bytes=0-99", (0, 99)),
        ("bytes=100-", (100, 999)),
        ("bytes=-50", (950, 999)),
        ("bytes=-5000", (0, 999)),
        ("bytes=900-5000", (900, 999)),
        ("bytes=0-1,5-6", None),  # several ranges: the whole file
        ("bytes=abc", None),
        ("items=0-1", None),
        ("bytes=9-3", None),
    ],
)
def test_byte_ranges(header, expected):
    assert byte_range(header, 1000) == expected


@pytest.mark.parametrize("header", ["bytes=1000-", "bytes=-0"])
def test_a_range_past_the_end_is_unsatisfiable(header):
    from core.audio import UnsatisfiableRange

    with pytest.raises(UnsatisfiableRange):
        byte_range(header, 1000)


# --- The admin ----------------------------------------------------------------------------


def edit_data(guide, audio_file) -> dict:
    return nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "promise": guide.promise,
            "audience": "all",
            "duration_minutes": 5,
            "level": "beginner",
            "what_you_need": "",
            "steps": streamfield(
                [
                    (
                        "step",
                        {
                            "title": "Ouvrir l’application",
                            "body": rich_text("<p>Ouvrez l’application.</p>"),
                            "image": {"image": "", "alt_text": "", "decorative": ""},
                            "callouts": streamfield([]),
                            "video": {"file": "", "captions": "", "transcript": ""},
                            "audio": {"file": audio_file.pk, "transcript": ""},
                        },
                    )
                ]
            ),
            "easy_read": streamfield([]),
            "related_guides": inline_formset([]),
            "comments": inline_formset([]),
        }
    )


def test_a_file_that_is_not_sound_is_refused_in_the_admin(editor_client, guide, not_sound):
    response = editor_client.post(f"/admin/pages/{guide.pk}/edit/", edit_data(guide, not_sound))
    assert response.status_code == 200  # the form again, with the error
    assert "steps" in response.context["form"].errors
    html = response.content.decode()
    assert "is not a sound recording" in html
    assert "Ogg (Opus or Vorbis), WebM, MP4 (AAC) or MP3" in html


def test_a_sound_file_is_saved_with_the_step(editor_client, guide, recording):
    response = editor_client.post(f"/admin/pages/{guide.pk}/edit/", edit_data(guide, recording))
    assert response.status_code == 302, response.content.decode()[:2000]
    guide.refresh_from_db()
    step = guide.get_latest_revision_as_object().steps[0]
    assert step.value["audio"]["file"] == recording


def test_an_easy_read_section_takes_a_recording(guide, recording, client):
    set_recordings(guide, {0: recording}, field="easy_read")
    html = client.get(f"{guide.url}?version=easy-read").content.decode()
    assert audio_sources(html) == [f"/guides/audio/{recording.pk}/?v={recording.file_hash[:12]}"]


# --- The guide page -----------------------------------------------------------------------


@pytest.fixture
def english(guide):
    """The guide's English page: what it says is read in the source strings."""
    return guide.get_translation(Locale.objects.get(language_code="en")).specific


def test_a_step_with_a_recording_has_its_player_and_listen_plays_it(english, recording, client):
    set_recordings(english, {0: recording})
    html = client.get(english.url).content.decode()
    url = f"/guides/audio/{recording.pk}/?v={recording.file_hash[:12]}"
    assert audio_sources(html) == [url]
    step = re.search(r'<li class="step[^"]*"[^>]*>(.*?)</li>', html, re.S).group(1)
    assert f'src="{url}"' in step  # in its own step, which "Listen" reads from
    assert 'aria-label="Recording: Step 1"' in step
    assert "data-recording-audio" in step
    assert "<audio data-listen-player" in html  # what "Listen" plays it with
    assert re.search(r"<button[^>]*data-listen[^>]*>\s*Listen\s*</button>", html)
    assert "<script>" not in html  # the CSP allows no inline script


def test_the_page_says_which_steps_the_voice_of_the_device_reads(english, recording, client):
    set_recordings(english, {0: recording})
    html = client.get(english.url).content.decode()
    note = re.search(r"<p[^>]*data-listen-note>(.*?)</p>", html, re.S).group(1)
    assert " ".join(note.split()) == (
        "1 of 3 steps have a recording, played by “Listen”. The other steps are read with "
        "this device’s voice, where it has one."
    )
    # And what the page says when the device has no voice either, read from the page.
    assert 'data-no-voice="This device has no voice to read this language aloud.' in html
    assert 'data-no-voice-some="This device has no voice to read this language aloud: only' in html


def test_every_step_recorded(english, recording, client):
    set_recordings(english, {0: recording, 1: recording, 2: recording})
    html = client.get(english.url).content.decode()
    assert "Every step has a recording" in html
    assert len(audio_sources(html)) == 3


def test_without_recordings_the_page_is_as_before(english, client):
    html = client.get(english.url).content.decode()
    assert "data-listen-note" not in html
    assert audio_sources(html) == []
    assert "data-no-voice=" in html  # the device's voice only, as before


# --- Serving ------------------------------------------------------------------------------


def recording_url(doc) -> str:
    return reverse("guides:recording", args=[doc.pk])


def body(response) -> bytes:
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


def test_a_recording_plays_inline_whole(client, recording):
    response = client.get(recording_url(recording))
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/ogg"
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert int(response["Content-Length"]) == len(OPUS)
    assert body(response) == OPUS


def test_a_phone_seeks_with_byte_ranges(client, recording):
    size = len(OPUS)
    first = client.get(recording_url(recording), HTTP_RANGE="bytes=0-99")
    assert first.status_code == 206
    assert first["Content-Range"] == f"bytes 0-99/{size}"
    assert first["Content-Type"] == "audio/ogg"
    assert body(first) == OPUS[:100]
    rest = client.get(recording_url(recording), HTTP_RANGE="bytes=100-")
    assert rest.status_code == 206
    assert body(rest) == OPUS[100:]
    assert rest["Content-Length"] == str(size - 100)
    last = client.get(recording_url(recording), HTTP_RANGE="bytes=-10")
    assert body(last) == OPUS[-10:]
    beyond = client.get(recording_url(recording), HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416
    assert beyond["Content-Range"] == f"bytes */{size}"


def test_only_sound_from_public_collections_is_served(client, recording, not_sound):
    assert client.get(recording_url(not_sound)).status_code == 404
    assert client.get(reverse("guides:recording", args=[99999])).status_code == 404
    private = Collection.get_first_root_node().add_child(name="Privé")
    private.view_restrictions.create(restriction_type=PageViewRestriction.LOGIN)
    hidden = document("Brouillon", OPUS, "brouillon.opus", collection=private)
    assert client.get(recording_url(hidden)).status_code == 404
    assert client.post(recording_url(recording)).status_code == 405


# --- One recording per language (wagtail-localize) ----------------------------------------


def translate_every_string(translation) -> None:
    from wagtail_localize.models import StringSegment, StringTranslation

    for segment in StringSegment.objects.filter(source=translation.source):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=translation.target_locale,
            context=segment.context,
            defaults={"data": f"ع {segment.string.data}"},
        )


def test_a_synced_translation_gets_its_own_recording(
    editor_client,
    guides,
    recording,
    arabic_recording,
    not_sound,
    client,
    django_capture_on_commit_callbacks,
):
    from wagtail_localize.models import OverridableSegment, Translation

    from guides.models import GuidePage

    french = set_recordings(guides["bulletin-en-ligne"], {0: recording})
    arabic = Locale.objects.get(language_code="ar")
    response = editor_client.post(
        f"/admin/localize/submit/page/{french.pk}/", {"locales": [arabic.pk]}
    )
    assert response.status_code == 302
    translation = Translation.objects.get(
        source__object_id=french.translation_key, target_locale=arabic
    )
    page = GuidePage.objects.get(translation_key=french.translation_key, locale=arabic)

    # Each step's recording is a value the translator sets, even where French has none, and
    # starts empty: the French recording is not offered as the Arabic one.
    segments = {
        segment.context.path: segment
        for segment in OverridableSegment.objects.filter(source=translation.source)
    }
    step_ids = french.step_ids()

    for step_id in step_ids:
        assert segments[f"steps.{step_id}.audio.file"].data is None
    editor = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "document_chooser" in editor  # the translation editor offers a document chooser

    def choose(step_id, doc):
        """What the translation editor's "Change document" does."""
        url = reverse(
            "wagtail_localize:edit_override",
            kwargs={
                "translation_id": translation.pk,
                "overridable_segment_id": segments[f"steps.{step_id}.audio.file"].pk,
            },
        )
        response = editor_client.put(
            url, data=f"value={doc.pk}", content_type="application/x-www-form-urlencoded"
        )
        assert response.status_code in (200, 201), response.content

    choose(step_ids[1], arabic_recording)
    choose(step_ids[0], not_sound)  # that editor checks nothing: it is left out here
    translate_every_string(translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=editor_client.user, publish=True)
    page.refresh_from_db()
    assert page.live
    assert [step.value["audio"]["file"] for step in page.steps] == [None, arabic_recording]

    def played(url):
        return audio_sources(client.get(url).content.decode())

    arabic_url = f"/guides/audio/{arabic_recording.pk}/?v={arabic_recording.file_hash[:12]}"
    french_url = f"/guides/audio/{recording.pk}/?v={recording.file_hash[:12]}"
    # Step 1 has no Arabic recording: the French one is not played (the device's voice reads).
    assert played(page.url) == [arabic_url]
    assert played(french.url) == [french_url]

    # A later sync of the French page keeps the Arabic recording.
    french.refresh_from_db()
    french.promise = "Vous saurez lire le bulletin en ligne."
    french.save_revision().publish()
    translation.source.update_from_db()
    translate_every_string(translation)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(user=editor_client.user, publish=True)
    assert played(page.url) == [arabic_url]
    assert played(french.url) == [french_url]
