"""The cache of anonymous guide pages: one copy per address (language prefix included).

Anonymous readers all get the same page (their progress lives in their browser), so it is
rendered once and served from the cache, before Wagtail even walks its page tree. Any
publication bumps the cache version (see signals), so nothing stale is ever served.
"""

import time

from django.core.cache import cache
from django.http import HttpResponse

VERSION_KEY = "guides:cache-version"
TIMEOUT_SECONDS = 24 * 60 * 60


def version() -> int:
    return cache.get_or_set(VERSION_KEY, time.time_ns, None)


def bump_version() -> None:
    # A new unique value, never an increment: after an eviction an increment could restart
    # at an old number and bring stale pages back.
    cache.set(VERSION_KEY, time.time_ns(), None)


def key_for(request) -> str | None:
    """The cache key of this request, or None when the page may be personal."""
    if request.method != "GET" or "messages" in request.COOKIES:
        return None
    if request.user.is_authenticated:
        return None
    return f"guides:page:{version()}:{request.get_full_path()}"


def cached_response(request) -> HttpResponse | None:
    key = key_for(request)
    content = cache.get(key) if key else None
    if content is None:
        return None
    return HttpResponse(content, content_type="text/html; charset=utf-8")


def store(request, response) -> None:
    """Keep an anonymous page, unless it sets a cookie (a CSRF token would be one)."""
    key = key_for(request)
    if key is None or response.status_code != 200 or response.cookies:
        return
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return  # a CSRF token was rendered: this page is not the same for everyone
    cache.set(key, response.content, TIMEOUT_SECONDS)
