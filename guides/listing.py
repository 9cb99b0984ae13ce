"""Lists of guides for index and topic pages, with French guides standing in for missing ones."""

from dataclasses import dataclass

from wagtail.models import Page

from .models import GuidePage, TopicPage, default_locale


@dataclass
class GuideEntry:
    guide: GuidePage
    url: str
    topic: TopicPage
    in_french: bool  # not translated into the reader's language yet


def guide_entries(topic: TopicPage, audience: str = "") -> list[GuideEntry]:
    guides = GuidePage.objects.child_of(topic).live().order_by("path")
    entries = [GuideEntry(guide, guide.url, topic, False) for guide in guides]
    source_locale = default_locale()
    if topic.locale_id != source_locale.pk:
        source = topic.get_translation_or_none(source_locale)
        if source is not None:
            translated = {entry.guide.translation_key for entry in entries}
            for guide in GuidePage.objects.child_of(source).live().order_by("path"):
                if guide.translation_key not in translated:
                    entries.append(GuideEntry(guide, f"{topic.url}{guide.slug}/", topic, True))
    if audience:
        entries = [entry for entry in entries if entry.guide.audience in (audience, "all")]
    return entries


def topic_of(guide: Page) -> TopicPage | None:
    parent = guide.get_parent()
    return parent.specific if parent else None
