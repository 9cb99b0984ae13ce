"""Fixtures for the guides: the demo's home pages plus a small, known set of guides."""

import copy
import io

import pytest
from django.test import Client

from coeduc.demo.guides import load_demo_guides
from coeduc.management.commands.load_demo import Command
from guides.models import GuidePage
from parents.models import User


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


@pytest.fixture
def guides(home_pages, guides_data):
    """The index, the eight topics and three known guides (all in French; some in en/ar)."""
    load_demo_guides(guides_data)
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
