"""Each authoring rule, broken, is a validation error the editor sees in the admin."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from guides.blocks import (
    AccessibleImageBlock,
    AudioBlock,
    CalloutBlock,
    EasyReadSectionBlock,
    StepBlock,
    VideoBlock,
)
from guides.validators import LONG_SENTENCE_WORDS

pytestmark = pytest.mark.django_db


def step(body="<p>Ouvrez l’application.</p>", **extra):
    block = StepBlock()
    value = {
        "title": "Ouvrir l’application",
        "body": body,
        "callouts": [],
        "image": {"image": None, "alt_text": "", "decorative": False},
        "video": {"file": None, "captions": None, "transcript": ""},
        "audio": {"file": None, "transcript": ""},
        **extra,
    }
    return block, block.to_python(value)


def errors_of(block, value) -> str:
    with pytest.raises(ValidationError) as caught:
        block.clean(value)
    return str(caught.value.as_json_data() if hasattr(caught.value, "as_json_data") else caught)


@pytest.fixture
def image():
    return Image.objects.create(title="Écran d’accueil", file=get_test_image_file())


@pytest.fixture
def document():
    from django.core.files.base import ContentFile

    return Document.objects.create(title="vidéo", file=ContentFile(b"0", name="video.mp4"))


def test_a_well_written_step_is_valid():
    block, value = step("<h3>Sur un téléphone</h3><p>Ouvrez l’application.</p>")
    block.clean(value)


def test_image_needs_alt_text(image):
    block = AccessibleImageBlock()
    value = block.to_python({"image": image.pk, "alt_text": "", "decorative": False})
    assert "alternative text" in errors_of(block, value)


def test_decorative_image_needs_no_alt_text(image):
    block = AccessibleImageBlock()
    block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True}))
    block.clean(block.to_python({"image": image.pk, "alt_text": "L’écran", "decorative": False}))


def test_image_inside_a_step_needs_alt_text(image):
    block, value = step(image={"image": image.pk, "alt_text": "", "decorative": False})
    assert "alternative text" in errors_of(block, value)


def test_video_needs_captions_or_transcript(document):
    block = VideoBlock()
    value = block.to_python({"file": document.pk, "captions": None, "transcript": ""})
    assert "captions or a transcript" in errors_of(block, value)
    block.clean(block.to_python({"file": document.pk, "captions": None, "transcript": "Texte"}))
    block.clean(block.to_python({"file": document.pk, "captions": document.pk, "transcript": ""}))


def test_audio_takes_only_sound(document):
    block = AudioBlock()
    value = block.to_python({"file": document.pk, "transcript": "Texte"})
    assert "is not a sound recording" in errors_of(block, value)


def test_a_recording_that_reads_the_text_needs_no_other_transcript(settings, tmp_path):
    """The part's text is its transcript; one is asked for only when it says something else."""
    from pathlib import Path

    from django.core.files.base import ContentFile

    settings.MEDIA_ROOT = tmp_path
    demo = Path(__file__).resolve().parents[2] / "site" / "demo" / "recordings"
    opus = (demo / "ecrans-et-sommeil-steps-1-fr.opus").read_bytes()
    sound = Document.objects.create(title="Étape lue", file=ContentFile(opus, name="lue.opus"))
    block = AudioBlock()
    block.clean(block.to_python({"file": sound.pk, "transcript": ""}))


@pytest.mark.parametrize(
    "body",
    [
        "<h4>Trop bas</h4><p>Texte.</p>",  # h4 without an h3 before it
        "<h3>Un</h3><p>Texte.</p><h5>Trois</h5>",  # h3 then h5
        "<h2>Déjà pris</h2><p>Texte.</p>",  # the step title is the h2
    ],
)
def test_no_skipped_heading_levels(body):
    block, value = step(body)
    assert "heading" in errors_of(block, value)


@pytest.mark.parametrize("text", ["cliquez ici", "ici", "Cliquez ici.", "here"])
def test_link_text_must_say_where_it_leads(text):
    block, value = step(f'<p>Pour le formulaire, <a href="https://example.org/">{text}</a>.</p>')
    assert "says nothing out of context" in errors_of(block, value)


def test_descriptive_link_text_is_fine():
    block, value = step('<p>Lisez <a href="https://example.org/">le guide de l’école</a>.</p>')
    block.clean(value)


def test_long_sentences_are_flagged():
    sentence = " ".join(["mot"] * (LONG_SENTENCE_WORDS + 1)) + "."
    block, value = step(f"<p>{sentence}</p>")
    assert "Readability" in errors_of(block, value)


def test_long_sentences_in_callouts_are_flagged():
    block = CalloutBlock()
    sentence = " ".join(["mot"] * (LONG_SENTENCE_WORDS + 1)) + "."
    value = block.to_python({"kind": "tip", "text": sentence})
    assert "Readability" in errors_of(block, value)


def test_easy_read_sections_follow_the_rules_too():
    block = EasyReadSectionBlock()
    value = block.to_python(
        {
            "title": "Le code",
            "body": '<p><a href="https://example.org/">ici</a></p>',
            "image": {"image": None, "alt_text": "", "decorative": False},
        }
    )
    assert "says nothing out of context" in errors_of(block, value)


def test_every_block_has_icon_template_preview_and_description():
    for block in [
        StepBlock(),
        CalloutBlock(),
        AccessibleImageBlock(),
        VideoBlock(),
        AudioBlock(),
        EasyReadSectionBlock(),
    ]:
        assert block.meta.icon and block.meta.template and block.meta.description
        assert block.meta.preview_value
