"""coeduc.outage in process: a database error anywhere in a request gives the 503 page."""

import re

import psycopg_pool
import pytest
from django.conf.urls.i18n import i18n_patterns
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import path

from coeduc import urls as site_urls
from coeduc.outage import RETRY_AFTER_SECONDS, write_static_pages

TITLES = {
    "fr": "Coéduc est momentanément indisponible",
    "en": "Coéduc is unavailable for a moment",
    "ar": "Coéduc غير متاح مؤقتًا",
}
DIRECTION = {"fr": "ltr", "en": "ltr", "ar": "rtl"}


def _database_down(request):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed')


def _connection_lost(request):
    raise InterfaceError("connection already closed")


def _pool_timeout(request):
    # What psycopg's pool raises when Django is not there to wrap it.
    raise psycopg_pool.PoolTimeout("couldn't get a connection after 10.00 sec")


def _broken(request):
    raise RuntimeError("not the database")


def _fine(request):
    return HttpResponse("fine")


urlpatterns = (
    i18n_patterns(
        path("test-outage/down/", _database_down),
        path("test-outage/lost/", _connection_lost),
        path("test-outage/pool/", _pool_timeout),
        path("test-outage/broken/", _broken),
        path("test-outage/fine/", _fine),
        prefix_default_language=True,
    )
    + site_urls.urlpatterns
)
handler404 = site_urls.handler404
handler500 = site_urls.handler500


class SessionStoreDown:
    """Stands for a middleware that queries the database itself (the session saved on the way
    out): Django turns its error into a 500 before the outage middleware sees any exception."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        self.get_response(request)
        raise OperationalError("server closed the connection unexpectedly")


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost", raise_request_exception=False)


def assert_unavailable_page(response, language: str):
    content = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == language
    assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in content
    assert f"<title>{TITLES[language]} — Coéduc</title>" in content
    # Nothing of the error reaches the page.
    assert "Traceback" not in content
    assert "5432" not in content and "connection" not in content.lower()
    # The site's look, and the CSP of every page.
    assert re.search(r'href="/static/coeduc/css/coeduc[.\w]*\.css"', content)
    assert "default-src 'self'" in response["Content-Security-Policy"]


@override_settings(ROOT_URLCONF=__name__)
@pytest.mark.parametrize("language", ["fr", "en", "ar"])
@pytest.mark.parametrize("failure", ["down", "lost", "pool"])
def test_a_view_that_cannot_reach_the_database_answers_503_in_the_pages_language(
    client, language, failure
):
    response = client.get(f"/{language}/test-outage/{failure}/")

    assert_unavailable_page(response, language)
    assert f'href="/{language}/"' in response.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_a_form_sent_during_an_outage_is_said_to_be_maybe_lost(client):
    sent = client.post("/fr/test-outage/down/", {"first_name": "Awa"})
    read = client.get("/fr/test-outage/down/")

    assert_unavailable_page(sent, "fr")
    assert "enregistré" in sent.content.decode()
    assert "enregistré" not in read.content.decode()


@override_settings(ROOT_URLCONF=__name__)
def test_other_errors_stay_500(client):
    response = client.get("/fr/test-outage/broken/")

    assert response.status_code == 500
    assert "Retry-After" not in response


def test_a_middleware_that_cannot_reach_the_database_answers_503_too(client, settings):
    settings.ROOT_URLCONF = __name__
    position = settings.MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware")
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE[: position + 1],
        f"{__name__}.SessionStoreDown",
        *settings.MIDDLEWARE[position + 1 :],
    ]

    response = client.get("/ar/test-outage/fine/")

    assert_unavailable_page(response, "ar")


@pytest.mark.django_db
def test_healthy_pages_are_untouched(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert "Retry-After" not in response


def test_the_web_servers_own_pages_are_written_in_every_language(tmp_path):
    written = write_static_pages(tmp_path / "errors")

    assert sorted(p.name for p in written) == ["503.ar.html", "503.en.html", "503.fr.html"]
    for language, title in TITLES.items():
        page = (tmp_path / "errors" / f"503.{language}.html").read_text()
        assert f'<html lang="{language}" dir="{DIRECTION[language]}">' in page
        assert f"<title>{title} — Coéduc</title>" in page
