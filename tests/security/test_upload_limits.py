"""Upload limits: an oversized image gets Wagtail's form message, an oversized request the 413
page, oversized form fields the 400 page; never a 500, and nothing is saved."""

import io

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image as PILImage
from wagtail.images import get_image_model

from parents.models import User

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


def png(width: int = 8, height: int = 8, mode: str = "RGB") -> bytes:
    buffer = io.BytesIO()
    PILImage.new(mode, (width, height)).save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.fixture
def editor_client(db):
    editor = User.objects.create_user(email="redaction@example.org", password="x")
    editor.groups.add(Group.objects.get(name="Editors"))
    client = Client(HTTP_HOST="localhost")
    client.force_login(editor)
    return client


def upload_image(client, name: str, content: bytes):
    return client.post(
        "/admin/images/add/",
        {"title": "Capture d’écran", "file": SimpleUploadedFile(name, content, "image/png")},
    )


def test_an_editor_uploads_a_small_image(editor_client, settings, tmp_path):
    """The limits below refuse only what is over them: the same view accepts this one."""
    settings.MEDIA_ROOT = tmp_path
    response = upload_image(editor_client, "capture.png", png())

    assert response.status_code == 302, response.content[:2000]
    assert get_image_model().objects.filter(title="Capture d’écran").exists()


def test_an_image_over_10_mb_is_refused_with_the_forms_message(editor_client):
    assert settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE == 10 * MB
    # A valid PNG followed by padding: 10.5 MB, under the request limit, over the image one.
    content = png() + b"\0" * (10 * MB + MB // 2)
    assert len(content) < settings.REQUEST_MAX_SIZE

    response = upload_image(editor_client, "capture.png", content)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("10.0" in error or "10,0" in error for error in errors), errors
    assert not get_image_model().objects.exists()


def test_an_image_of_too_many_pixels_is_refused_with_the_forms_message(editor_client):
    # 8000 × 5001 black pixels: a small file (it compresses), over 40 megapixels.
    content = png(8000, 5001, mode="1")
    assert len(content) < MB

    response = upload_image(editor_client, "scan.png", content)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert any("40000000" in error for error in errors), errors
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("language", "title", "limit"),
    [
        ("fr", "Fichier trop volumineux", "12,0\xa0Mio"),
        ("ar", "الملف كبير جدًا", "12,0\xa0م.ب"),
        ("en", "File too large", "12.0\xa0MB"),
    ],
)
def test_a_request_over_the_limit_gets_the_413_page_in_the_urls_language(
    client, language, title, limit
):
    content = b"\0" * (settings.REQUEST_MAX_SIZE + 1)
    response = client.post(
        f"/{language}/accounts/login/",
        {"login": "x@example.org", "file": SimpleUploadedFile("big.bin", content)},
    )

    assert response.status_code == 413
    html = response.content.decode()
    assert title in html and f'lang="{language}"' in html
    assert limit in html  # the limit, in the page's language
    assert "Content-Security-Policy" in response


def test_an_editor_over_the_request_limit_gets_the_413_page(editor_client):
    content = png() + b"\0" * settings.REQUEST_MAX_SIZE

    response = upload_image(editor_client, "capture.png", content)

    assert response.status_code == 413
    assert not get_image_model().objects.exists()


def test_form_fields_over_the_limit_get_the_400_page(client):
    response = client.post(
        "/fr/accounts/login/", {"login": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)}
    )

    assert response.status_code == 400
    assert "Requête incorrecte" in response.content.decode()


def test_a_content_length_that_is_not_a_number_gets_the_400_page(client):
    response = client.generic(
        "POST", "/fr/accounts/login/", b"login=x", CONTENT_LENGTH="many", CONTENT_TYPE="x"
    )

    assert response.status_code == 400
