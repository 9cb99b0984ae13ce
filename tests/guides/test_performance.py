"""Budgets of a guide page: fixed number of queries, cache for anonymous readers."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from guides.models import GuidePage, TopicPage

pytestmark = pytest.mark.django_db


def add_guide(topic: TopicPage, slug: str, steps: int, image: Image) -> GuidePage:
    guide = GuidePage(
        title=f"Guide {slug}",
        slug=slug,
        promise="Une promesse.",
        what_you_need="Un téléphone",
        steps=[
            {
                "type": "step",
                "value": {
                    "title": f"Étape {n}",
                    "body": "<p>Faites ceci.</p>",
                    "image": {"image": image.pk, "alt_text": "L’écran", "decorative": False},
                    "callouts": [{"kind": "tip", "text": "Un conseil."}],
                    "video": {"file": None, "captions": None, "transcript": ""},
                    "audio": {"file": None, "transcript": ""},
                },
            }
            for n in range(steps)
        ],
    )
    topic.add_child(instance=guide)
    guide.save_revision().publish()
    return guide


def queries_for(url: str, client: Client) -> int:
    client.get(url)  # renditions are made on the first view
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_the_number_of_steps(client, guides):
    topic = TopicPage.objects.get(key="pronote", locale__language_code="fr")
    images = [
        Image.objects.create(title=f"image {n}", file=get_test_image_file()) for n in range(2)
    ]
    add_guide(topic, "deux-etapes", 2, images[0])
    add_guide(topic, "douze-etapes", 12, images[1])
    few = queries_for("/fr/guides/pronote/deux-etapes/", client)
    many = queries_for("/fr/guides/pronote/douze-etapes/", client)
    assert many == few, f"{few} queries for 2 steps, {many} for 12"


def test_query_count_for_a_signed_in_parent_does_not_grow_either(parent_client, guides):
    topic = TopicPage.objects.get(key="pronote", locale__language_code="fr")
    image = Image.objects.create(title="image", file=get_test_image_file())
    add_guide(topic, "deux-etapes", 2, image)
    add_guide(topic, "douze-etapes", 12, image)
    few = queries_for("/fr/guides/pronote/deux-etapes/", parent_client)
    many = queries_for("/fr/guides/pronote/douze-etapes/", parent_client)
    assert many == few


def test_images_are_responsive_webp(client, guides):
    topic = TopicPage.objects.get(key="pronote", locale__language_code="fr")
    image = Image.objects.create(title="image", file=get_test_image_file())
    add_guide(topic, "avec-image", 1, image)
    html = client.get("/fr/guides/pronote/avec-image/").content.decode()
    assert "<source " in html and 'type="image/webp"' in html and ".webp 360w" in html
    assert 'alt="L’écran"' in html
    assert " 360w" in html


def test_anonymous_guide_page_is_cached_per_language(client, guide):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    first = client.get(url).content
    with CaptureQueriesContext(connection) as captured:
        second = client.get(url).content
    assert second == first
    assert len(captured.captured_queries) == 0  # not even a walk down the page tree
    arabic = client.get("/ar/guides/pronote/premiers-pas-pronote/").content.decode()
    assert 'lang="ar"' in arabic


def test_publishing_invalidates_the_cached_page(client, guide):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    client.get(url)
    guide.promise = "Une nouvelle promesse."
    guide.save_revision().publish()
    assert "Une nouvelle promesse." in client.get(url).content.decode()


def test_publishing_another_page_invalidates_lists_and_links(client, guides):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    client.get(url)
    other = guides["bulletin-en-ligne"]
    other.title = "Le bulletin, en ligne"
    other.save_revision().publish()
    assert "Le bulletin, en ligne" in client.get(url).content.decode()


def test_cached_anonymous_page_holds_no_csrf_token(client, guide, parent_client):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    parent_client.get(url)  # a signed-in view never lands in the cache
    html = client.get(url).content.decode()
    assert "csrfmiddlewaretoken" not in html and "data-csrf" not in html
    assert "maman@example.org" not in html


def test_signed_in_page_is_personal_and_not_cached(parent_client, client, guide):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    html = parent_client.get(url).content.decode()
    assert "data-csrf" in html
    assert "data-csrf" not in client.get(url).content.decode()


def test_cached_page_keeps_the_security_headers(client, guide):
    url = "/fr/guides/pronote/premiers-pas-pronote/"
    client.get(url)
    response = client.get(url)
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"


def test_anonymous_guide_page_weighs_at_most_35_kb_compressed(client, guide):
    import gzip
    import re

    from django.contrib.staticfiles import finders

    html = client.get("/fr/guides/pronote/premiers-pas-pronote/").content
    total = len(gzip.compress(html, 6))
    assets = re.findall(rb'<(?:link[^>]+href|script[^>]+src)="([^"]+\.(?:css|js))"', html)
    assert assets
    for asset in assets:
        path = finders.find(asset.decode().removeprefix("/static/"))
        with open(path, "rb") as file:
            total += len(gzip.compress(file.read(), 9))
    assert total <= 35 * 1024, f"{total / 1024:.1f} KB"


def test_anonymous_guide_page_asks_nothing_of_another_host(client, guide):
    import re

    html = client.get("/fr/guides/pronote/premiers-pas-pronote/").content.decode()
    external = re.findall(r'(?:src|href|srcset|action)="(?:https?:)?//(?!localhost)[^"]*"', html)
    # Links the reader may follow are fine; nothing may be loaded from elsewhere.
    loaded = [attr for attr in external if not attr.startswith("href")]
    assert loaded == []
