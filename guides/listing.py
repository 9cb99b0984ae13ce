"""Lists of guides for index and topic pages, with French guides standing in for missing ones.

This module sits below the page models (``guides.models`` imports it, never the reverse): the
pages hand it the guide pages to list from, ``GuidePage.objects``.
"""

from dataclasses import dataclass

from wagtail.models import Page, PageQuerySet

from .locales import default_locale


@dataclass
class GuideEntry:
    guide: Page  # a GuidePage
    url: str
    topic: Page | None  # its TopicPage in the reader's language
    in_french: bool  # not translated into the reader's language yet


def guide_entries(topic: Page, guides: PageQuerySet, audience: str = "") -> list[GuideEntry]:
    """The live guides of ``topic`` (taken from ``guides``), then the French guides of its
    French original that are not translated yet, at their address under ``topic``."""
    guides = guides.live().order_by("path")
    entries = [GuideEntry(guide, guide.url, topic, False) for guide in guides.child_of(topic)]
    source_locale = default_locale()
    if topic.locale_id != source_locale.pk:
        source = topic.get_translation_or_none(source_locale)
        if source is not None:
            translated = {entry.guide.translation_key for entry in entries}
            for guide in guides.child_of(source):
                if guide.translation_key not in translated:
                    entries.append(GuideEntry(guide, f"{topic.url}{guide.slug}/", topic, True))
    if audience:
        entries = [entry for entry in entries if entry.guide.audience in (audience, "all")]
    return entries
