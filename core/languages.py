"""The shipped languages, each named in its own language (Babel's CLDR data)."""

from functools import cache

from babel import Locale
from django.conf import settings


@cache
def native_language_names() -> list[tuple[str, str]]:
    """[("fr", "Français"), ("en", "English"), ("ar", "العربية")] — what a switcher shows."""
    names = []
    for code, _english_name in settings.LANGUAGES:
        name = Locale.parse(code).get_display_name(code)
        names.append((code, name[:1].upper() + name[1:]))
    return names
