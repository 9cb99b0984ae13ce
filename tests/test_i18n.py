"""French, English and Arabic: language prefixes, direction, the switcher and the catalogues."""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
SHIPPED = ["fr", "en", "ar"]
NATIVE_NAMES = {"fr": "Français", "en": "English", "ar": "العربية"}


class PageStructure(HTMLParser):
    """The <html> attributes and the links of the language switcher of a page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.html_attrs: dict[str, str | None] = {}
        self.switcher_links: list[dict] = []
        self._switcher_depth = 0
        self._link: dict | None = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.html_attrs = attrs
        elif tag == "nav":
            if self._switcher_depth or "language-switcher" in (attrs.get("class") or ""):
                self._switcher_depth += 1
        elif tag == "a" and self._switcher_depth:
            self._link = {**attrs, "text": ""}

    def handle_endtag(self, tag):
        if tag == "nav" and self._switcher_depth:
            self._switcher_depth -= 1
        elif tag == "a" and self._link is not None:
            self._link["text"] = self._link["text"].strip()
            self.switcher_links.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self._link is not None:
            self._link["text"] += data


@pytest.mark.parametrize(
    ("language", "direction", "headline"),
    [
        ("fr", "ltr", "Suivre la scolarité de vos enfants, pas à pas."),
        ("en", "ltr", "Follow your children’s schooling, step by step."),
        ("ar", "rtl", "تابعوا دراسة أطفالكم، خطوة بخطوة."),
    ],
)
def test_home_page_language_and_direction(client, shared_demo, language, direction, headline):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    html = response.content.decode()
    page = PageStructure(html)
    assert page.html_attrs.get("lang") == language
    assert page.html_attrs.get("dir") == direction
    assert headline in html


@pytest.mark.parametrize("language", SHIPPED)
def test_language_switcher_names_each_language_in_itself(client, shared_demo, language):
    response = client.get(f"/{language}/")

    links = PageStructure(response.content.decode()).switcher_links
    assert [(link["hreflang"], link["text"]) for link in links] == list(NATIVE_NAMES.items())
    for link in links:
        # Each name is marked with its own language, for screen readers.
        assert link["lang"] == link["hreflang"]
        # Each link leads to the home page in that language, which exists.
        assert link["href"] == f"/{link['hreflang']}/"
        assert client.get(link["href"]).status_code == 200
    current = [link["hreflang"] for link in links if link.get("aria-current") == "page"]
    assert current == [language]


def test_language_switcher_on_a_page_outside_wagtail(client, db):
    response = client.get("/ar/accounts/login/")

    assert response.status_code == 200
    page = PageStructure(response.content.decode())
    assert (page.html_attrs.get("lang"), page.html_attrs.get("dir")) == ("ar", "rtl")
    hrefs = {link["hreflang"]: link["href"] for link in page.switcher_links}
    assert hrefs == {code: f"/{code}/accounts/login/" for code in SHIPPED}


def test_root_redirects_to_french_by_default(client, shared_demo):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/fr/"


def test_root_follows_the_browser_language(client, shared_demo):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/ar/"


# --- Catalogues ----------------------------------------------------------------------------


def untranslated(catalog) -> list[str]:
    """The msgids of messages with an empty translation (any plural form) or marked fuzzy."""
    offending = []
    for message in catalog:
        if not message.id:  # the header
            continue
        forms = message.string if isinstance(message.string, tuple | list) else [message.string]
        msgid = message.id[0] if isinstance(message.id, tuple | list) else message.id
        if message.fuzzy:
            offending.append(f"{msgid!r} (fuzzy)")
        elif not forms or not all(forms):
            offending.append(f"{msgid!r} (empty)")
    return offending


@pytest.mark.parametrize("language", SHIPPED)
def test_catalogue_is_complete(language):
    po_path = LOCALE_DIR / language / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        pytest.fail(f"{po_path} does not exist")

    with open(po_path, "rb") as po_file:
        catalog = read_po(po_file, locale=language)

    assert len(catalog) > 0, f"{po_path} has no messages"
    offending = untranslated(catalog)
    assert not offending, (
        f"{len(offending)} message(s) of {po_path.relative_to(settings.BASE_DIR)} are not "
        "translated:\n" + "\n".join(offending)
    )


def test_arabic_plural_forms_are_all_given():
    """Arabic has six plural forms: a catalogue with fewer would leave some counts blank."""
    po_path = LOCALE_DIR / "ar" / "LC_MESSAGES" / "django.po"
    if not po_path.exists():
        pytest.fail(f"{po_path} does not exist")
    with open(po_path, "rb") as po_file:
        catalog = read_po(po_file, locale="ar")

    assert catalog.num_plurals == 6
    for message in catalog:
        if message.pluralizable:
            assert len(message.string) == 6, message.id
