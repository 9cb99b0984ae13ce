"""Search over guides in the reader's language: word prefixes, accents ignored, Arabic too.

Queries run on each guide's unaccented, lower-case copy of its text (``GuidePage.search_text``)
rather than through Wagtail's index, whose SQLite back end passes the query to FTS5 as is (an
unbalanced ``"`` was a 500) and matches whole words only ("pronot" found nothing). The query is
cut into words, and each word matches the start of a word of the guide:

- PostgreSQL: full-text search, ``to_tsquery`` with ``:*`` prefixes, every word quoted, against
  the text both stemmed in the guide's language and unstemmed (``simple``); Arabic gets
  ``simple`` only (the French stemmer would mangle Arabic words).
- other databases (SQLite): a regular expression anchored at a word boundary.

This module sits below the page models (``guides.models`` imports it, never the reverse): the
search page hands it the guide pages to search, ``GuidePage.objects``.

Arabic writes the article and some particles onto the word ("الخطوة", "والمدرسة"): a word
also matches with them in front, so that "خطوة" finds "الخطوة", and "الخطوة" finds "خطوة".
"""

import re
import unicodedata

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from wagtail.models import Locale, Page, PageQuerySet

from .listing import GuideEntry
from .locales import default_locale

MAX_RESULTS = 30
MAX_WORDS = 10
MAX_WORD_LENGTH = 40

# PostgreSQL text-search configuration per language of the site.
SEARCH_CONFIGS = {"fr": "french", "en": "english"}
DEFAULT_SEARCH_CONFIG = "simple"

ARABIC_LETTER = re.compile(r"[\u0620-\u064a\u066e-\u06d3\u06fa-\u06ff]")
# The definite article, alone or after a one-letter particle, written onto the word.
ARABIC_ARTICLES = ("وال", "فال", "بال", "كال", "لل", "ال")
# What may stand in front of a word's stem: nothing, the article, a particle, or both.
ARABIC_PREFIXES = ("", "ال", "و", "وال", "ف", "فال", "ب", "بال", "ك", "كال", "ل", "لل")


def unaccent(text: str) -> str:
    """ "École élémentaire" → "ecole elementaire": for accent-insensitive search."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def query_words(query: str) -> list[str]:
    """The words of a query, unaccented and lower-case; punctuation and operators dropped."""
    words = re.findall(r"\w+", unaccent(query))
    return [word[:MAX_WORD_LENGTH] for word in words[:MAX_WORDS]]


def word_forms(word: str) -> list[str]:
    """The forms a query word may take at the start of a word of the text."""
    if not ARABIC_LETTER.search(word):
        return [word]
    stem = word
    for article in ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= 2:
            stem = word[len(article) :]
            break
    return [prefix + stem for prefix in ARABIC_PREFIXES]


def search_guides(query: str, locale: Locale, guides: PageQuerySet) -> list[Page]:
    """Live guides of ``locale`` (among ``guides``) containing every word of ``query``, each as
    the start of a word."""
    words = query_words(query)
    if not words:
        return []
    guides = guides.live().filter(locale=locale)
    if connection.vendor == "postgresql":
        found = _postgresql(guides, words, locale.language_code)
    else:
        found = _word_starts(guides, words)
    # Guides whose title has the words come first: it is what the parent was looking for.
    return sorted(found, key=lambda guide: not _in_title(guide, words))


def search_entries(query: str, locale: Locale, guides: PageQuerySet) -> list[GuideEntry]:
    """What the search page lists: the guides of ``locale``, then the French guides not yet
    translated into it, at their address in that language (as the topic pages list them)."""
    found = search_guides(query, locale, guides)
    entries = [GuideEntry(guide, guide.url, None, False) for guide in found]
    source = default_locale()
    if locale.pk == source.pk:
        return entries
    # Any translation, even a draft, stops the French fallback (TopicPage.route).
    translated = set(guides.filter(locale=locale).values_list("translation_key", flat=True))
    for guide in search_guides(query, source, guides):
        if guide.translation_key in translated:
            continue
        topic = guide.get_parent().get_translation_or_none(locale)
        if topic is not None and topic.live:
            entries.append(GuideEntry(guide, f"{topic.url}{guide.slug}/", topic.specific, True))
    return entries[:MAX_RESULTS]


def _postgresql(guides, words: list[str], language: str) -> list[Page]:
    # Stemmed and unstemmed, each word: a typed prefix may be longer than its word's stem
    # ("numeriq" of "numerique", stemmed "numer"), and a stem finds other forms ("ecoles").
    config = SEARCH_CONFIGS.get(language, DEFAULT_SEARCH_CONFIG)
    configs = [config] if config == DEFAULT_SEARCH_CONFIG else [config, DEFAULT_SEARCH_CONFIG]
    query = None
    for word in words:
        prefixes = " | ".join(f"{_lexeme(form)}:*" for form in word_forms(word))
        word_query = None
        for name in configs:
            one = SearchQuery(f"({prefixes})", search_type="raw", config=name)
            word_query = one if word_query is None else word_query | one
        query = word_query if query is None else query & word_query
    vector = None
    for name in configs:
        one = SearchVector("search_text", config=name)
        vector = one if vector is None else vector + one
    guides = guides.annotate(document=vector).filter(document=query)
    guides = guides.annotate(rank=SearchRank(vector, query)).order_by("-rank", "path")
    return list(guides[:MAX_RESULTS])


def _lexeme(word: str) -> str:
    """A word quoted for ``to_tsquery``: none of its characters is read as an operator."""
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def _word_starts(guides, words: list[str]) -> list[Page]:
    for word in words:
        forms = "|".join(re.escape(form) for form in word_forms(word))
        guides = guides.filter(search_text__regex=rf"(?:^|\W)(?:{forms})")
    return list(guides.order_by("path")[:MAX_RESULTS])


def _in_title(guide: Page, words: list[str]) -> bool:
    title = unaccent(guide.title)
    return all(
        any(re.search(rf"(?:^|\W){re.escape(form)}", title) for form in word_forms(word))
        for word in words
    )
