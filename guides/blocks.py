"""The blocks guides are built from; each one checks the authoring rules that apply to it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText
from wagtail_localize.segments import OverridableSegmentValue

from . import audio, validators

# A restricted editor: short paragraphs, lists, emphasis and links; headings h3/h4 only
# (a step's title is the h2).
STEP_FEATURES = ["h3", "h4", "bold", "italic", "ol", "ul", "link"]
EASY_READ_FEATURES = ["bold", "ol", "ul", "link"]


def _struct_errors(errors: dict[str, list[str]]) -> None:
    errors = {name: messages for name, messages in errors.items() if messages}
    if errors:
        raise StructBlockValidationError(
            block_errors={name: ValidationError(messages) for name, messages in errors.items()}
        )


class AccessibleImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(required=False, label=_("Image"))
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alternative text"),
        help_text=_("What the image shows that the text does not say. Required unless decorative."),
    )
    decorative = blocks.BooleanBlock(
        required=False,
        label=_("Decorative"),
        help_text=_("Tick only if the image adds nothing to the text (it will be skipped)."),
    )

    def clean(self, value):
        value = super().clean(value)
        if value.get("image") and not value.get("decorative") and not value.get("alt_text"):
            _struct_errors(
                {"alt_text": [_("Give an alternative text, or mark the image as decorative.")]}
            )
        return value

    class Meta:
        icon = "image"
        template = "blocks/image.html"
        label = _("Image")
        description = _("An image with its alternative text, in sizes fit for phones.")
        preview_value = {"alt_text": "", "decorative": True}


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        choices=[
            ("tip", _("Tip")),
            ("warning", _("Warning")),
            ("ask_school", _("Ask at school")),
        ],
        default="tip",
        label=_("Kind"),
    )
    text = blocks.TextBlock(label=_("Text"), max_length=600)

    def clean(self, value):
        value = super().clean(value)
        _struct_errors({"text": validators.plain_text_errors(value.get("text", ""))})
        return value

    class Meta:
        icon = "help"
        template = "blocks/callout.html"
        label = _("Callout")
        description = _("A tip, a warning or something to ask at school, set apart from the text.")
        preview_value = {"kind": "tip", "text": "Notez votre identifiant dans un carnet."}


class VideoBlock(blocks.StructBlock):
    file = DocumentChooserBlock(required=False, label=_("Video file (MP4 or WebM)"))
    captions = DocumentChooserBlock(required=False, label=_("Captions (WebVTT file)"))
    transcript = blocks.TextBlock(required=False, label=_("Transcript"))

    def clean(self, value):
        value = super().clean(value)
        if value.get("file") and not (value.get("captions") or value.get("transcript")):
            _struct_errors({"transcript": [_("A video needs captions or a transcript (or both).")]})
        return value

    class Meta:
        icon = "media"
        template = "blocks/video.html"
        label = _("Video")
        description = _("A short video, with captions or a transcript for those who cannot hear.")
        preview_value = {"transcript": "La vidéo montre la page d’accueil de l’ENT."}


class _RecordingToChoose(OverridableSegmentValue):
    """The translator's value for a recording: kept even while empty (wagtail-localize drops
    empty values, and with them the translator's chance to choose one)."""

    def is_empty(self):
        return False

    def clone(self):  # wrapping a value into its place in the page clones it
        return _RecordingToChoose(self.path, self.data, order=self.order)


class RecordingChooserBlock(DocumentChooserBlock):
    """A sound file in the page's own language: a translation never inherits the French one.

    wagtail-localize copies a chooser's value into every synchronised translation, and lets
    the translator change it only where the French page has one. A recording is speech in
    one language, so this block hands wagtail-localize an empty value to override instead:
    each language's page plays its own recording, chosen in the translation editor ("Change
    document"), or none, and then "Listen" reads that part with the device's voice.
    """

    def clean(self, value):
        value = super().clean(value)
        if value is not None and audio.audio_type_of(value) is None:
            raise ValidationError(
                _(
                    "“%(title)s” is not a sound recording. Choose an Ogg (Opus or Vorbis), "
                    "WebM, MP4 (AAC) or MP3 file."
                )
                % {"title": value.title}
            )
        return value

    def get_translatable_segments(self, value):
        return [_RecordingToChoose("", None)]

    def restore_translated_segments(self, value, segments):
        chosen = segments[0].data if segments else None
        if chosen in (None, ""):
            return None
        try:
            document = get_document_model().objects.filter(pk=int(chosen)).first()
        except (TypeError, ValueError):  # not a document id
            return None
        # The translation editor checks nothing: a file that is not sound is no recording.
        return document if document is not None and audio.audio_type_of(document) else None


class AudioBlock(blocks.StructBlock):
    file = RecordingChooserBlock(
        required=False,
        label=_("Recording (Ogg/Opus, WebM, MP4/AAC or MP3)"),
        help_text=_(
            "This part read aloud, in the language of this page. “Listen” plays it; without "
            "one, the device’s voice reads the text. In a translation, choose that "
            "language’s recording in the translation editor."
        ),
    )
    transcript = blocks.TextBlock(
        required=False,
        label=_("Transcript"),
        help_text=_("What the recording says, unless it reads the text above word for word."),
    )

    class Meta:
        icon = "media"
        template = "blocks/audio.html"
        label = _("Audio")
        description = _("A recording of this part read aloud, played by “Listen”.")
        preview_value = {"transcript": "Ouvrez l’application Pronote."}


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, label=_("Title of the step"))
    body = blocks.RichTextBlock(features=STEP_FEATURES, label=_("What to do"))
    image = AccessibleImageBlock(required=False)
    callouts = blocks.ListBlock(CalloutBlock(), default=[], label=_("Callouts"))
    video = VideoBlock(required=False)
    audio = AudioBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        body = value.get("body")
        _struct_errors(
            {
                "title": validators.plain_text_errors(value.get("title", "")),
                "body": validators.rich_text_errors(body.source if body else ""),
            }
        )
        return value

    class Meta:
        icon = "list-ol"
        template = "blocks/step.html"
        label = _("Step")
        description = _("One thing to do: a title, a few short sentences, an optional picture.")
        preview_value = {
            "title": "Ouvrir l’application",
            "body": RichText("<p>Touchez l’icône de l’application sur votre téléphone.</p>"),
            "callouts": [{"kind": "tip", "text": "L’icône est verte."}],
        }


class EasyReadSectionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=80, label=_("Title"))
    body = blocks.RichTextBlock(features=EASY_READ_FEATURES, label=_("Text"))
    image = AccessibleImageBlock(required=False)
    audio = AudioBlock(required=False)

    def clean(self, value):
        value = super().clean(value)
        body = value.get("body")
        _struct_errors({"body": validators.rich_text_errors(body.source if body else "")})
        return value

    class Meta:
        icon = "doc-full"
        template = "blocks/easy_read_section.html"
        label = _("Easy-read section")
        description = _(
            "Easy to read and understand (FALC): one idea per sentence, everyday words."
        )
        preview_value = {
            "title": "Le code",
            "body": RichText("<p>L’école vous donne un code.</p><p>Gardez ce code.</p>"),
        }


class StepsBlock(blocks.StreamBlock):
    step = StepBlock()


class EasyReadBlock(blocks.StreamBlock):
    section = EasyReadSectionBlock()
