"""The cache of anonymous guide pages: one copy per address (language prefix included).

Anonymous readers all get the same page (their progress lives in their browser), so it is
rendered once and served from the cache, before Wagtail even walks its page tree. Any
publication, and any change of a page's view restrictions, bumps the cache version (see
signals), so nothing stale is ever served. Each copy also keeps its page's place in the tree,
and a copy under a restricted page is never served from here (Wagtail checks who may see it):
a private page stays private even if a change came in without a signal.
"""

import time

from django.core.cache import cache
from django.http import HttpResponse
from wagtail.models import PageViewRestriction

VERSION_KEY = "guides:cache-version"
TIMEOUT_SECONDS = 24 * 60 * 60
RESTRICTED_KEY = "guides:restricted-tree-paths"
# Forgotten at once by the signals; the timeout only bounds a change made without them.
RESTRICTED_TIMEOUT_SECONDS = 60


def version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_version() -> None:
    # A new unique value, never an increment: after an eviction an increment could restart
    # at an old number and bring stale pages back.
    cache.set(VERSION_KEY, time.time_ns(), None)


def restricted_tree_paths() -> list[str]:
    """The tree paths of pages with a view restriction (login, groups, password): few."""
    paths = cache.get(RESTRICTED_KEY)
    if paths is None:
        paths = list(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(RESTRICTED_KEY, paths, RESTRICTED_TIMEOUT_SECONDS)
    return paths


def is_restricted(tree_path: str) -> bool:
    """Whether the page at this tree path, or one above it, restricts who may see it."""
    return any(tree_path.startswith(path) for path in restricted_tree_paths())


def forget_restrictions() -> None:
    cache.delete(RESTRICTED_KEY)


def key_for(request) -> str | None:
    """The cache key of this request, or None when the page may be personal."""
    if request.method != "GET" or "messages" in request.COOKIES:
        return None
    if request.user.is_authenticated:
        return None
    return f"guides:page:{version()}:{request.get_full_path()}"


def cached_response(request) -> HttpResponse | None:
    key = key_for(request)
    entry = cache.get(key) if key else None
    if not isinstance(entry, tuple):
        return None
    tree_path, content = entry
    if is_restricted(tree_path):
        return None
    return HttpResponse(content, content_type="text/html; charset=utf-8")


def store(request, response) -> None:
    """Keep an anonymous page, unless it sets a cookie (a CSRF token would be one) or is
    restricted to some readers."""
    key = key_for(request)
    if key is None or response.status_code != 200 or response.cookies:
        return
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return  # a CSRF token was rendered: this page is not the same for everyone
    page = (getattr(response, "context_data", None) or {}).get("page")
    if page is None or is_restricted(page.path):
        return
    cache.set(key, (page.path, response.content), TIMEOUT_SECONDS)
