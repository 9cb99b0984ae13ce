"""Fixtures for the guides: the demo's home pages plus a small, known set of guides."""

import copy
import io

import pytest
from django.test import Client

from coeduc.demo.guides import load_demo_guides
from coeduc.management.commands.load_demo import Command
from guides.models import GuidePage
from parents.models import User
from tests.conftest import for_the_module


def make_step(n: int, lang: str = "fr") -> dict:
    word = {"fr": "Étape", "en": "Step", "ar": "الخطوة"}[lang]
    return {
        "title": f"{word} {n}",
        "body": f"<p>{word} {n} : ouvrez l’école numérique.</p>",
        "callouts": [{"kind": "tip", "text": "Gardez votre code."}],
    }


def make_guide(slug: str, topic: str = "pronote", steps: int = 3, languages=("fr",)) -> dict:
    data = {
        "slug": slug,
        "topic": topic,
        "audience": "all",
        "duration_minutes": 5,
        "level": "beginner",
        "is_training_guide": False,
    }
    for lang in languages:
        data[lang] = {
            "title": {"fr": f"Guide {slug}", "en": f"Guide {slug} (en)", "ar": f"دليل {slug}"}[
                lang
            ],
            "promise": "Vous saurez ouvrir l’école numérique.",
            "what_you_need": ["Un téléphone", "Votre code"],
            "steps": [make_step(n, lang) for n in range(1, steps + 1)],
            "easy_read": [{"title": "Le code", "body": "<p>L’école donne un code.</p>"}]
            if lang == "fr"
            else None,
        }
    return data


GUIDES = [
    make_guide("premiers-pas-pronote", languages=("fr", "en", "ar")),
    make_guide("bulletin-en-ligne", steps=2),
    make_guide("sommeil-ecrans", topic="ecrans-sommeil", steps=4, languages=("fr", "ar")),
]


@pytest.fixture
def guides_data():
    return copy.deepcopy(GUIDES)


@pytest.fixture
def home_pages(db):
    """The home pages in fr/en/ar and the default site, as the demo makes them (nothing else)."""
    Command(stdout=io.StringIO()).load_home_pages()


def _build_guides() -> None:
    Command(stdout=io.StringIO()).load_home_pages()
    load_demo_guides(copy.deepcopy(GUIDES))


@pytest.fixture(scope="module")
def _guides_for_the_module(django_db_setup, django_db_blocker):
    """The home pages and the guides of `guides`, built once for a test module (building the
    Wagtail tree took over a second a test); each test's changes are rolled back."""
    yield from for_the_module(django_db_blocker, _build_guides)


@pytest.fixture
def guides(_guides_for_the_module, db, guides_data):
    """The index, the eight topics and three known guides (all in French; some in en/ar).

    Built once for the module (see above): the pages are read again for each test, so that no
    test sees another's changes to them in memory.
    """
    return {
        guide.slug: guide
        for guide in GuidePage.objects.filter(locale__language_code="fr").order_by("path")
    }


@pytest.fixture
def guide(guides) -> GuidePage:
    return guides["premiers-pas-pronote"]


@pytest.fixture
def parent(db):
    return User.objects.create_user(email="maman@example.org", password="un-mot-de-passe")


@pytest.fixture
def parent_client(parent):
    client = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    client.force_login(parent)
    return client
