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


def test_keeping_a_guide_for_offline_keeps_its_recordings(client, guide, settings, tmp_path):
    """ "Keep for offline" caches what the page lists as its recordings, fetched whole: the
    Cache API keeps only complete (200) answers, and the service worker cuts the byte ranges
    a player asks for from them."""
    import re
    from pathlib import Path

    from django.contrib.staticfiles import finders
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    settings.MEDIA_ROOT = tmp_path
    demo = Path(__file__).resolve().parents[2] / "site" / "demo" / "recordings"
    opus = (demo / "ecrans-et-sommeil-steps-1-fr.opus").read_bytes()
    sound = Document(title="Étape 1 lue", file=ContentFile(opus, name="etape.opus"))
    sound._set_document_file_metadata()
    sound.save()
    raw = [dict(child) for child in guide.steps.raw_data]
    raw[0]["value"] = {**raw[0]["value"], "audio": {"file": sound.pk, "transcript": ""}}
    guide.steps = raw
    guide.save_revision().publish()

    html = client.get(guide.url).content.decode()
    url = f"/guides/audio/{sound.pk}/?v={sound.file_hash[:12]}"
    # What reading-aids.js's keepOffline adds to the page, styles, scripts and images it caches
    # (tests/browser/test_guide_audio.py watches it do so in Chromium).
    assert re.findall(r'<audio [^>]*src="([^"]+)" data-recording-audio', html) == [url]
    script = Path(finders.find("guides/js/reading-aids.js")).read_text()
    assert 'querySelectorAll("[data-recording-audio]")' in script.split("function keepOffline")[1]
    whole = client.get(url)
    assert whole.status_code == 200
    assert b"".join(whole.streaming_content) == opus
    # And the service worker answers recordings (from the cache, ranges included).
    worker = b"".join(client.get("/sw.js").streaming_content).decode()
    assert "/^\\/guides\\/audio\\//" in worker and "status: 206" in worker
