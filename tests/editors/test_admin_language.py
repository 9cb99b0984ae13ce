"""The Wagtail admin speaks the staff member's language: no English column, label or cell name."""

import re

import pytest
from django.test import Client
from wagtail.users.models import UserProfile

from parents.models import TerritoryPilot, User
from tests.factories import (
    make_facilitator,
    make_organisation,
    make_room,
    make_territory,
    make_venue,
)

pytestmark = pytest.mark.django_db

ENGLISH = ["User", "Territory", "Organisation", "True", "False"]
EXPECTED = {
    "fr": {"/admin/territorypilot/": ["Personne", "Territoire"], "/admin/venue/": ["Oui"]},
    "ar": {"/admin/territorypilot/": ["شخص", "الإقليم"], "/admin/venue/": ["نعم"]},
}


@pytest.fixture
def staff():
    user = User.objects.create_superuser(email="admin@example.org", password="x")
    organisation = make_organisation()
    make_facilitator(organisation=organisation)
    TerritoryPilot.objects.create(user=user, territory=make_territory())
    make_venue(organisation=organisation)
    make_room()
    return user


def visible_text(html: str) -> list[str]:
    """Text nodes and the attributes people hear or see (titles, labels), scripts left out."""
    html = re.sub(r"<(script|template)\b.*?</\1>", "", html, flags=re.S)
    texts = re.findall(r">([^<]+)<", html)
    texts += re.findall(r'(?:title|aria-label|placeholder)="([^"]*)"', html)
    return [" ".join(t.split()) for t in texts if t.strip()]


@pytest.mark.parametrize("language", ["fr", "ar"])
@pytest.mark.parametrize(
    "path",
    [
        "/admin/territorypilot/",
        "/admin/territorypilot/new/",
        "/admin/organisationmembership/",
        "/admin/organisationmembership/new/",
        "/admin/venue/",
        "/admin/users/",
        "/admin/rooms/rooms/",
    ],
)
def test_no_english_words_in_the_admin(staff, language, path):
    profile = UserProfile.get_for_user(staff)
    profile.preferred_language = language
    profile.save()
    client = Client(HTTP_HOST="localhost")
    client.force_login(staff)

    response = client.get(path)

    assert response.status_code == 200
    texts = visible_text(response.content.decode())
    for word in ENGLISH:
        pattern = re.compile(rf"(^|\W){word}($|\W)")
        assert not [t for t in texts if pattern.search(t)], (word, path)
    page = " ".join(texts)
    for translation in EXPECTED[language].get(path, []):
        assert translation in page, (translation, path)


@pytest.mark.parametrize(
    "language, label, placeholder",
    [
        ("fr", "Mot de passe", "Saisissez le mot de passe"),
        ("ar", "كلمة المرور", "أدخلوا كلمة المرور"),
    ],
)
def test_the_admin_login_names_the_password_in_the_visitors_language(language, label, placeholder):
    response = Client(HTTP_HOST="localhost").get("/admin/login/", HTTP_ACCEPT_LANGUAGE=language)

    assert response.status_code == 200
    texts = visible_text(response.content.decode())
    assert not [t for t in texts if re.search(r"(^|\W)Password($|\W)", t)]
    assert label in texts
    assert placeholder in texts
