"""Uploaded files are served in the default run (no DEBUG), safely."""

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db  # the 404 page reads the site's settings

# The smallest valid PNG (1×1).
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082"
)


@pytest.fixture
def media_root(settings, tmp_path):
    settings.DEBUG = False
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "images").mkdir()
    (tmp_path / "images" / "step.png").write_bytes(PNG)
    (tmp_path / "images" / "evil.svg").write_text("<svg><script>alert(1)</script></svg>")
    (tmp_path / "images" / "page.html").write_text("<script>alert(1)</script>")
    (tmp_path / "documents").mkdir()
    (tmp_path / "documents" / "private.pdf").write_bytes(b"%PDF-1.4")
    return tmp_path


def test_a_guide_image_is_served_without_debug(media_root):
    response = Client().get("/media/images/step.png")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert b"".join(response.streaming_content) == PNG
    assert response["X-Content-Type-Options"] == "nosniff"
    assert not response.get("Content-Disposition", "").startswith("attachment")


@pytest.mark.parametrize("name", ["evil.svg", "page.html"])
def test_anything_but_a_raster_image_is_a_download_that_runs_nothing(media_root, name):
    response = Client().get(f"/media/images/{name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/octet-stream"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "sandbox" in response["Content-Security-Policy"]


@pytest.mark.parametrize(
    "path",
    [
        "/media/documents/private.pdf",  # the documents view checks private collections
        "/media/../settings.py",
        "/media/images/../../etc/passwd",
        "/media/images/",  # never a folder listing
        "/media/images/missing.png",
    ],
)
def test_documents_folders_and_paths_outside_are_not_found(media_root, path):
    # (A folder's address ends in "/": the language middleware tries /fr/… first, also a 404.)
    assert Client().get(path, follow=True).status_code == 404


def test_only_reading_is_allowed(media_root):
    assert Client().post("/media/images/step.png").status_code == 405
