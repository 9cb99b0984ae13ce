"""Counted phrases take the plural their number needs, in every language, and French pages
have French spacing before : ; ! ? (a narrow no-break space, from the catalogue)."""

import json
import re
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.test import Client
from django.utils import translation

from coeduc.templatetags.coeduc_tags import steps_done_texts
from tests.factories import make_facilitator, make_workshop, signed_in
from workshops import services

ROOT = Path(settings.BASE_DIR)
LOCALE = ROOT / "locale"
sys.path.insert(0, str(LOCALE))
from french_typography import NARROW_NBSP, fix  # noqa: E402

NBSP = NARROW_NBSP
APPS = ["core", "parents", "workshops", "guides", "ambassadors", "rooms", "site"]
# Words that follow a number in a sentence ("3 places", "2 families"): such a sentence needs
# ngettext / {% blocktranslate count %}, never a plain gettext.
COUNTED_NOUNS = (
    r"places|seats|steps|families|sessions|workshops|minutes|hours|days|weeks|months|members|"
    r"messages|guides|people|parents|ambassadors|volunteers|requests|attempts|codes|times"
)
NUMBER_NAMES = r"\w*(?:count|total|number|seats|done|left|n|minutes|days|hours|members)\w*"


def _catalogue(language):
    with open(LOCALE / language / "LC_MESSAGES" / "django.po", "rb") as po:
        return read_po(po, locale=language)


def _templates():
    for app in APPS:
        yield from (ROOT / app).rglob("templates/**/*.html")
        yield from (ROOT / app).rglob("templates/**/*.txt")


def test_no_template_counts_without_a_plural():
    counted = re.compile(
        r"{% blocktranslate(?![^%]*\bcount\b)[^%]*%}(?:(?!{% endblocktranslate).)*?"
        rf"{{{{ ?({NUMBER_NAMES}) ?}}}}(?:\s+\w+){{0,3}}?\s+(?:{COUNTED_NOUNS})\b",
        re.S,
    )
    wrong = [
        f"{path.relative_to(ROOT)}: {match.group(0)[:120]}"
        for path in _templates()
        for match in counted.finditer(path.read_text(encoding="utf-8"))
    ]
    assert wrong == []


def test_no_python_counts_without_ngettext():
    counted = re.compile(
        rf"""(?<!n)(?:gettext(?:_lazy)?|_)\(\s*["'][^"']*%\(\w+\)d\s+(?:\w+\s+){{0,2}}?(?:{COUNTED_NOUNS})\b"""
    )
    wrong = []
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for match in counted.finditer(path.read_text(encoding="utf-8")):
                wrong.append(f"{path.relative_to(ROOT)}: {match.group(0)}")
    assert wrong == []


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_every_plural_has_all_its_forms(language):
    catalogue = _catalogue(language)
    missing = [
        message.id[0]
        for message in catalogue
        if message.id
        and not isinstance(message.id, str)
        and message.string
        and any(message.string)
        and not all(message.string)
    ]
    assert missing == []


def test_french_catalogue_has_french_spacing():
    wrong = []
    for message in _catalogue("fr"):
        if not message.id:
            continue  # the catalogue's header
        strings = [message.string] if isinstance(message.string, str) else message.string
        for text in strings:
            if text and fix(text) != text:
                wrong.append(text)
    assert wrong == [], "run locale/french_typography.py on the French catalogue"


@pytest.mark.parametrize(
    ("done", "expected"),
    [(0, "0 étape faite sur 1"), (1, "1 étape faite sur 1")],
)
def test_guide_progress_in_french_says_one_step_not_one_steps(done, expected):
    with translation.override("fr"):
        texts = json.loads(steps_done_texts(1))
    assert texts[str(done)] == expected


def test_guide_progress_has_a_sentence_per_count_in_arabic():
    with translation.override("ar"):
        texts = json.loads(steps_done_texts(3))
    assert len(set(texts.values())) == 4  # zero, one, two, few: each its own form


@pytest.mark.django_db
def test_french_facilitator_page_says_1_place_prise_and_besoins_with_a_narrow_space():
    workshop = make_workshop(capacity=1)
    claire = make_facilitator(workshop.organisation)
    registration = services.register(
        workshop,
        first_name="Amina",
        email="amina@example.org",
        needs=services.Needs(childcare=True),
    )
    assert registration.status == "confirmed"

    content = signed_in(claire).get(f"/fr/workshops/manage/{workshop.pk}/").content.decode()

    assert "1 place prise sur 1" in content
    assert "1 places" not in content
    assert f"Besoins{NBSP}:" in content
    assert "Besoins :" not in content and "Besoins:" not in content


@pytest.mark.django_db
def test_french_pages_have_no_singular_count_with_a_plural_noun():
    workshop = make_workshop(capacity=1)
    client = Client(HTTP_HOST="localhost")
    content = client.get(f"/fr/workshops/{workshop.pk}/").content.decode()
    content += client.get("/fr/workshops/").content.decode()
    assert "1 place restante" in content
    assert not re.search(r"\b[01] (?:places|étapes|familles|séances|ateliers)\b", content)
