"""Search over guides: titles, steps and easy-read text, with or without accents."""

import pytest
from wagtail.models import Locale

from guides.models import GuidePage
from guides.search import search_guides

pytestmark = pytest.mark.django_db


def titles(query: str, language: str = "fr") -> set[str]:
    return {
        page.title
        for page in search_guides(
            query, Locale.objects.get(language_code=language), GuidePage.objects
        )
    }


@pytest.mark.parametrize("query", ["école", "ecole", "ÉCOLE", "Ecole"])
def test_accents_do_not_matter(guides, query):
    # "école" is only in the steps' text, not in the titles.
    assert titles(query) == {
        "Guide premiers-pas-pronote",
        "Guide bulletin-en-ligne",
        "Guide sommeil-ecrans",
    }


def test_finds_words_of_the_easy_read_version(guides, guide):
    guide.easy_read = [
        {
            "type": "section",
            "value": {
                "title": "Le mot",
                "body": "<p>Un hippopotame.</p>",
                "image": {"image": None, "alt_text": "", "decorative": False},
            },
        }
    ]
    guide.save_revision().publish()
    assert titles("hippopotame") == {"Guide premiers-pas-pronote"}


def test_finds_titles(guides):
    assert titles("bulletin") == {"Guide bulletin-en-ligne"}


def test_searches_in_the_readers_language(guides):
    assert titles("(en)", "en") <= {"Guide premiers-pas-pronote (en)"}
    assert titles("Step", "en") == {"Guide premiers-pas-pronote (en)"}
    assert titles("Step", "fr") == set()


def test_unpublished_guides_are_not_found(guides):
    guides["bulletin-en-ligne"].unpublish()
    assert titles("bulletin") == set()


def test_search_page_shows_results(client, guides):
    html = client.get("/fr/guides/search/?q=ecole").content.decode()
    assert "Guide bulletin-en-ligne" in html
    assert 'href="/fr/guides/pronote/bulletin-en-ligne/"' in html


def test_empty_result_page_helps(client, guides):
    response = client.get("/fr/guides/search/?q=zzzzzz")
    assert response.status_code == 200
    html = response.content.decode()
    assert "zzzzzz" in html
    assert 'href="/fr/guides/"' in html  # browse by topic instead
