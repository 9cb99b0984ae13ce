"""Error pages: in the site's look, in the language of the URL, never a link off the site."""

import re

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied, SuspiciousOperation
from django.test import Client
from django.urls import path

from coeduc import urls as site_urls

pytestmark = pytest.mark.django_db

TITLES = {
    # status: {language: words of the translated <title>}
    400: {"fr": "Requête incorrecte", "en": "Bad request", "ar": "طلب غير صحيح"},
    403: {"fr": "Accès refusé", "en": "Access denied", "ar": "الوصول مرفوض"},
    404: {"fr": "Page introuvable", "en": "Page not found", "ar": "الصفحة غير موجودة"},
    429: {"fr": "Trop de tentatives", "en": "Too many attempts", "ar": "محاولات كثيرة جدًا"},
    500: {"fr": "Un problème est survenu", "en": "Something went wrong", "ar": "حدث خطأ ما"},
}
DIRECTION = {"fr": "ltr", "en": "ltr", "ar": "rtl"}
LANGUAGES = ["fr", "en", "ar"]


def _bad_request(request):
    raise SuspiciousOperation("test")


def _denied(request):
    raise PermissionDenied


def _broken(request):
    raise RuntimeError("test")


def _rate_limited(request):
    from allauth.core import ratelimit

    return ratelimit.respond_429(request)


# This module is the URLconf of the tests below: the site's URLs, plus views that fail.
urlpatterns = (
    i18n_patterns(
        path("test-errors/400/", _bad_request),
        path("test-errors/403/", _denied),
        path("test-errors/429/", _rate_limited),
        path("test-errors/500/", _broken),
        prefix_default_language=True,
    )
    + site_urls.urlpatterns
)
handler400 = site_urls.handler400
handler403 = site_urls.handler403
handler404 = site_urls.handler404
handler429 = site_urls.handler429
handler500 = site_urls.handler500
HERE = __name__


@pytest.fixture
def client():
    return Client(HTTP_HOST="localhost", raise_request_exception=False)


def _error_url(status: int, language: str) -> str:
    if status == 404:
        return f"/{language}/no-such-page/"
    return f"/{language}/test-errors/{status}/"


def _assert_in_language(response, language: str, title: str):
    content = response.content.decode()
    html = re.search(r"<html[^>]*>", content).group(0)
    assert f'lang="{language}"' in html
    assert f'dir="{DIRECTION[language]}"' in html
    assert f"<title>{title}" in content, content[:600]
    assert "coeduc/css/coeduc.css" in content  # the site's look
    assert 'class="brand"' in content


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("status", sorted(TITLES))
def test_error_pages_speak_the_language_of_the_url(client, settings, status, language):
    settings.ROOT_URLCONF = HERE
    response = client.get(_error_url(status, language))
    assert response.status_code == status
    _assert_in_language(response, language, TITLES[status][language])


@pytest.mark.parametrize("language", LANGUAGES)
def test_csrf_failure_page_speaks_the_language_of_the_url(settings, language):
    client = Client(HTTP_HOST="localhost", enforce_csrf_checks=True)
    titles = {"fr": "Ce formulaire a expiré", "en": "This form has expired", "ar": "انتهت صلاحية"}
    response = client.post(f"/{language}/accounts/login/", {"login": "x", "password": "y"})
    assert response.status_code == 403
    _assert_in_language(response, language, titles[language])


def test_server_error_page_needs_no_database(client, django_assert_num_queries):
    from django.test import RequestFactory

    from coeduc.errors import server_error

    request = RequestFactory().get("/ar/anything/")
    with django_assert_num_queries(0):
        response = server_error(request)
    assert response.status_code == 500
    assert 'lang="ar" dir="rtl"' in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_asking_for_a_code_with_both_fields_empty_is_a_message_not_a_500(client, language):
    response = client.post(f"/{language}/accounts/login/code/", {"email": "", "phone": ""})
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert [error.code for error in errors.as_data()] == ["no_contact"]
    assert 'role="alert"' in response.content.decode()


@pytest.mark.parametrize(
    "evil",
    [
        "//evil.example/fr/",
        "//evil.example/fr/workshops/",
        "/\\evil.example/fr/",
        "///evil.example/",
    ],
)
def test_language_links_of_a_404_stay_on_the_site(client, evil):
    # The test client would read "//host/…" as a host: the raw path goes in PATH_INFO.
    response = client.get("/", PATH_INFO=evil)
    content = response.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)
    hrefs = re.findall(r'href="([^"]*)"', switcher)
    assert len(hrefs) == 3
    for href in hrefs:
        assert href.startswith("/") and not href.startswith("//"), href
        assert "\\" not in href
    assert "evil.example/" not in "".join(h for h in hrefs if h.startswith("//"))


def test_language_links_of_a_404_keep_the_page_in_each_language(client):
    response = client.get("/ar/no-such-page/?q=1")
    assert response.status_code == 404
    content = response.content.decode()
    for language in LANGUAGES:
        assert f'href="/{language}/no-such-page/?q=1"' in content
