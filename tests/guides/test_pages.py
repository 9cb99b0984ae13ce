"""Index, topic and guide pages as a parent reads them, in each language."""

import pytest
from wagtail.models import Locale

from guides.models import GuideIndexPage, GuidePage, TopicPage

pytestmark = pytest.mark.django_db


def test_page_types_fit_together():
    assert GuideIndexPage.parent_page_types == ["home.HomePage"]
    assert TopicPage.parent_page_types == ["guides.GuideIndexPage"]
    assert GuidePage.parent_page_types == ["guides.TopicPage"]
    assert GuidePage.subpage_types == []


def test_index_lists_topics_and_guides(client, guides):
    response = client.get("/fr/guides/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pronote" in html and "Les écrans et le sommeil" in html
    assert "Guide premiers-pas-pronote" in html


def test_index_filters_by_topic(client, guides):
    html = client.get("/fr/guides/?topic=ecrans-sommeil").content.decode()
    assert "Guide sommeil-ecrans" in html
    assert "Guide bulletin-en-ligne" not in html


def test_topic_page_lists_its_guides(client, guides):
    html = client.get("/fr/guides/pronote/").content.decode()
    assert "Guide premiers-pas-pronote" in html and "Guide bulletin-en-ligne" in html
    assert "Guide sommeil-ecrans" not in html


def test_guide_page_shows_promise_needs_and_numbered_steps(client, guide):
    response = client.get("/fr/guides/pronote/premiers-pas-pronote/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vous saurez ouvrir l’école numérique." in html
    assert "Un téléphone" in html
    for step_id in guide.step_ids():
        assert f'id="step-{step_id}"' in html
    assert html.count('class="step__title"') == 3
    assert 'lang="fr"' in html


def test_easy_read_version(client, guide):
    html = client.get("/fr/guides/pronote/premiers-pas-pronote/?version=easy-read").content.decode()
    assert "L’école donne un code." in html
    assert 'class="step__title"' not in html


def test_arabic_guide_is_right_to_left(client, guide):
    response = client.get("/ar/guides/pronote/premiers-pas-pronote/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert 'lang="ar" dir="rtl"' in html
    assert "دليل premiers-pas-pronote" in html


def test_missing_translation_falls_back_to_french_with_a_notice(client, guides):
    response = client.get("/en/guides/pronote/bulletin-en-ligne/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en" dir="ltr">' in html
    assert "Guide bulletin-en-ligne" in html
    assert "not yet available in your language" in html
    # The content is marked as French, with links to the languages it exists in.
    assert '<article class="guide__content" lang="fr" dir="ltr">' in html
    assert 'href="/fr/guides/pronote/bulletin-en-ligne/"' in html


def test_arabic_fallback_content_stays_left_to_right(client, guides):
    html = client.get("/ar/guides/pronote/bulletin-en-ligne/").content.decode()
    assert '<html lang="ar" dir="rtl">' in html
    assert '<article class="guide__content" lang="fr" dir="ltr">' in html


def test_topic_page_lists_untranslated_guides_as_french(client, guides):
    html = client.get("/en/guides/pronote/").content.decode()
    assert 'href="/en/guides/pronote/bulletin-en-ligne/" lang="fr"' in html
    assert "Guide premiers-pas-pronote (en)" in html


def test_unknown_guide_is_still_a_404(client, guides):
    assert client.get("/en/guides/pronote/nope/").status_code == 404
    assert client.get("/fr/guides/pronote/nope/").status_code == 404


def test_unpublished_french_guide_is_not_served_as_fallback(client, guides):
    guides["bulletin-en-ligne"].unpublish()
    assert client.get("/en/guides/pronote/bulletin-en-ligne/").status_code == 404


def test_related_guides_in_the_readers_language(client, guides):
    html = client.get("/fr/guides/pronote/premiers-pas-pronote/").content.decode()
    assert 'href="/fr/guides/pronote/bulletin-en-ligne/"' in html


def test_step_ids_survive_in_translations(guide):
    arabic = guide.get_translation(Locale.objects.get(language_code="ar")).specific
    assert arabic.step_ids() == guide.step_ids()
