"""Search over guides (titles, steps, easy-read text), accent-insensitive on every database.

Wagtail's database backend: SQLite's full-text index here, PostgreSQL's full-text search with
the French configuration in production (``SEARCH_CONFIG`` in settings). Accents are ignored
by searching an unaccented query against the unaccented copy of each guide
(``GuidePage.search_text``), which works the same on both.
"""

from wagtail.models import Locale

from .models import GuidePage, unaccent

MAX_RESULTS = 30


def search_guides(query: str, locale: Locale) -> list[GuidePage]:
    query = unaccent(query).strip()
    if not query:
        return []
    results = GuidePage.objects.live().filter(locale=locale).search(query, operator="and")
    return list(results[:MAX_RESULTS])
