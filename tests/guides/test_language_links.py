"""The language switcher of a guide leads to that guide in each language: its translation,
or, when there is none yet, its address in that language, which shows the French guide with
a notice. Same for the search and offline pages of the guide index."""

import re

import pytest

from guides.models import TopicPage

pytestmark = pytest.mark.django_db

NOTICE = "notice--language"


def switcher_links(html: str) -> dict[str, str]:
    nav = re.search(r'<nav class="language-switcher".*?</nav>', html, re.S)
    assert nav, "no language switcher"
    return {
        code: href.replace("&amp;", "&")
        for href, code in re.findall(r'<a href="([^"]*)" lang="(\w+)"', nav.group(0))
    }


def links_of(client, path: str) -> dict[str, str]:
    response = client.get(path)
    assert response.status_code == 200, path
    return switcher_links(response.content.decode())


def test_an_untranslated_guide_links_to_its_address_in_each_language(guides, client):
    links = links_of(client, "/fr/guides/pronote/bulletin-en-ligne/")
    assert links == {
        "fr": "/fr/guides/pronote/bulletin-en-ligne/",
        "en": "/en/guides/pronote/bulletin-en-ligne/",
        "ar": "/ar/guides/pronote/bulletin-en-ligne/",
    }
    for code in ("en", "ar"):
        response = client.get(links[code])
        assert response.status_code == 200
        assert NOTICE in response.content.decode()  # the French guide, with its notice


def test_the_french_fallback_page_links_back_and_across(guides, client):
    links = links_of(client, "/ar/guides/pronote/bulletin-en-ligne/")
    assert links["fr"] == "/fr/guides/pronote/bulletin-en-ligne/"
    assert links["en"] == "/en/guides/pronote/bulletin-en-ligne/"
    assert links["ar"] == "/ar/guides/pronote/bulletin-en-ligne/"


def test_a_partly_translated_guide_mixes_translations_and_fallbacks(guides, client):
    links = links_of(client, "/ar/guides/ecrans-sommeil/sommeil-ecrans/")
    assert links["fr"] == "/fr/guides/ecrans-sommeil/sommeil-ecrans/"
    assert links["en"] == "/en/guides/ecrans-sommeil/sommeil-ecrans/"
    assert NOTICE in client.get(links["en"]).content.decode()
    translated = client.get(links["ar"]).content.decode()
    assert NOTICE not in translated and "دليل sommeil-ecrans" in translated


def test_the_fallback_follows_a_translated_topic_address(guides, client):
    # Swapping the language prefix is not enough when the topic's slug is translated.
    topic = TopicPage.objects.get(locale__language_code="en", key="pronote")
    topic.slug = "pronote-en"
    topic.save_revision().publish()
    links = links_of(client, "/fr/guides/pronote/bulletin-en-ligne/")
    assert links["en"] == "/en/guides/pronote-en/bulletin-en-ligne/"
    response = client.get(links["en"])
    assert response.status_code == 200 and NOTICE in response.content.decode()


def test_search_and_offline_pages_link_to_themselves_in_each_language(guides, client):
    links = links_of(client, "/fr/guides/search/?q=pronote")
    assert links["en"] == "/en/guides/search/?q=pronote"
    assert links["ar"] == "/ar/guides/search/?q=pronote"
    links = links_of(client, "/ar/guides/offline/")
    assert links["fr"] == "/fr/guides/offline/"
    assert links["en"] == "/en/guides/offline/"
