"""The shipped languages, each named in its own language (Babel's CLDR data)."""

from functools import cache

from babel import Locale
from django.conf import settings
from django.utils.translation import gettext_lazy as _


@cache
def native_language_names() -> list[tuple[str, str]]:
    """[("fr", "Français"), ("en", "English"), ("ar", "العربية")] — what a switcher shows."""
    names = []
    for code, _english_name in settings.LANGUAGES:
        name = Locale.parse(code).get_display_name(code)
        names.append((code, name[:1].upper() + name[1:]))
    return names


def is_language_code(code: str) -> bool:
    """A plausible ISO 639 code ("fr", "ar", "wol"): workshops may be held in any language."""
    return code.isalpha() and 2 <= len(code) <= 3


# Languages people speak with families (ambassadors, workshops), beyond the site's own three.
SPOKEN_LANGUAGES = [
    ("fr", _("French")),
    ("ar", _("Arabic")),
    ("en", _("English")),
    ("es", _("Spanish")),
    ("pt", _("Portuguese")),
    ("tr", _("Turkish")),
    ("ro", _("Romanian")),
    ("wo", _("Wolof")),
    ("gcf", _("Guadeloupean Creole")),
    ("co", _("Corsican")),
    ("br", _("Breton")),
    ("oc", _("Occitan")),
]
