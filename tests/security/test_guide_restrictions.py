"""A guide made private is never served from the anonymous page cache (review #13, item 4)."""

from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from guides import cache as page_cache

URL = "/fr/guides/pronote/premiers-pas-pronote/"


def cached_then_hit(client) -> bytes:
    first = client.get(URL)
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as captured:
        second = client.get(URL)
    assert second.content == first.content and len(captured.captured_queries) == 0
    return first.content


def assert_sent_to_sign_in(response) -> None:
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert b"Premiers pas" not in response.content


def test_login_restriction_added_after_caching_is_enforced(client, guide):
    cached_then_hit(client)

    PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.LOGIN)

    assert_sent_to_sign_in(client.get(URL))


def test_restriction_on_the_guides_index_covers_the_cached_guide(client, guide):
    cached_then_hit(client)

    restriction = PageViewRestriction.objects.create(
        page=guide.get_parent().get_parent(), restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="Relecteurs"))

    assert_sent_to_sign_in(client.get(URL))


def test_restriction_made_without_signals_is_checked_before_the_cache(client, guide):
    """Even when a restriction arrives without signals (a bulk import, a SQL fix), the cached
    copy is not served once the short-lived list of restricted pages is renewed."""
    cached_then_hit(client)

    PageViewRestriction.objects.bulk_create(
        [PageViewRestriction(page=guide, restriction_type=PageViewRestriction.LOGIN)]
    )
    cache.delete(page_cache.RESTRICTED_KEY)  # as its timeout would

    assert_sent_to_sign_in(client.get(URL))


def test_removing_the_restriction_makes_the_page_public_and_cached_again(client, guide):
    restriction = PageViewRestriction.objects.create(
        page=guide, restriction_type=PageViewRestriction.LOGIN
    )
    assert_sent_to_sign_in(client.get(URL))

    restriction.delete()

    cached_then_hit(client)
