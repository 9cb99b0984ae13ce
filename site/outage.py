"""Database outages: every page answers 503 "back in a moment" in the site's look, never a 500.

When PostgreSQL cannot be reached (down, restarting, the pool out of connections for
DATABASE_POOL_TIMEOUT seconds), the page is rendered from 503.html with no request context:
no session, no user, no database, which are what failed. Nothing is kept between requests,
so the first request after the database is back is served as usual.
"""

import contextlib
import logging
import sys
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.signals import got_request_exception
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils import translation

logger = logging.getLogger(__name__)

# Django wraps the driver's errors in its own; psycopg's are listed too for code that calls the
# driver or the pool directly (psycopg_pool.PoolTimeout is a psycopg.OperationalError).
UNAVAILABLE_ERRORS = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)
RETRY_AFTER_SECONDS = 30
# Set on the request when Django turned one of those errors into a 500 (see below).
_FLAG = "_coeduc_database_unavailable"
SAFE_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}


def page_language(request) -> str:
    """The language of the URL prefix (/ar/…), else the one the locale middleware chose."""
    return (
        translation.get_language_from_path(request.path_info)
        or translation.get_language()
        or settings.LANGUAGE_CODE
    )


def render_unavailable(language: str, *, form_not_sent: bool = False) -> str:
    """The 503 page in `language`: static files and the catalogues only, nothing else."""
    with translation.override(language):
        return loader.get_template("503.html").render(
            {"home": f"/{language}/", "form_not_sent": form_not_sent}
        )


def unavailable_response(request) -> HttpResponse:
    language = page_language(request)
    content = render_unavailable(language, form_not_sent=request.method not in SAFE_METHODS)
    response = HttpResponse(content, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    # Never kept by a browser or a cache in front: the next try must reach the server.
    response["Cache-Control"] = "no-store"
    response["Content-Language"] = language
    return response


def write_static_pages(directory: Path) -> list[Path]:
    """503.<lang>.html for each language, for the web server to answer with when no worker
    answers at all (deploy/nginx/coeduc.conf). Needs the collected static files' manifest."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for language, _name in settings.LANGUAGES:
        path = directory / f"503.{language}.html"
        path.write_text(render_unavailable(language), encoding="utf-8")
        written.append(path)
    return written


def _note_database_error(sender, request=None, **kwargs):
    """Django sends this signal while it turns an exception into a 500, inside the `except`
    block: a database error raised by a middleware (a session saved on the way out) is seen
    here, flagged, and its 500 replaced by the middleware below."""
    error = sys.exc_info()[1]
    if request is not None and isinstance(error, UNAVAILABLE_ERRORS):
        setattr(request, _FLAG, True)


class DatabaseUnavailableMiddleware:
    """Answers 503 (with Retry-After) instead of 500 when the database is unreachable.

    Placed before the session, authentication and every other middleware that may query the
    database, and after the security and CSP ones so that the page gets their headers. A view
    (or its template: the session and the user are read lazily) that raises comes through
    `process_exception`; Django turns an error raised by another middleware into a 500 before
    it reaches this one, so that case is flagged by the `got_request_exception` signal and
    its response replaced on the way out.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        got_request_exception.connect(_note_database_error, dispatch_uid=__name__)

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _FLAG, False):
            return unavailable_response(request)
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, UNAVAILABLE_ERRORS):
            return None
        # One line, no traceback: during an outage every request would log the same one.
        logger.warning(
            "Database unavailable, answered 503 to %s %s: %s",
            request.method,
            request.path,
            exception,
        )
        return unavailable_response(request)


class WebSocketDatabaseGuard:
    """A WebSocket whose handshake needs the database while it is unreachable is refused.

    Channels' AuthMiddlewareStack reads the session and the user before any consumer runs, so
    an outage failed there with a traceback. Refused instead (a close before the accept: the
    handshake's 403), the rooms' page retries with its backoff and catches up once it is
    back; a consumer already connected answers its frames itself (rooms: "unavailable").
    """

    def __init__(self, inner):
        self.inner = inner

    async def __call__(self, scope, receive, send):
        try:
            return await self.inner(scope, receive, send)
        except UNAVAILABLE_ERRORS as error:
            logger.warning("Database unavailable, WebSocket refused: %s", type(error).__name__)
            with contextlib.suppress(RuntimeError):  # the consumer had closed it already
                await send({"type": "websocket.close", "code": 1013})
