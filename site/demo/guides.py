"""Demo guides: the index page, the eight topics and the guides of `guide_texts.GUIDES`.

Idempotent: each page is compared with what it should be and saved (and published) only when
something differs, so a second run changes nothing. Translations keep the French page's step
ids, so a parent's progress follows them from one language to another.
"""

import uuid

from django.db import transaction
from wagtail.models import Locale, Page

from coeduc.home.models import HomePage
from guides.models import GuideIndexPage, GuidePage, RelatedGuide, TopicPage

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


def _step(step: dict, step_id: str) -> dict:
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
            "audio": {"file": None, "transcript": ""},
        },
    }


def _section(section: dict, section_id: str) -> dict:
    return {
        "type": "section",
        "id": section_id,
        "value": {"title": section["title"], "body": section["body"], "image": _empty_image()},
    }


def _ids(stream, count: int) -> list[str]:
    """Keep the ids already there (progress is recorded against them); new ones for the rest."""
    existing = [child.id for child in stream] if stream is not None else []
    return [existing[i] if i < len(existing) else str(uuid.uuid4()) for i in range(count)]


def _guide_values(data: dict, content: dict, step_ids, section_ids) -> dict:
    easy_read = content.get("easy_read") or []
    return {
        "title": content["title"],
        "promise": content["promise"],
        "audience": data["audience"],
        "duration_minutes": data["duration_minutes"],
        "level": data["level"],
        "is_training_guide": data["is_training_guide"],
        "what_you_need": "\n".join(content.get("what_you_need", [])),
        "steps": [_step(step, i) for step, i in zip(content["steps"], step_ids, strict=True)],
        "easy_read": [_section(s, i) for s, i in zip(easy_read, section_ids, strict=True)],
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


def load_guide(data: dict, topics, locales) -> GuidePage:
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
    _sync(guide, _guide_values(data, content, step_ids, section_ids))
    for code in LANGUAGES[1:]:
        translated_content = data.get(code)
        if not translated_content:
            continue
        # Same ids as the French page where the steps match one to one.
        ids = step_ids if len(translated_content["steps"]) == len(step_ids) else None
        translation = _translation(guide, locales[code])
        ids = ids or _ids(translation.steps, len(translated_content["steps"]))
        sections = _ids(translation.easy_read, len(translated_content.get("easy_read") or []))
        _sync(translation, _guide_values(data, translated_content, ids, sections))
    return guide


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
    guides = [load_guide(data, topics, locales) for data in guides_data]
    load_related(guides)
    return guides
