"""Demo guides: the index page, the eight topics and the guides of `guide_texts.GUIDES`, with
the synthetic-voice recordings of `recordings.RECORDINGS` on some of their parts.

Idempotent: each page is compared with what it should be and saved (and published) only when
something differs, so a second run changes nothing; a recording is stored again only when its
file changed. Translations keep the French page's step ids, so a parent's progress follows
them from one language to another.
"""

import io
import uuid

from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Collection, Locale, Page
from wagtail.utils.file import hash_filelike

from coeduc.home.models import HomePage
from guides.models import GuideIndexPage, GuidePage, RelatedGuide, TopicPage

from . import recordings as demo_recordings

LANGUAGES = ["fr", "en", "ar"]

INDEX = {
    "fr": (
        "Les guides",
        "Des guides courts, pas à pas, pour suivre la scolarité de vos enfants en ligne.",
    ),
    "en": ("Guides", "Short step-by-step guides to follow your children’s schooling online."),
    "ar": ("الأدلة", "أدلة قصيرة، خطوة بخطوة، لمتابعة دراسة أطفالكم عبر الإنترنت."),
}
INDEX_SLUG = "guides"

TOPICS = {
    "ent-vie-scolaire": {
        "fr": "L’ENT et la vie scolaire",
        "en": "The ENT and school life",
        "ar": "الفضاء الرقمي للعمل والحياة المدرسية",
    },
    "educonnect": {
        "fr": "Le compte ÉduConnect",
        "en": "Your EduConnect account",
        "ar": "حساب EduConnect",
    },
    "pronote": {"fr": "Pronote", "en": "Pronote", "ar": "Pronote"},
    "ecoledirecte": {"fr": "ÉcoleDirecte", "en": "ÉcoleDirecte", "ar": "ÉcoleDirecte"},
    "ecrans-sommeil": {
        "fr": "Les écrans et le sommeil",
        "en": "Screens and sleep",
        "ar": "الشاشات والنوم",
    },
    "securite-en-ligne": {
        "fr": "La sécurité en ligne et le cyberharcèlement",
        "en": "Safety online and cyberbullying",
        "ar": "الأمان على الإنترنت والتنمر الإلكتروني",
    },
    "parents-ecole": {
        "fr": "Parents et école, ensemble",
        "en": "Parents and school together",
        "ar": "الأولياء والمدرسة معًا",
    },
    "s-equiper": {"fr": "S’équiper", "en": "Getting equipped", "ar": "التجهّز"},
}

MAX_RELATED = 3


def _locales() -> dict[str, Locale]:
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}


def _sync(page: Page, values: dict) -> bool:
    """Set the fields that differ, then save a revision and publish. True when anything changed."""
    changed = {name: value for name, value in values.items() if _current(page, name) != value}
    if not changed and page.live and not page.has_unpublished_changes:
        return False
    for name, value in changed.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return True


def _current(page: Page, name: str):
    value = getattr(page, name)
    if name in {"steps", "easy_read"}:
        return _raw_stream(value)
    return value


def _raw_stream(stream) -> list[dict]:
    """A stream's content in the loader's own shape, to compare with what it should be."""
    raw = []
    for child in stream.raw_data:
        value = dict(child["value"])
        if "callouts" in value:
            value["callouts"] = [
                item["value"] if isinstance(item, dict) and "value" in item else item
                for item in value["callouts"]
            ]
        raw.append({"type": child["type"], "id": child["id"], "value": value})
    return raw


def _empty_image():
    return {"image": None, "alt_text": "", "decorative": False}


def _audio(recording) -> dict:
    """A part's audio: (document id, what it says) or None."""
    if recording is None:
        return {"file": None, "transcript": ""}
    document_id, transcript = recording
    return {"file": document_id, "transcript": transcript}


def _step(step: dict, step_id: str, recording=None) -> dict:
    return {
        "type": "step",
        "id": step_id,
        "value": {
            "title": step["title"],
            "body": step["body"],
            "image": _empty_image(),
            "callouts": [
                {"kind": callout["kind"], "text": callout["text"]}
                for callout in step.get("callouts", [])
            ],
            "video": {"file": None, "captions": None, "transcript": ""},
            "audio": _audio(recording),
        },
    }


def _section(section: dict, section_id: str, recording=None) -> dict:
    return {
        "type": "section",
        "id": section_id,
        "value": {
            "title": section["title"],
            "body": section["body"],
            "image": _empty_image(),
            "audio": _audio(recording),
        },
    }


def _ids(stream, count: int) -> list[str]:
    """Keep the ids already there (progress is recorded against them); new ones for the rest."""
    existing = [child.id for child in stream] if stream is not None else []
    return [existing[i] if i < len(existing) else str(uuid.uuid4()) for i in range(count)]


def _guide_values(data: dict, content: dict, step_ids, section_ids, recordings=None) -> dict:
    """``recordings``: {("steps" or "easy_read", index of the part): (document id, text)}."""
    easy_read = content.get("easy_read") or []
    recordings = recordings or {}
    steps = zip(content["steps"], step_ids, strict=True)
    sections = zip(easy_read, section_ids, strict=True)
    return {
        "title": content["title"],
        "promise": content["promise"],
        "audience": data["audience"],
        "duration_minutes": data["duration_minutes"],
        "level": data["level"],
        "is_training_guide": data["is_training_guide"],
        "what_you_need": "\n".join(content.get("what_you_need", [])),
        "steps": [
            _step(step, i, recordings.get(("steps", n))) for n, (step, i) in enumerate(steps)
        ],
        "easy_read": [
            _section(s, i, recordings.get(("easy_read", n))) for n, (s, i) in enumerate(sections)
        ],
    }


def _translation(page: Page, locale: Locale):
    translated = page.get_translation_or_none(locale)
    if translated is None:
        translated = page.copy_for_translation(locale)
    return translated.specific


def load_index(locales) -> GuideIndexPage:
    home = HomePage.objects.filter(locale=locales["fr"]).first()
    if home is None:
        raise RuntimeError("Load the home pages first (manage.py load_demo).")
    index = GuideIndexPage.objects.child_of(home).filter(locale=locales["fr"]).first()
    title, intro = INDEX["fr"]
    if index is None:
        index = GuideIndexPage(title=title, slug=INDEX_SLUG, intro=intro)
        home.add_child(instance=index)
    _sync(index, {"title": title, "intro": intro})
    for code in LANGUAGES[1:]:
        title, intro = INDEX[code]
        _sync(_translation(index, locales[code]), {"title": title, "intro": intro})
    return index


def load_topics(index, locales) -> dict[str, TopicPage]:
    topics = {}
    for key, titles in TOPICS.items():
        topic = TopicPage.objects.child_of(index).filter(key=key).first()
        if topic is None:
            topic = TopicPage(title=titles["fr"], slug=key, key=key)
            index.add_child(instance=topic)
        _sync(topic, {"title": titles["fr"], "key": key})
        for code in LANGUAGES[1:]:
            _sync(_translation(topic, locales[code]), {"title": titles[code], "key": key})
        topics[key] = topic
    return topics


def load_guide(data: dict, topics, locales, recordings=None) -> GuidePage:
    """``recordings``: {(language, version, index): (document id, text)} for this guide."""
    recordings = recordings or {}
    topic = topics[data["topic"]]
    content = data["fr"]
    guide = GuidePage.objects.child_of(topic).filter(slug=data["slug"]).first()
    easy_count = len(content.get("easy_read") or [])
    if guide is None:
        step_ids = _ids(None, len(content["steps"]))
        section_ids = _ids(None, easy_count)
        guide = GuidePage(slug=data["slug"], **_guide_values(data, content, step_ids, section_ids))
        topic.add_child(instance=guide)
    step_ids = _ids(guide.steps, len(content["steps"]))
    section_ids = _ids(guide.easy_read, easy_count)
    _sync(guide, _guide_values(data, content, step_ids, section_ids, _of(recordings, "fr")))
    for code in LANGUAGES[1:]:
        translated_content = data.get(code)
        if not translated_content:
            continue
        # Same ids as the French page where the steps match one to one.
        ids = step_ids if len(translated_content["steps"]) == len(step_ids) else None
        translation = _translation(guide, locales[code])
        ids = ids or _ids(translation.steps, len(translated_content["steps"]))
        sections = _ids(translation.easy_read, len(translated_content.get("easy_read") or []))
        values = _guide_values(data, translated_content, ids, sections, _of(recordings, code))
        _sync(translation, values)
    return guide


def _of(recordings: dict, language: str) -> dict:
    return {
        (version, index): found
        for (code, version, index), found in recordings.items()
        if code == language
    }


def load_recordings(guides_data: list[dict]) -> dict:
    """The demo recordings of these guides as Wagtail documents, in a collection of their own:
    {slug: {(language, version, index): (document id, what it says)}}."""
    titles = {data["slug"]: data["fr"]["title"] for data in guides_data}
    wanted = [entry for entry in demo_recordings.RECORDINGS if entry[0] in titles]
    if not wanted:
        return {}
    collection = _recordings_collection()
    found: dict[str, dict] = {}
    for slug, language, version, index, text in wanted:
        title = demo_recordings.TITLE.format(
            guide=titles[slug],
            part=demo_recordings.PART[version],
            number=index + 1,
            language=language,
        )
        name = demo_recordings.file_name(slug, language, version, index)
        document = _recording_document(title, name, collection)
        found.setdefault(slug, {})[(language, version, index)] = (document.pk, text)
    return found


def _recordings_collection() -> Collection:
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=demo_recordings.COLLECTION).first()
    return collection or root.add_child(name=demo_recordings.COLLECTION)


def _recording_document(title: str, name: str, collection: Collection):
    content = (demo_recordings.FOLDER / name).read_bytes()
    digest = hash_filelike(io.BytesIO(content))  # as Wagtail hashes documents
    Document = get_document_model()
    document = Document.objects.filter(title=title).first()
    if document is not None and document.file_hash == digest:
        return document
    document = document or Document(title=title, collection=collection)
    stored = f"documents/{name}"
    storage = Document._meta.get_field("file").storage
    if storage.exists(stored) and _same_bytes(storage, stored, digest):
        document.file.name = stored  # already there (an earlier demo database): not a copy
    else:
        document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def _same_bytes(storage, name: str, digest: str) -> bool:
    with storage.open(name, "rb") as file:
        return hash_filelike(file) == digest


def load_related(guides: list[GuidePage]) -> None:
    """Each guide points to the other guides of its topic (at most three)."""
    by_topic: dict[str, list[GuidePage]] = {}
    for guide in guides:
        by_topic.setdefault(guide.path[: -GuidePage.steplen], []).append(guide)
    for guide in guides:
        wanted = [g.pk for g in by_topic[guide.path[: -GuidePage.steplen]] if g.pk != guide.pk]
        wanted = wanted[:MAX_RELATED]
        current = list(guide.related_guides.order_by("sort_order").values_list("guide", flat=True))
        if current != wanted:
            guide.related_guides = [
                RelatedGuide(guide_id=pk, sort_order=order) for order, pk in enumerate(wanted)
            ]
            guide.save_revision().publish()


@transaction.atomic
def load_demo_guides(guides_data: list[dict] | None = None) -> list[GuidePage]:
    """Bring the demo guides up to date (``guides_data``: guide_texts.GUIDES by default)."""
    if guides_data is None:
        from .guide_texts import GUIDES as guides_data

    locales = _locales()
    index = load_index(locales)
    topics = load_topics(index, locales)
    recordings = load_recordings(guides_data)
    guides = [
        load_guide(data, topics, locales, recordings.get(data["slug"])) for data in guides_data
    ]
    load_related(guides)
    return guides
