"""The service worker is served from the site root; each language has an offline page."""

import pytest

pytestmark = pytest.mark.django_db


def test_service_worker_is_served_at_the_root_with_a_root_scope(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert b'addEventListener("fetch"' in b"".join(response.streaming_content)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_offline_page_in_each_language(client, guides, language):
    response = client.get(f"/{language}/guides/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "data-offline-list" in html
    assert f'<html lang="{language}"' in html


def test_every_page_registers_the_service_worker_from_a_file(client, guides):
    html = client.get("/fr/").content.decode()
    assert "guides/js/sw-register" in html
    assert "<script>" not in html  # no inline script: the CSP forbids them
