"""Error pages (400, 403, 404, 413, 429, 500, CSRF failure): the site's look, the URL's language."""

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import render
from django.template import loader
from django.utils import translation


def _language(request) -> str:
    """The language of the URL prefix (/ar/…), else the one the middleware chose."""
    return translation.get_language_from_path(request.path_info) or translation.get_language()


def _render(request, template_name: str, status: int, context=None) -> HttpResponse:
    with translation.override(_language(request)):
        return render(request, template_name, context or {}, status=status)


def bad_request(request, exception=None):
    return _render(request, "400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "403.html", 403)


def page_not_found(request, exception=None):
    return _render(request, "404.html", 404)


def request_too_large(request):
    """A request body over REQUEST_MAX_SIZE (coeduc.security.RequestSizeLimitMiddleware)."""
    context = {"max_size": settings.REQUEST_MAX_SIZE}
    return _render(request, "413.html", 413, context)


def too_many_requests(request, exception=None):
    """Every rate limit answers with this page (allauth finds it as `handler429` in urls.py)."""
    return _render(request, "429.html", 429)


def csrf_failure(request, reason=""):
    return _render(request, "csrf.html", 403)


def server_error(request):
    """Rendered without a request context: no database, no session, no user, which may be
    what failed. The template only needs static files and the catalogues."""
    language = _language(request)
    with translation.override(language):
        content = loader.get_template("500.html").render({"home": f"/{language}/"})
    return HttpResponse(content, status=500)
